import { describe, expect, it } from "vitest";
import {
  cagr,
  classifyRatio,
  directionOf,
  linearRate,
  meets,
  milestoneStatus,
  progressRatio,
  statusRank,
  taskStatus,
  usesCagr,
  worstStatus,
  type Comparator,
  type MilestoneStatus,
  type Point,
  type StatusResult,
  type TargetSpec,
} from "./status";

const LATE_2026 = new Date("2026-11-15T00:00:00Z");
const MID_2024 = new Date("2024-06-01T00:00:00Z");

function target(
  year: number,
  comparator: Comparator,
  value: number,
  kind = "PERCENT",
  direction: TargetSpec["direction"] = "HIGHER_IS_BETTER",
): TargetSpec {
  return { year, comparator, value, kind, direction };
}

const pt = (year: number, quarter: number, value: number): Point => ({ year, quarter, value });

describe("meets", () => {
  it("applies each comparator, boundaries included", () => {
    expect(meets(50.0001, "GT", 50)).toBe(true);
    expect(meets(50, "GT", 50)).toBe(false);
    expect(meets(80, "GTE", 80)).toBe(true);
    expect(meets(79.99, "GTE", 80)).toBe(false);
    expect(meets(50, "LTE", 50)).toBe(true);
    expect(meets(51, "LTE", 50)).toBe(false);
    expect(meets(9.99, "LT", 10)).toBe(true);
    expect(meets(10, "LT", 10)).toBe(false);
  });
  it("treats EQ as equal within 1e-9, so a computed 100% still counts", () => {
    expect(meets(100, "EQ", 100)).toBe(true);
    expect(meets(100 - 1e-10, "EQ", 100)).toBe(true);
    expect(meets(100 + 1e-10, "EQ", 100)).toBe(true);
    expect(meets(99.9999, "EQ", 100)).toBe(false);
    expect(meets(1, "EQ", 1)).toBe(true);
    expect(meets(0, "EQ", 1)).toBe(false);
  });
});

describe("directionOf", () => {
  it("takes the direction from an inequality, whatever the indicator's direction field says", () => {
    expect(directionOf(target(2030, "GTE", 30))).toBe(1);
    expect(directionOf(target(2030, "GT", 50, "PERCENT", "LOWER_IS_BETTER"))).toBe(1);
    expect(directionOf(target(2030, "LTE", 50, "RANK", "LOWER_IS_BETTER"))).toBe(-1);
    expect(directionOf(target(2030, "LT", 10, "PERCENT", "HIGHER_IS_BETTER"))).toBe(-1);
  });
  it("for EQ, uses the end of a bounded scale, else the direction field", () => {
    expect(directionOf(target(2025, "EQ", 100, "PERCENT", "LOWER_IS_BETTER"))).toBe(1);
    expect(directionOf(target(2025, "EQ", 0, "PERCENT", "HIGHER_IS_BETTER"))).toBe(-1);
    expect(directionOf(target(2025, "EQ", 1, "BOOLEAN"))).toBe(1);
    expect(directionOf(target(2025, "EQ", 5, "COUNT", "HIGHER_IS_BETTER"))).toBe(1);
    expect(directionOf(target(2025, "EQ", 5, "COUNT", "LOWER_IS_BETTER"))).toBe(-1);
  });
});

describe("rate helpers", () => {
  it("computes CAGR and linear rates per year", () => {
    // (121/100)^(1/2) − 1 = 1.1 − 1 = 0.1
    expect(cagr(121, 100, 2027, 2025)).toBeCloseTo(0.1, 12);
    // quarterly times: (110/100)^(1/0.5) − 1 = 1.21 − 1 = 0.21
    expect(cagr(110, 100, 2025.5, 2025)).toBeCloseTo(0.21, 12);
    // (350 − 0) / 3.5 = 100 per year
    expect(linearRate(350, 0, 2026.5, 2023)).toBe(100);
  });
  it("uses CAGR only when base, latest and target are all positive", () => {
    expect(usesCagr(12, 18.6, 30)).toBe(true);
    expect(usesCagr(0, 5, 10)).toBe(false);
    expect(usesCagr(-1, 5, 7)).toBe(false);
    expect(usesCagr(5, 5, 0)).toBe(false);
  });
  it("makes R infinite when no change is needed, with the sign of the move", () => {
    expect(progressRatio(0.5, 0, 1)).toBe(Infinity);
    expect(progressRatio(-0.5, 0, 1)).toBe(-Infinity);
    expect(progressRatio(-0.5, 0, -1)).toBe(Infinity);
    expect(progressRatio(0, 0, 1)).toBe(0);
    // −1 · (−0.05) / |−0.1| = 0.5
    expect(progressRatio(-0.05, -0.1, -1)).toBeCloseTo(0.5, 12);
  });
  it("classifies R at the Open SDG thresholds", () => {
    expect(classifyRatio(Infinity)).toBe("ON_TRACK");
    expect(classifyRatio(0.95)).toBe("ON_TRACK");
    expect(classifyRatio(0.9499)).toBe("NEEDS_ACCELERATION");
    expect(classifyRatio(0.6)).toBe("NEEDS_ACCELERATION");
    expect(classifyRatio(0.5999)).toBe("LIMITED_PROGRESS");
    expect(classifyRatio(0)).toBe("LIMITED_PROGRESS");
    expect(classifyRatio(-0.0001)).toBe("MOVING_AWAY");
    expect(classifyRatio(-Infinity)).toBe("MOVING_AWAY");
  });
});

describe("milestoneStatus: future milestones", () => {
  it("GDP share of the digital economy 12 → 18.6 against ≥ 30% in 2030, late 2026: on track", () => {
    const series = [
      pt(2026, 4, 25), // quarter not over on 15/11/2026: ignored
      pt(2024, 4, 18.6),
      pt(2022, 4, 14.3),
      pt(2020, 4, 12),
    ];
    const r = milestoneStatus(target(2030, "GTE", 30), series, LATE_2026);
    // t0 = 2020 Q4 → 2021.0, t1 = 2024 Q4 → 2025.0, tT = 2031.0
    // achieved = (18.6/12)^(1/4) − 1 = e^(ln 1.55 / 4) − 1 = e^(0.438255/4) − 1 = 0.115791
    // needed   = (30/12)^(1/10) − 1  = e^(ln 2.5 / 10) − 1 = e^(0.916291/10) − 1 = 0.095958
    // R = +1 · 0.115791 / 0.095958 = 1.2067 ≥ 0.95
    expect(r.status).toBe("ON_TRACK");
    const e = r.explanation;
    expect(e).toMatchObject({
      milestone: 2030,
      final: false,
      method: "cagr",
      target: { comparator: "GTE", value: 30 },
      base: { year: 2020, quarter: 4, value: 12 },
      latest: { year: 2024, quarter: 4, value: 18.6 },
      direction: 1,
      points: 3,
    });
    expect(e.rateAchieved).toBeCloseTo(0.115791, 5);
    expect(e.rateNeeded).toBeCloseTo(0.095958, 5);
    expect(e.ratio).toBeCloseTo(1.2067, 3);
  });

  it("EGDI rank 86 → 71 against top 50 (rank ≤ 50) in 2030: needs acceleration", () => {
    const rank = target(2030, "LTE", 50, "RANK", "LOWER_IS_BETTER");
    const r = milestoneStatus(rank, [pt(2020, 4, 86), pt(2024, 4, 71)], LATE_2026);
    // t0 = 2021.0, t1 = 2025.0, tT = 2031.0, d = −1
    // achieved = (71/86)^(1/4) − 1 = e^(−0.191667/4) − 1 = −0.046787
    // needed   = (50/86)^(1/10) − 1 = e^(−0.542324/10) − 1 = −0.052788
    // R = −1 · (−0.046787) / 0.052788 = 0.8863 → [0.6, 0.95)
    expect(r.status).toBe("NEEDS_ACCELERATION");
    expect(r.explanation.direction).toBe(-1);
    expect(r.explanation.method).toBe("cagr");
    expect(r.explanation.rateAchieved).toBeCloseTo(-0.046787, 5);
    expect(r.explanation.rateNeeded).toBeCloseTo(-0.052788, 5);
    expect(r.explanation.ratio).toBeCloseTo(0.8863, 3);
  });

  it("a rank falling back 71 → 79 is moving away from top 50", () => {
    const rank = target(2030, "LTE", 50, "RANK", "LOWER_IS_BETTER");
    const r = milestoneStatus(rank, [pt(2026, 2, 79), pt(2024, 4, 71)], LATE_2026);
    // t0 = 2025.0, t1 = 2026 Q2 → 2026.5, tT = 2031.0
    // achieved = (79/71)^(1/1.5) − 1 = e^(0.106768/1.5) − 1 = 0.073773 (rank number rising)
    // needed   = (50/71)^(1/6) − 1   = e^(−0.350657/6) − 1 = −0.056768
    // R = −1 · 0.073773 / 0.056768 = −1.2996 < 0
    expect(r.status).toBe("MOVING_AWAY");
    expect(r.explanation.rateAchieved).toBeCloseTo(0.073773, 5);
    expect(r.explanation.rateNeeded).toBeCloseTo(-0.056768, 5);
    expect(r.explanation.ratio).toBeCloseTo(-1.2996, 3);
  });

  it("'= 100%' creeping up 60 → 63 shows limited progress", () => {
    const r = milestoneStatus(target(2030, "EQ", 100), [pt(2022, 4, 60), pt(2026, 2, 63)], LATE_2026);
    // t0 = 2023.0, t1 = 2026.5, tT = 2031.0, d = +1 (100 is the top of the scale)
    // achieved = (63/60)^(1/3.5) − 1 = e^(0.048790/3.5) − 1 = 0.014038
    // needed   = (100/60)^(1/8) − 1  = e^(0.510826/8) − 1   = 0.065936
    // R = 0.014038 / 0.065936 = 0.2129 → [0, 0.6)
    expect(r.status).toBe("LIMITED_PROGRESS");
    expect(r.explanation.direction).toBe(1);
    expect(r.explanation.ratio).toBeCloseTo(0.2129, 3);
  });

  it("'= 100%' reached is achieved", () => {
    const r = milestoneStatus(target(2030, "EQ", 100), [pt(2022, 4, 60), pt(2026, 2, 100)], LATE_2026);
    expect(r.status).toBe("ACHIEVED");
  });

  it("an upper bound '< 10%' falling 20 → 12 is on track", () => {
    const r = milestoneStatus(
      target(2030, "LT", 10, "PERCENT", "LOWER_IS_BETTER"),
      [pt(2020, 4, 20), pt(2025, 4, 12)],
      LATE_2026,
    );
    // t0 = 2021.0, t1 = 2026.0, tT = 2031.0, d = −1
    // achieved = (12/20)^(1/5) − 1 = e^(−0.510826/5) − 1 = −0.097120
    // needed   = (10/20)^(1/10) − 1 = e^(−0.693147/10) − 1 = −0.066967
    // R = −1 · (−0.097120) / 0.066967 = 1.4503
    expect(r.status).toBe("ON_TRACK");
    expect(r.explanation.direction).toBe(-1);
    expect(r.explanation.ratio).toBeCloseTo(1.4503, 3);
  });

  it("an upper bound sitting exactly on 10% is not met ('dưới 10%' is strict)", () => {
    const r = milestoneStatus(
      target(2030, "LT", 10, "PERCENT", "LOWER_IS_BETTER"),
      [pt(2020, 4, 20), pt(2025, 4, 10)],
      LATE_2026,
    );
    expect(r.status).not.toBe("ACHIEVED");
    // latest = 10 = target: achieved (10/20)^(1/5) − 1 = −0.129449 vs needed −0.066967 → R = 1.933
    expect(r.status).toBe("ON_TRACK");
  });

  it("a '> 50%' target already met is achieved before its year, even from one point", () => {
    const r = milestoneStatus(target(2030, "GT", 50), [pt(2026, 1, 52)], LATE_2026);
    expect(r.status).toBe("ACHIEVED");
    expect(r.explanation).toMatchObject({
      final: false,
      method: "none",
      base: null,
      latest: { value: 52 },
      points: 1,
      ratio: null,
    });

    const two = milestoneStatus(target(2030, "GT", 50), [pt(2024, 4, 40), pt(2026, 1, 52)], LATE_2026);
    expect(two.status).toBe("ACHIEVED");
    expect(two.explanation.method).toBe("cagr");
    // 50 exactly does not meet "> 50"
    expect(milestoneStatus(target(2030, "GT", 50), [pt(2026, 1, 50)], LATE_2026).status).toBe("NOT_ENOUGH_DATA");
  });

  it("the same data is limited against 2025 and needs acceleration against 2030", () => {
    const series = [pt(2022, 4, 10), pt(2023, 4, 12)];
    // t0 = 2023.0, t1 = 2024.0; achieved = (12/10)^(1/1) − 1 = 0.2
    const r2025 = milestoneStatus(target(2025, "GTE", 80), series, MID_2024);
    // tT = 2026.0: needed = (80/10)^(1/3) − 1 = 2 − 1 = 1; R = 0.2 / 1 = 0.2
    expect(r2025.status).toBe("LIMITED_PROGRESS");
    expect(r2025.explanation.rateAchieved).toBeCloseTo(0.2, 10);
    expect(r2025.explanation.rateNeeded).toBeCloseTo(1, 10);
    expect(r2025.explanation.ratio).toBeCloseTo(0.2, 10);
    const r2030 = milestoneStatus(target(2030, "GTE", 80), series, MID_2024);
    // tT = 2031.0: needed = 8^(1/8) − 1 = 2^(3/8) − 1 = 0.296840; R = 0.2 / 0.296840 = 0.6738
    expect(r2030.status).toBe("NEEDS_ACCELERATION");
    expect(r2030.explanation.rateNeeded).toBeCloseTo(0.29684, 5);
    expect(r2030.explanation.ratio).toBeCloseTo(0.6738, 3);
  });

  it("falls back to linear rates from a zero base (a count starting at 0)", () => {
    const experts = target(2030, "GTE", 1000, "COUNT");
    const r = milestoneStatus(experts, [pt(2022, 4, 0), pt(2026, 2, 350)], LATE_2026);
    // t0 = 2023.0, t1 = 2026.5, tT = 2031.0
    // achieved = (350 − 0) / 3.5 = 100 per year; needed = (1000 − 0) / 8 = 125 per year
    // R = 100 / 125 = 0.8
    expect(r.status).toBe("NEEDS_ACCELERATION");
    expect(r.explanation.method).toBe("linear");
    expect(r.explanation.rateAchieved).toBeCloseTo(100, 10);
    expect(r.explanation.rateNeeded).toBeCloseTo(125, 10);
    expect(r.explanation.ratio).toBeCloseTo(0.8, 10);
  });

  it("a BOOLEAN (0/1) target EQ 1: linear, still 0 is limited, 1 is achieved", () => {
    const yes = target(2030, "EQ", 1, "BOOLEAN");
    const still = milestoneStatus(yes, [pt(2023, 4, 0), pt(2026, 2, 0)], LATE_2026);
    // base 0 → linear: achieved = (0 − 0)/2.5 = 0, needed = (1 − 0)/7 = 0.142857; R = 0
    expect(still.status).toBe("LIMITED_PROGRESS");
    expect(still.explanation.method).toBe("linear");
    expect(still.explanation.rateNeeded).toBeCloseTo(1 / 7, 10);
    expect(still.explanation.ratio).toBe(0);
    expect(milestoneStatus(yes, [pt(2023, 4, 0), pt(2026, 2, 1)], LATE_2026).status).toBe("ACHIEVED");
  });

  it("a growth-rate target (productivity ≥ 7%/yr) compares the latest rate with 7", () => {
    const growth = target(2030, "GTE", 7, "RATE_PER_YEAR");
    const r = milestoneStatus(growth, [pt(2022, 4, 5), pt(2025, 4, 6)], LATE_2026);
    // t0 = 2023.0, t1 = 2026.0, tT = 2031.0
    // achieved = (6/5)^(1/3) − 1 = e^(0.182322/3) − 1 = 0.062659
    // needed   = (7/5)^(1/8) − 1 = e^(0.336472/8) − 1 = 0.042956
    // R = 0.062659 / 0.042956 = 1.4587
    expect(r.status).toBe("ON_TRACK");
    expect(r.explanation.ratio).toBeCloseTo(1.4587, 3);
    expect(milestoneStatus(growth, [pt(2022, 4, 5), pt(2025, 4, 7.2)], LATE_2026).status).toBe("ACHIEVED");
    // a negative base rate cannot be compounded: linear, (4 − (−1)) / 3 = 1.6667 vs (7 − (−1)) / 8 = 1 → R = 1.6667
    const neg = milestoneStatus(growth, [pt(2022, 4, -1), pt(2025, 4, 4)], LATE_2026);
    expect(neg.explanation.method).toBe("linear");
    expect(neg.explanation.ratio).toBeCloseTo(5 / 3, 10);
    expect(neg.status).toBe("ON_TRACK");
  });

  it("when the base already sits on the target (needed rate 0), R is ±∞ or 0", () => {
    const gt50 = target(2030, "GT", 50);
    const down = milestoneStatus(gt50, [pt(2024, 4, 50), pt(2025, 4, 49)], LATE_2026);
    // needed = (50/50)^(1/6) − 1 = 0; achieved = 49/50 − 1 = −0.02 → R = −∞
    expect(down.status).toBe("MOVING_AWAY");
    expect(down.explanation.rateNeeded).toBe(0);
    expect(down.explanation.ratio).toBe(-Infinity);
    const flat = milestoneStatus(gt50, [pt(2024, 4, 50), pt(2025, 4, 50)], LATE_2026);
    expect(flat.status).toBe("LIMITED_PROGRESS");
    expect(flat.explanation.ratio).toBe(0);
    // EQ 5 (higher is better) from 5 to 6: right direction, needed 0 → R = +∞
    const eq = milestoneStatus(target(2030, "EQ", 5, "COUNT"), [pt(2024, 4, 5), pt(2025, 4, 6)], LATE_2026);
    expect(eq.status).toBe("ON_TRACK");
    expect(eq.explanation.ratio).toBe(Infinity);
  });

  it("sorts an unsorted series and uses the first point as base, the last as latest", () => {
    const series = [pt(2024, 4, 18.6), pt(2020, 4, 12), pt(2022, 2, 13), pt(2023, 1, 20)];
    const r = milestoneStatus(target(2030, "GTE", 30), series, LATE_2026);
    expect(r.explanation.base).toEqual({ year: 2020, quarter: 4, value: 12 });
    expect(r.explanation.latest).toEqual({ year: 2024, quarter: 4, value: 18.6 });
    expect(r.explanation.ratio).toBeCloseTo(1.2067, 3);
  });

  it("does not count a quarter that is not over yet", () => {
    // 15/11/2026 is in Q4: the Q4 value (end of quarter = 01/01/2027) is not there yet; Q3 is
    const r = milestoneStatus(target(2030, "GTE", 30), [pt(2026, 3, 20), pt(2026, 4, 31)], LATE_2026);
    expect(r.status).toBe("NOT_ENOUGH_DATA");
    expect(r.explanation.latest).toEqual({ year: 2026, quarter: 3, value: 20 });
    expect(r.explanation.points).toBe(1);
  });

  it("needs two points at different times", () => {
    const t = target(2030, "GTE", 30);
    const none = milestoneStatus(t, [], LATE_2026);
    expect(none.status).toBe("NOT_ENOUGH_DATA");
    expect(none.explanation).toEqual({
      milestone: 2030,
      final: false,
      method: "none",
      target: { comparator: "GTE", value: 30 },
      base: null,
      latest: null,
      rateNeeded: null,
      rateAchieved: null,
      ratio: null,
      direction: 1,
      points: 0,
    });
    const one = milestoneStatus(t, [pt(2025, 4, 20)], LATE_2026);
    expect(one.status).toBe("NOT_ENOUGH_DATA");
    expect(one.explanation.latest).toEqual({ year: 2025, quarter: 4, value: 20 });
    expect(one.explanation.base).toBeNull();
    const sameQuarter = milestoneStatus(t, [pt(2025, 4, 20), pt(2025, 4, 21)], LATE_2026);
    expect(sameQuarter.status).toBe("NOT_ENOUGH_DATA");
    expect(sameQuarter.explanation.points).toBe(2);
    expect(milestoneStatus(t, [pt(2027, 1, 10), pt(2028, 1, 20)], LATE_2026).status).toBe("NOT_ENOUGH_DATA");
  });

  it("ignores values that are not finite numbers", () => {
    const r = milestoneStatus(target(2030, "GTE", 30), [pt(2024, 4, Number.NaN), pt(2025, 4, 20)], LATE_2026);
    expect(r.status).toBe("NOT_ENOUGH_DATA");
    expect(r.explanation.points).toBe(1);
  });
});

describe("milestoneStatus: final milestones", () => {
  const t2025 = target(2025, "GTE", 80);

  it("a 2025 target whose 2025 value misses is MISSED, later values notwithstanding", () => {
    const r = milestoneStatus(t2025, [pt(2024, 4, 70), pt(2025, 4, 75), pt(2026, 2, 85)], LATE_2026);
    expect(r.status).toBe("MISSED");
    // t0 = 2025.0, t1 = 2026.0, tT = 2026.0
    // achieved = 75/70 − 1 = 0.071429; needed = 80/70 − 1 = 0.142857; R = 0.5 (shown, not used)
    expect(r.explanation).toMatchObject({
      milestone: 2025,
      final: true,
      method: "final",
      base: { year: 2024, quarter: 4, value: 70 },
      latest: { year: 2025, quarter: 4, value: 75 },
      points: 2,
    });
    expect(r.explanation.rateAchieved).toBeCloseTo(0.071429, 5);
    expect(r.explanation.rateNeeded).toBeCloseTo(0.142857, 5);
    expect(r.explanation.ratio).toBeCloseTo(0.5, 10);
  });

  it("a 2025 target met by the last 2025 value is ACHIEVED", () => {
    const r = milestoneStatus(t2025, [pt(2025, 3, 78), pt(2025, 4, 81)], LATE_2026);
    expect(r.status).toBe("ACHIEVED");
    expect(r.explanation.latest).toEqual({ year: 2025, quarter: 4, value: 81 });
  });

  it("judges on the latest value of the target year, not the best one", () => {
    expect(milestoneStatus(t2025, [pt(2025, 3, 82), pt(2025, 4, 79)], LATE_2026).status).toBe("MISSED");
  });

  it("with no value up to 2025 but one in 2026 there is NO_DATA", () => {
    const r = milestoneStatus(t2025, [pt(2026, 1, 90)], LATE_2026);
    expect(r.status).toBe("NO_DATA");
    expect(r.explanation).toMatchObject({ final: true, method: "final", latest: null, base: null, points: 0 });
    expect(milestoneStatus(t2025, [], LATE_2026).status).toBe("NO_DATA");
  });

  it("falls back to the latest earlier value when the target year has none", () => {
    const r = milestoneStatus(t2025, [pt(2024, 2, 60)], LATE_2026);
    expect(r.status).toBe("MISSED");
    expect(r.explanation.base).toBeNull();
    expect(r.explanation.rateNeeded).toBeNull();
  });

  it("becomes final at 00:00 UTC on 1 January of the following year", () => {
    const series = [pt(2024, 4, 70), pt(2025, 3, 75)];
    const before = milestoneStatus(t2025, series, new Date("2025-12-31T23:59:59Z"));
    expect(before.explanation.final).toBe(false);
    // t0 = 2025.0, t1 = 2025.75: achieved = (75/70)^(1/0.75) − 1 = 0.096354; needed = 80/70 − 1 = 0.142857; R = 0.6745
    expect(before.status).toBe("NEEDS_ACCELERATION");
    expect(before.explanation.ratio).toBeCloseTo(0.6745, 3);
    const after = milestoneStatus(t2025, series, new Date("2026-01-01T00:00:00Z"));
    expect(after.explanation.final).toBe(true);
    expect(after.status).toBe("MISSED");
    // the 2025 Q4 value is over at that instant and counts
    expect(milestoneStatus(t2025, [...series, pt(2025, 4, 80)], new Date("2026-01-01T00:00:00Z")).status).toBe(
      "ACHIEVED",
    );
  });

  it("a final rank target uses the same comparator", () => {
    const rank = target(2025, "LTE", 50, "RANK", "LOWER_IS_BETTER");
    expect(milestoneStatus(rank, [pt(2024, 4, 71)], LATE_2026).status).toBe("MISSED");
    expect(milestoneStatus(rank, [pt(2024, 4, 71), pt(2025, 4, 48)], LATE_2026).status).toBe("ACHIEVED");
  });
});

describe("worstStatus and statusRank", () => {
  const result = (status: MilestoneStatus): StatusResult => ({
    status,
    explanation: {
      milestone: 2030,
      final: false,
      method: "none",
      target: { comparator: "GTE", value: 10 },
      base: null,
      latest: null,
      rateNeeded: null,
      rateAchieved: null,
      ratio: null,
      direction: 1,
      points: 0,
    },
  });

  it("orders statuses worst first, unknowns right after the definitely bad ones", () => {
    const all: MilestoneStatus[] = [
      "ACHIEVED",
      "ON_TRACK",
      "NOT_ENOUGH_DATA",
      "NEEDS_ACCELERATION",
      "MISSED",
      "LIMITED_PROGRESS",
      "NO_DATA",
      "MOVING_AWAY",
    ];
    expect([...all].sort((a, b) => statusRank(a) - statusRank(b))).toEqual([
      "MOVING_AWAY",
      "MISSED",
      "NO_DATA",
      "NOT_ENOUGH_DATA",
      "LIMITED_PROGRESS",
      "NEEDS_ACCELERATION",
      "ON_TRACK",
      "ACHIEVED",
    ]);
  });

  it("returns null for no units and the least favourable unit otherwise (same object)", () => {
    expect(worstStatus([])).toBeNull();
    const limited = result("LIMITED_PROGRESS");
    expect(worstStatus([result("ON_TRACK"), limited, result("ACHIEVED")])).toBe(limited);
    const first = result("NEEDS_ACCELERATION");
    expect(worstStatus([first, result("NEEDS_ACCELERATION")])).toBe(first);
  });

  it("never lets a unit without data make the target look better than its worst reporting unit", () => {
    expect(worstStatus([result("ACHIEVED"), result("NOT_ENOUGH_DATA")])?.status).toBe("NOT_ENOUGH_DATA");
    expect(worstStatus([result("LIMITED_PROGRESS"), result("NOT_ENOUGH_DATA")])?.status).toBe("NOT_ENOUGH_DATA");
    expect(worstStatus([result("MOVING_AWAY"), result("NOT_ENOUGH_DATA")])?.status).toBe("MOVING_AWAY");
    expect(worstStatus([result("ACHIEVED"), result("NO_DATA")])?.status).toBe("NO_DATA");
    expect(worstStatus([result("MISSED"), result("NO_DATA")])?.status).toBe("MISSED");
  });

  it("a per-sector floor ('each sector at least 10%') takes the weakest sector", () => {
    const floor = target(2030, "GTE", 10);
    const sectors = [
      milestoneStatus(floor, [pt(2023, 4, 8), pt(2025, 4, 12)], LATE_2026), // achieved
      milestoneStatus(floor, [pt(2023, 4, 4), pt(2025, 4, 4.4)], LATE_2026),
      milestoneStatus(floor, [pt(2023, 4, 6), pt(2025, 4, 5)], LATE_2026),
    ];
    // sector 2: (4.4/4)^(1/2) − 1 = 0.048809 vs (10/4)^(1/7) − 1 = 0.139852 → R = 0.349 (limited)
    // sector 3: falling 6 → 5 → R < 0 (moving away)
    expect(sectors.map((s) => s.status)).toEqual(["ACHIEVED", "LIMITED_PROGRESS", "MOVING_AWAY"]);
    expect(worstStatus(sectors)).toBe(sectors[2]);
  });
});

describe("taskStatus", () => {
  const due = new Date("2025-12-31T00:00:00Z");
  const task = { dueOn: due, recurring: false };
  const report = (
    status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED",
    completedOn: string | null,
    updatedAt: string,
  ) => ({
    status,
    completedOn: completedOn ? new Date(completedOn) : null,
    updatedAt: new Date(updatedAt),
  });

  it("is done on time when completed on or before the due day", () => {
    expect(taskStatus(task, report("DONE", "2025-12-31", "2026-01-10T08:00:00Z"), LATE_2026)).toBe("DONE_ON_TIME");
    expect(taskStatus(task, report("DONE", "2025-06-30", "2025-07-01T08:00:00Z"), LATE_2026)).toBe("DONE_ON_TIME");
  });

  it("is done late when completed after the due day", () => {
    expect(taskStatus(task, report("DONE", "2026-01-01", "2026-01-01T08:00:00Z"), LATE_2026)).toBe("DONE_LATE");
  });

  it("dates a DONE report without a completion date by its update time, to the end of the due day", () => {
    expect(taskStatus(task, report("DONE", null, "2025-12-31T23:59:59Z"), LATE_2026)).toBe("DONE_ON_TIME");
    expect(taskStatus(task, report("DONE", null, "2026-01-01T00:00:00Z"), LATE_2026)).toBe("DONE_LATE");
  });

  it("is done on time whenever there is no due date", () => {
    expect(
      taskStatus({ dueOn: null, recurring: false }, report("DONE", "2026-06-01", "2026-06-01T00:00:00Z"), LATE_2026),
    ).toBe("DONE_ON_TIME");
    expect(taskStatus({ dueOn: null, recurring: true }, report("DONE", null, "2026-06-01T00:00:00Z"), LATE_2026)).toBe(
      "DONE_ON_TIME",
    );
  });

  it("is overdue once the due day is over, whatever was reported short of DONE", () => {
    expect(taskStatus(task, null, LATE_2026)).toBe("OVERDUE");
    expect(taskStatus(task, report("IN_PROGRESS", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("OVERDUE");
    expect(taskStatus(task, report("BLOCKED", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("OVERDUE");
    expect(taskStatus(task, null, new Date("2025-12-31T23:59:59Z"))).toBe("NOT_STARTED");
    expect(taskStatus(task, null, new Date("2026-01-01T00:00:00Z"))).toBe("OVERDUE");
  });

  it("is in progress or not started before the due day (or without one)", () => {
    const early = new Date("2025-11-01T00:00:00Z");
    expect(taskStatus(task, report("IN_PROGRESS", null, "2025-10-01T00:00:00Z"), early)).toBe("IN_PROGRESS");
    expect(taskStatus(task, report("BLOCKED", null, "2025-10-01T00:00:00Z"), early)).toBe("IN_PROGRESS");
    expect(taskStatus(task, report("NOT_STARTED", null, "2025-10-01T00:00:00Z"), early)).toBe("NOT_STARTED");
    expect(taskStatus(task, null, early)).toBe("NOT_STARTED");
    const open = { dueOn: null, recurring: false };
    expect(taskStatus(open, report("IN_PROGRESS", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("IN_PROGRESS");
    expect(taskStatus(open, null, LATE_2026)).toBe("NOT_STARTED");
  });

  it("a recurring task is ongoing once work is reported, never overdue", () => {
    const recurring = { dueOn: null, recurring: true };
    expect(taskStatus(recurring, report("IN_PROGRESS", null, "2026-10-01T00:00:00Z"), LATE_2026)).toBe("ONGOING");
    expect(taskStatus(recurring, report("BLOCKED", null, "2026-10-01T00:00:00Z"), LATE_2026)).toBe("ONGOING");
    expect(taskStatus(recurring, report("NOT_STARTED", null, "2026-10-01T00:00:00Z"), LATE_2026)).toBe("NOT_STARTED");
    expect(taskStatus(recurring, null, LATE_2026)).toBe("NOT_STARTED");
    // even with a stray past due date
    expect(
      taskStatus({ dueOn: due, recurring: true }, report("IN_PROGRESS", null, "2026-10-01T00:00:00Z"), LATE_2026),
    ).toBe("ONGOING");
  });
});
