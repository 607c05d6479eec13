import { describe, expect, it } from "vitest";
import {
  cagr,
  collapse,
  meetsTarget,
  perUnitStatus,
  phaseOf,
  roundTo,
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
  type SeriesSpec,
  type TargetSpec,
} from "./status";

const LATE_2026 = new Date("2026-11-15T00:00:00Z");

function target(
  year: number,
  comparator: Comparator,
  value: number,
  kind = "PERCENT",
  direction: TargetSpec["direction"] = "HIGHER_IS_BETTER",
  extra: Partial<TargetSpec> = {},
): TargetSpec {
  return { year, comparator, value, kind, direction, baseYear: 2020, ...extra };
}

const pt = (year: number, quarter: number, value: number, extra: Partial<Point> = {}): Point => ({
  year,
  quarter,
  value,
  ...extra,
});
/** An annual figure: its year, dated at the end of quarter 4. */
const yr = (year: number, value: number, extra: Partial<Point> = {}): Point => pt(year, 4, value, extra);
const ANNUAL: SeriesSpec = { periodicity: "YEAR", cutoffDays: 0 };
const TWO_YEARLY: SeriesSpec = { periodicity: "TWO_YEARS", cutoffDays: 0 };
/** The statistics office: a year's figure is final with the next annual release (section 5). */
const NSO: SeriesSpec = { periodicity: "YEAR", cutoffDays: 372 };

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

describe("rounding and thresholds", () => {
  it("rounds R half away from zero on its decimal digits", () => {
    // 0.945 is stored as 0.94499999999999995…: rounding the decimal digits gives 0.95, not 0.94
    expect(roundTo(0.945, 2)).toBe(0.95);
    expect(roundTo(0.9449, 2)).toBe(0.94);
    // 0.57 / 0.6 = 0.9499999999999998 in binary floating point: 0.95
    expect(roundTo(0.57 / 0.6, 2)).toBe(0.95);
    expect(roundTo(-0.005, 2)).toBe(-0.01);
    expect(roundTo(-0.004, 2)).toBe(0);
    expect(roundTo(Infinity, 2)).toBe(Infinity);
  });
  it("compares a value with its threshold without floating-point error", () => {
    // 0.1 + 0.2 = 0.30000000000000004: still "≤ 0.3" and not "> 0.3"
    expect(meets(0.1 + 0.2, "LTE", 0.3)).toBe(true);
    expect(meets(0.1 + 0.2, "GT", 0.3)).toBe(false);
  });
  it("an approximate target ('khoảng 80%') is met within 0.5 point; a level within 1 %", () => {
    const about80 = target(2025, "EQ", 80, "PERCENT", "HIGHER_IS_BETTER", { approximate: true });
    // |79.6 − 80| = 0.4 ≤ 0.5 → met; |79.5 − 80| = 0.5 ≤ 0.5 → met; |79.4 − 80| = 0.6 > 0.5 → not met
    expect(meetsTarget(79.6, about80)).toBe(true);
    expect(meetsTarget(79.5, about80)).toBe(true);
    expect(meetsTarget(79.4, about80)).toBe(false);
    const about1000 = target(2030, "GTE", 1000, "COUNT", "HIGHER_IS_BETTER", { approximate: true });
    // 1 % of 1000 = 10: 990 is met, 989 is not
    expect(meetsTarget(990, about1000)).toBe(true);
    expect(meetsTarget(989, about1000)).toBe(false);
    // without "khoảng" 999 misses "≥ 1000"
    expect(meetsTarget(999, { ...about1000, approximate: false })).toBe(false);
  });
});

describe("milestoneStatus: exact thresholds", () => {
  it("R that is 0.95 in decimal arithmetic is on track, whatever the binary rounding", () => {
    // annual, base 2020 = 10 (t0 = 2021.0), latest 2024 = 12.28 (t1 = 2025.0), target 2030 ≥ 16 (tT = 2031.0)
    // achieved = (12.28 − 10) / 4 = 0.57 pp/yr (0.5699999999999998 in floating point)
    // needed   = (16 − 10) / 10   = 0.6 pp/yr
    // R = 0.57 / 0.6 = 0.9499999999999997 → rounded 0.95 → ON_TRACK (unrounded it was NEEDS_ACCELERATION)
    const r = milestoneStatus(target(2030, "GTE", 16), [yr(2020, 10), yr(2024, 12.28)], LATE_2026, ANNUAL);
    expect(r.explanation.ratio).toBe(0.95);
    expect(r.status).toBe("ON_TRACK");
  });
  it("R = 0.60 exactly needs acceleration; 0.59 is limited progress", () => {
    // base 2020 = 10 (t0 2021.0), target 2030 ≥ 30 (tT 2031.0): needed = 20 / 10 = 2 pp/yr
    // latest 2024 = 14.8 (t1 2025.0): achieved = 4.8 / 4 = 1.2 → R = 1.2 / 2 = 0.6
    const at60 = milestoneStatus(target(2030, "GTE", 30), [yr(2020, 10), yr(2024, 14.8)], LATE_2026, ANNUAL);
    expect(at60.explanation.ratio).toBe(0.6);
    expect(at60.status).toBe("NEEDS_ACCELERATION");
    // latest 2024 = 14.72: achieved = 4.72 / 4 = 1.18 → R = 0.59
    const at59 = milestoneStatus(target(2030, "GTE", 30), [yr(2020, 10), yr(2024, 14.72)], LATE_2026, ANNUAL);
    expect(at59.explanation.ratio).toBe(0.59);
    expect(at59.status).toBe("LIMITED_PROGRESS");
  });
  it("a value exactly on a '≥' threshold achieves it; on a strict '<' it does not", () => {
    expect(milestoneStatus(target(2030, "GTE", 80), [yr(2020, 70), yr(2024, 80)], LATE_2026, ANNUAL).status).toBe(
      "ACHIEVED",
    );
    // "dưới 10%": 10 is not below 10. base 2020 = 20 (t0 2021), latest 2024 = 10 (t1 2025), tT 2031, d = −1
    // achieved = (10 − 20) / 4 = −2.5 pp/yr; needed = (10 − 20) / 10 = −1 pp/yr; R = −1 · −2.5 / 1 = 2.5
    const lt = milestoneStatus(
      target(2030, "LT", 10, "PERCENT", "LOWER_IS_BETTER"),
      [yr(2020, 20), yr(2024, 10)],
      LATE_2026,
      ANNUAL,
    );
    expect(lt.status).toBe("ON_TRACK");
    expect(lt.explanation.ratio).toBe(2.5);
  });
});

describe("milestoneStatus: bounded percentages (percentage points)", () => {
  // The statistics office's series for the digital economy's share of GDP, as read in late 2026
  const nso = [yr(2020, 12.66), yr(2021, 12.87), yr(2022, 12.83), yr(2023, 12.87), yr(2024, 13.17), yr(2025, 14.02)];
  const de2030 = target(2030, "GTE", 30, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2022 });

  it("the digital economy 12.83 % (2022) → 14.02 % (2025) against ≥ 30 % in 2030 is limited progress", () => {
    const r = milestoneStatus(de2030, nso, LATE_2026, NSO);
    // base = the decision's base year 2022: 12.83, t0 = 2023.0; latest 2025: 14.02, t1 = 2026.0; tT = 2031.0
    // achieved = (14.02 − 12.83) / 3 = 0.396667 pp/yr; needed = (30 − 12.83) / 8 = 2.14625 pp/yr
    // R = 0.396667 / 2.14625 = 0.1848 → 0.18 → [0, 0.6): LIMITED_PROGRESS
    expect(r.status).toBe("LIMITED_PROGRESS");
    expect(r.explanation).toMatchObject({
      phase: "IN_PROGRESS",
      method: "points",
      measure: "BOUNDED",
      baseYear: 2022,
      base: { period: "2022", value: 12.83 },
      baseShifted: false,
      latest: { period: "2025", value: 14.02 },
      ratio: 0.18,
      points: 4,
      reason: null,
    });
    expect(r.explanation.rateAchieved).toBeCloseTo(0.396667, 5);
    expect(r.explanation.rateNeeded).toBeCloseTo(2.14625, 10);
  });

  it("loading older data changes nothing: values before the base year are never used", () => {
    const before = milestoneStatus(de2030, nso, LATE_2026, NSO);
    const withOlder = milestoneStatus(de2030, [yr(2015, 5), yr(2018, 30), ...nso], LATE_2026, NSO);
    const withoutOlder = milestoneStatus(de2030, nso.slice(2), LATE_2026, NSO);
    expect(withOlder).toEqual(before);
    expect(withoutOlder).toEqual(before);
  });

  it("'= 100 %' is approached in points: 60 → 63 in 3.5 years is limited progress", () => {
    // quarterly, base year 2022: Q4 2022 = 60 (t0 = 2023.0); latest Q2 2026 = 63 (t1 = 2026.5); tT = 2031.0
    // achieved = 3 / 3.5 = 0.857143 pp/yr; needed = 40 / 8 = 5 pp/yr; R = 0.171429 → 0.17
    const r = milestoneStatus(
      target(2030, "EQ", 100, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2022 }),
      [pt(2022, 4, 60), pt(2026, 2, 63)],
      LATE_2026,
    );
    expect(r.status).toBe("LIMITED_PROGRESS");
    expect(r.explanation.ratio).toBe(0.17);
    expect(r.explanation.base).toEqual({ period: "2022-Q4", year: 2022, quarter: 4, value: 60, provisional: false });
  });

  it("a 0.2-point wobble is no move (limited progress), a 0.6-point fall is moving away", () => {
    const t = target(2030, "GTE", 80, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2024 });
    // |59.8 − 60| = 0.2 ≤ 0.5: counted as no move, achieved = 0 → R = 0 → LIMITED_PROGRESS (not MOVING_AWAY)
    const wobble = milestoneStatus(t, [pt(2024, 4, 60), pt(2026, 2, 59.8)], LATE_2026);
    expect(wobble.status).toBe("LIMITED_PROGRESS");
    expect(wobble.explanation).toMatchObject({ stalled: true, rateAchieved: 0, ratio: 0 });
    // 60 → 59.4 (t0 2025.0, t1 2026.5): achieved = −0.6 / 1.5 = −0.4; needed = 20 / 6 = 3.3333; R = −0.12
    const fall = milestoneStatus(t, [pt(2024, 4, 60), pt(2026, 2, 59.4)], LATE_2026);
    expect(fall.status).toBe("MOVING_AWAY");
    expect(fall.explanation.ratio).toBe(-0.12);
  });
});

describe("milestoneStatus: levels (CAGR)", () => {
  it("digital enterprises 64,000 (2022) → 73,788 (2024) against ≥ 100,000 in 2030: on track", () => {
    const t = target(2030, "GTE", 100000, "COUNT", "HIGHER_IS_BETTER", { baseYear: 2022 });
    const r = milestoneStatus(t, [yr(2021, 64000 * 0.9), yr(2022, 64000), yr(2024, 73788)], LATE_2026, ANNUAL);
    // t0 = 2023.0, t1 = 2025.0, tT = 2031.0
    // achieved = (73788 / 64000)^(1/2) − 1 = 0.073749; needed = (100000 / 64000)^(1/8) − 1 = 0.057371
    // R = 0.073749 / 0.057371 = 1.2855 → 1.29 ≥ 0.95
    expect(r.status).toBe("ON_TRACK");
    expect(r.explanation.method).toBe("cagr");
    expect(r.explanation.rateAchieved).toBeCloseTo(0.073749, 5);
    expect(r.explanation.rateNeeded).toBeCloseTo(0.057371, 5);
    expect(r.explanation.ratio).toBe(1.29);
  });
  it("a move under 1 % of the base is no move", () => {
    const t = target(2030, "GTE", 100000, "COUNT", "HIGHER_IS_BETTER", { baseYear: 2022 });
    // |63,500 − 64,000| = 500 ≤ 1 % · 64,000 = 640 → achieved 0 → R = 0 → LIMITED_PROGRESS, not MOVING_AWAY
    const r = milestoneStatus(t, [yr(2022, 64000), yr(2024, 63500)], LATE_2026, ANNUAL);
    expect(r.status).toBe("LIMITED_PROGRESS");
    expect(r.explanation.stalled).toBe(true);
  });
  it("falls back to linear change from a zero base", () => {
    const experts = target(2030, "GTE", 1000, "COUNT", "HIGHER_IS_BETTER", { baseYear: 2022 });
    // t0 = 2023.0 (Q4 2022), t1 = 2026.5 (Q2 2026), tT = 2031.0
    // achieved = (350 − 0) / 3.5 = 100 per year; needed = (1000 − 0) / 8 = 125 per year; R = 0.8
    const r = milestoneStatus(experts, [pt(2022, 4, 0), pt(2026, 2, 350)], LATE_2026);
    expect(r.status).toBe("NEEDS_ACCELERATION");
    expect(r.explanation.method).toBe("linear");
    expect(r.explanation.rateAchieved).toBe(100);
    expect(r.explanation.rateNeeded).toBe(125);
    expect(r.explanation.ratio).toBe(0.8);
  });
});

describe("milestoneStatus: annual and two-yearly series", () => {
  const enterprises = target(2030, "GTE", 100000, "COUNT", "HIGHER_IS_BETTER", { baseYear: 2022 });
  // an annual figure reported every quarter by an agency: one value per year, the latest quarter's
  const quarterly = [2022, 2023, 2024, 2025, 2026].flatMap((y, i) =>
    [1, 2, 3, 4].map((q) => pt(y, q, 60000 + i * 5000 + (q === 4 ? 1000 : 0))),
  );

  it("collapses quarterly reports of an annual indicator to the fourth quarter, dated at the year's end", () => {
    const r = milestoneStatus(enterprises, quarterly, LATE_2026, ANNUAL);
    // base 2022 = Q4 61,000 (t0 2023.0); latest 2025 = Q4 76,000 (t1 2026.0): the 2026 year is not over
    // achieved = (76000 / 61000)^(1/3) − 1 = 0.076039; needed = (100000 / 61000)^(1/8) − 1 = 0.063736
    // R = 0.076039 / 0.063736 = 1.1930 → 1.19
    expect(r.explanation.base).toMatchObject({ period: "2022", value: 61000 });
    expect(r.explanation.latest).toMatchObject({ period: "2025", value: 76000 });
    expect(r.explanation.points).toBe(4);
    expect(r.explanation.ratio).toBe(1.19);
  });

  it("does not drift while the year goes by: the same status in May and in November 2026", () => {
    const may = milestoneStatus(enterprises, quarterly, new Date("2026-05-15T00:00:00Z"), ANNUAL);
    const nov = milestoneStatus(enterprises, quarterly, LATE_2026, ANNUAL);
    // quarterly dating would move t1 from 2026.25 to 2026.75 and change R each quarter; annual dating does not
    expect(may.explanation.ratio).toBe(nov.explanation.ratio);
    expect(may.status).toBe(nov.status);
  });

  it("dates a two-yearly edition at the end of its pair of years (2023–2024 → 2025.0)", () => {
    const pts = collapse([yr(2022, 86), yr(2024, 71), yr(2020, 86)], "TWO_YEARS", LATE_2026.getTime(), -1);
    expect(pts.map((p) => [p.period, p.t, p.value])).toEqual([
      ["2019-2020", 2021, 86],
      ["2021-2022", 2023, 86],
      ["2023-2024", 2025, 71],
    ]);
  });
});

describe("milestoneStatus: ranks (positions)", () => {
  // UN EGDI rank, two-yearly: 86 (2020), 86 (2022), 71 (2024); Decision 942 issued 2021
  const egdi = [yr(2020, 86), yr(2022, 86), yr(2024, 71)];

  it("rank 86 → 71 against top 30 by 2030 compares positions, not growth rates: on track", () => {
    const t = target(2030, "LTE", 30, "RANK", "LOWER_IS_BETTER", { baseYear: 2021 });
    const r = milestoneStatus(t, egdi, LATE_2026, TWO_YEARLY);
    // base: the edition covering 2021 is 2021–2022 = 86 (t0 = 2023.0); latest 2023–2024 = 71 (t1 = 2025.0)
    // gained = (86 − 71) / 2 = 7.5 positions/yr; needed = (86 − 30) / 8 = 7 positions/yr (tT = 2031.0)
    // R = 7.5 / 7 = 1.0714 → 1.07 → ON_TRACK
    expect(r.status).toBe("ON_TRACK");
    expect(r.explanation).toMatchObject({
      method: "positions",
      measure: "RANK",
      base: { period: "2021-2022", value: 86 },
      latest: { period: "2023-2024", value: 71 },
      rateAchieved: 7.5,
      rateNeeded: 7,
      ratio: 1.07,
      direction: -1,
    });
  });

  it("a rank falling back (GII 42 → 48) is moving away from top 35", () => {
    const t = target(2025, "LTE", 35, "RANK", "LOWER_IS_BETTER", { baseYear: 2020 });
    const r = milestoneStatus(t, [yr(2020, 42), yr(2021, 44), yr(2022, 48)], new Date("2023-06-01T00:00:00Z"), ANNUAL);
    // t0 = 2021.0 (2020), t1 = 2023.0 (2022), tT = 2026.0
    // gained = (42 − 48) / 2 = −3 positions/yr; needed = (42 − 35) / 5 = 1.4 positions/yr
    // R = −3 / 1.4 = −2.142857 → −2.14 → MOVING_AWAY
    expect(r.status).toBe("MOVING_AWAY");
    expect(r.explanation.rateAchieved).toBe(-3);
    expect(r.explanation.rateNeeded).toBeCloseTo(1.4, 12);
    expect(r.explanation.ratio).toBe(-2.14);
  });

  it("one position lost is no move (limited progress)", () => {
    const t = target(2025, "LTE", 35, "RANK", "LOWER_IS_BETTER", { baseYear: 2020 });
    // |43 − 42| = 1 ≤ 1 position → achieved 0 → R = 0
    const r = milestoneStatus(t, [yr(2020, 42), yr(2022, 43)], new Date("2023-06-01T00:00:00Z"), ANNUAL);
    expect(r.status).toBe("LIMITED_PROGRESS");
    expect(r.explanation.stalled).toBe(true);
  });

  it("a 2025 rank milestone is decided by the 2024 edition, with a warning", () => {
    const t = target(2025, "LTE", 50, "RANK", "LOWER_IS_BETTER", { baseYear: 2021 });
    const r = milestoneStatus(t, egdi, LATE_2026, TWO_YEARLY);
    // after 2025, the latest edition ending by 2025 is 2023–2024 = 71 > 50 → MISSED; it does not end in 2025
    expect(r.status).toBe("MISSED");
    expect(r.explanation).toMatchObject({ phase: "FINAL", latest: { value: 71 }, latestOutsideTargetYear: true });
  });
});

describe("milestoneStatus: growth-rate targets (latest rate against the threshold)", () => {
  // labour productivity growth (NSO): 4.8 % (2022), 3.65 % (2023), 5.88 % (2024)
  const prod = [yr(2022, 4.8), yr(2023, 3.65), yr(2024, 5.88)];
  const t2025 = target(2025, "GTE", 7, "RATE_PER_YEAR", "HIGHER_IS_BETTER");
  const mid2025 = new Date("2025-06-01T00:00:00Z");

  it("5.88 %/yr against ≥ 7 %/yr needs acceleration", () => {
    // R = 5.88 / 7 = 0.84 → [0.6, 0.95)
    const r = milestoneStatus(t2025, prod, mid2025, NSO);
    expect(r.status).toBe("NEEDS_ACCELERATION");
    expect(r.explanation).toMatchObject({ method: "rate", rateAchieved: 5.88, rateNeeded: 7, ratio: 0.84, base: null });
  });
  it("3.65 %/yr is limited progress; a fall in productivity is moving away", () => {
    // R = 3.65 / 7 = 0.5214 → 0.52
    expect(milestoneStatus(t2025, prod.slice(0, 2), mid2025, NSO).status).toBe("LIMITED_PROGRESS");
    // R = −1 / 7 = −0.1429 → −0.14
    expect(milestoneStatus(t2025, [yr(2024, -1)], mid2025, NSO).status).toBe("MOVING_AWAY");
  });
  it("meeting the rate before the year is over is on track, not achieved", () => {
    // R = 7.2 / 7 = 1.0286 → 1.03
    expect(milestoneStatus(t2025, [yr(2024, 7.2)], mid2025, NSO).status).toBe("ON_TRACK");
  });
  it("after the year, the target year's rate decides", () => {
    const feb2026 = new Date("2026-02-01T00:00:00Z");
    expect(milestoneStatus(t2025, [...prod, yr(2025, 6.5)], feb2026, NSO).status).toBe("MISSED");
    expect(milestoneStatus(t2025, [...prod, yr(2025, 7.1)], feb2026, NSO).status).toBe("ACHIEVED");
  });
});

describe("milestoneStatus: base year", () => {
  it("takes the latest quarter of the base year, never an older value", () => {
    const t = target(2030, "GTE", 50, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2021 });
    const r = milestoneStatus(t, [pt(2020, 4, 5), pt(2021, 1, 10), pt(2021, 4, 12), pt(2025, 4, 24)], LATE_2026);
    // base Q4 2021 = 12 (t0 2022.0), latest Q4 2025 = 24 (t1 2026.0), tT 2031.0
    // achieved = 12 / 4 = 3 pp/yr; needed = 38 / 9 = 4.2222 pp/yr; R = 0.7105 → 0.71
    expect(r.explanation.base).toMatchObject({ period: "2021-Q4", value: 12 });
    expect(r.explanation.points).toBe(2);
    expect(r.explanation.ratio).toBe(0.71);
    expect(r.status).toBe("NEEDS_ACCELERATION");
  });
  it("without a value in the base year, uses the nearest later value and says so", () => {
    const t = target(2030, "GTE", 50, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2021 });
    const r = milestoneStatus(t, [pt(2020, 4, 5), pt(2022, 2, 14), pt(2025, 4, 24)], LATE_2026);
    // base Q2 2022 = 14 (t0 2022.5): achieved = 10 / 3.5 = 2.857143; needed = 36 / 8.5 = 4.235294; R = 0.6746 → 0.67
    expect(r.explanation).toMatchObject({ baseShifted: true, base: { period: "2022-Q2", value: 14 }, ratio: 0.67 });
  });
  it("without a base year there is no pace (NOT_ENOUGH_DATA), but a met target is achieved", () => {
    const t = target(2030, "GTE", 50, "PERCENT", "HIGHER_IS_BETTER", { baseYear: null });
    const r = milestoneStatus(t, [pt(2020, 4, 5), pt(2025, 4, 24)], LATE_2026);
    expect(r.status).toBe("NOT_ENOUGH_DATA");
    expect(r.explanation.reason).toBe("NO_BASE_YEAR");
    expect(milestoneStatus(t, [pt(2025, 4, 52)], LATE_2026).status).toBe("ACHIEVED");
  });
  it("needs two values at different times from the base on", () => {
    const t = target(2030, "GTE", 30, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2025 });
    expect(milestoneStatus(t, [], LATE_2026).status).toBe("NOT_ENOUGH_DATA");
    expect(milestoneStatus(t, [pt(2025, 4, 20)], LATE_2026).status).toBe("NOT_ENOUGH_DATA");
    // Q4 2026 is not over on 15/11/2026
    const r = milestoneStatus(t, [pt(2025, 4, 20), pt(2026, 4, 31)], LATE_2026);
    expect(r.status).toBe("NOT_ENOUGH_DATA");
    expect(r.explanation.points).toBe(1);
    expect(milestoneStatus(t, [pt(2025, 4, Number.NaN)], LATE_2026).explanation.points).toBe(0);
  });
});

describe("milestoneStatus: ties in a period", () => {
  const t = target(2030, "GTE", 80, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2024 });
  const base = pt(2024, 4, 50, { id: 1 });
  const shuffles = <T>(xs: T[]): T[][] =>
    xs.map((_, i) => [...xs.slice(i), ...xs.slice(0, i)]).flatMap((r) => [r, [...r].reverse()]);

  it("the latest approval or release wins, then the highest id, whatever the input order", () => {
    const values = [
      pt(2026, 2, 60, { at: Date.UTC(2026, 7, 1), id: 7 }),
      pt(2026, 2, 62, { at: Date.UTC(2026, 7, 20), id: 3 }), // approved last: wins
      pt(2026, 2, 58, { at: Date.UTC(2026, 7, 20), id: 2 }),
    ];
    for (const order of shuffles([base, ...values])) {
      const r = milestoneStatus(t, order, LATE_2026);
      // base Q4 2024 = 50 (t0 2025.0), latest Q2 2026 = 62 (t1 2026.5): 12 / 1.5 = 8 pp/yr;
      // needed = 30 / 6 = 5 pp/yr; R = 1.6 → ON_TRACK
      expect(r.explanation.latest?.value).toBe(62);
      expect(r.explanation.ratio).toBe(1.6);
    }
    // same instant: the higher id wins (id 9 → 56); R = (6 / 1.5) / 5 = 0.8
    const sameAt = [pt(2026, 2, 61, { at: 5, id: 4 }), pt(2026, 2, 56, { at: 5, id: 9 })];
    for (const order of shuffles([base, ...sameAt]))
      expect(milestoneStatus(t, order, LATE_2026).explanation.ratio).toBe(0.8);
    // nothing to tell them apart: the less favourable value (55 for a rising target); R = (5 / 1.5) / 5 = 0.67
    for (const order of shuffles([base, pt(2026, 2, 57), pt(2026, 2, 55)]))
      expect(milestoneStatus(t, order, LATE_2026).explanation.latest?.value).toBe(55);
  });

  it("in an annual series the later quarter wins over a later approval", () => {
    const pts = collapse([pt(2025, 3, 70, { at: 200 }), pt(2025, 4, 65, { at: 100 })], "YEAR", LATE_2026.getTime(), 1);
    expect(pts).toHaveLength(1);
    expect(pts[0]).toMatchObject({ period: "2025", value: 65 });
  });
});

describe("milestoneStatus: provisional, then final", () => {
  const de2025 = target(2025, "GTE", 20, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2022 });
  const nso = [yr(2022, 12.83), yr(2023, 12.87), yr(2024, 13.17), yr(2025, 14.02, { provisional: true })];

  it("is in progress until the end of the target year, provisional until the cut-off, then final", () => {
    // NSO cut-off: end of 2025 (01/01/2026) + 372 days = 08/01/2027
    expect(phaseOf(2025, 372, new Date("2025-12-31T23:59:59Z")).phase).toBe("IN_PROGRESS");
    const { phase, finalFrom } = phaseOf(2025, 372, new Date("2026-01-01T00:00:00Z"));
    expect(phase).toBe("PROVISIONAL");
    expect(finalFrom.toISOString()).toBe("2027-01-08T00:00:00.000Z");
    expect(phaseOf(2025, 372, new Date("2027-01-08T00:00:00Z")).phase).toBe("FINAL");
    // agency reports: + 120 days = 01/05/2026, when the fourth quarter locks
    expect(phaseOf(2025, 120, new Date("2026-04-30T23:59:59Z")).phase).toBe("PROVISIONAL");
    expect(phaseOf(2025, 120, new Date("2026-05-01T00:00:00Z")).phase).toBe("FINAL");
  });

  it("the 2025 digital-economy target: provisional MISSED on 14.02 % in 2026, final MISSED in 2027", () => {
    // 14.02 < 20 → MISSED; the statistics office calls 14.02 provisional, and the cut-off is 08/01/2027
    const r2026 = milestoneStatus(de2025, nso, LATE_2026, NSO);
    expect(r2026.status).toBe("MISSED");
    expect(r2026.explanation).toMatchObject({
      phase: "PROVISIONAL",
      method: "threshold",
      latest: { period: "2025", value: 14.02, provisional: true },
      latestOutsideTargetYear: false,
    });
    const r2027 = milestoneStatus(de2025, [...nso.slice(0, 3), yr(2025, 14.1)], new Date("2027-02-01T00:00:00Z"), NSO);
    expect(r2027.status).toBe("MISSED");
    expect(r2027.explanation.phase).toBe("FINAL");
  });

  it("warns when an older value decides, and ignores values after the target year", () => {
    // no 2025 figure yet: the 2024 one (13.17) decides, flagged; a 2026 value never counts for 2025
    const r = milestoneStatus(de2025, [...nso.slice(0, 3), yr(2026, 25)], new Date("2027-06-01T00:00:00Z"), NSO);
    expect(r.status).toBe("MISSED");
    expect(r.explanation).toMatchObject({ latest: { period: "2024" }, latestOutsideTargetYear: true });
    expect(milestoneStatus(de2025, [yr(2026, 25)], new Date("2027-06-01T00:00:00Z"), NSO).status).toBe("NO_DATA");
  });

  it("the latest value of the target year decides, not the best one", () => {
    const t = target(2025, "GTE", 80, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2024 });
    expect(milestoneStatus(t, [pt(2025, 3, 82), pt(2025, 4, 79)], LATE_2026).status).toBe("MISSED");
    expect(milestoneStatus(t, [pt(2025, 3, 78), pt(2025, 4, 81)], LATE_2026).status).toBe("ACHIEVED");
  });
});

describe("milestoneStatus: yes/no and subgroups", () => {
  it("a BOOLEAN target is met or not yet; no pace", () => {
    const yes = target(2030, "EQ", 1, "BOOLEAN");
    expect(milestoneStatus(yes, [pt(2023, 4, 0), pt(2026, 2, 1)], LATE_2026).status).toBe("ACHIEVED");
    const no = milestoneStatus(yes, [pt(2023, 4, 0), pt(2026, 2, 0)], LATE_2026);
    expect(no.status).toBe("LIMITED_PROGRESS");
    expect(no.explanation).toMatchObject({ method: "met", ratio: null });
  });
  it("a subgroup target without its own series says so instead of using the whole population's", () => {
    const adults = target(2025, "GTE", 80);
    const now = milestoneStatus(adults, [yr(2024, 90)], LATE_2026, ANNUAL, "NO_SUBGROUP_SERIES");
    expect(now.status).toBe("NO_DATA");
    expect(now.explanation.reason).toBe("NO_SUBGROUP_SERIES");
  });
});

describe("perUnitStatus: coverage", () => {
  const floor = target(2030, "GTE", 10, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2023 });
  // three provinces expected; A and B report, C does not
  const a = { unitId: 1, name: "A", series: [pt(2023, 4, 8), pt(2025, 4, 12)] }; // 12 ≥ 10: ACHIEVED
  // B: base 4 (t0 2024.0), latest 5 (t1 2026.0): 0.5 pp/yr against (10 − 4) / 7 = 0.857143 → R = 0.5833 → 0.58
  const b = { unitId: 2, name: "B", series: [pt(2023, 4, 4), pt(2025, 4, 5)] };
  const c = { unitId: 3, name: "C", series: [] };

  it("2 of 3 units is not enough when every unit is required", () => {
    const r = perUnitStatus(floor, [a, b, c], LATE_2026, null);
    expect(r.status).toBe("INSUFFICIENT_COVERAGE");
    expect(r.explanation.coverage).toEqual({
      reported: 2,
      expected: 3,
      required: 3,
      worst: { unitId: 2, name: "B", status: "LIMITED_PROGRESS" },
    });
  });
  it("with minCoverage 2/3 (required = ceil(2/3 · 3) = 2) the floor is judged on its worst unit", () => {
    // 0.6666666666666666 · 3 = 2 exactly after rounding, so 2 units are enough (not 3)
    const r = perUnitStatus(floor, [a, b, c], LATE_2026, 2 / 3);
    expect(r.status).toBe("LIMITED_PROGRESS");
    expect(r.explanation.ratio).toBe(0.58);
    expect(r.explanation.coverage).toMatchObject({ reported: 2, expected: 3, required: 2, worst: { name: "B" } });
    // 0.5 · 3 = 1.5 → 2 required as well
    expect(perUnitStatus(floor, [a, b, c], LATE_2026, 0.5).explanation.coverage?.required).toBe(2);
  });
  it("all units reporting: the worst one decides; nobody expected: insufficient coverage, 0 of 0", () => {
    expect(perUnitStatus(floor, [a, b], LATE_2026, null).status).toBe("LIMITED_PROGRESS");
    expect(perUnitStatus(floor, [a], LATE_2026, null).status).toBe("ACHIEVED");
    const none = perUnitStatus(floor, [], LATE_2026, null);
    expect(none.status).toBe("INSUFFICIENT_COVERAGE");
    expect(none.explanation.coverage).toEqual({ reported: 0, expected: 0, required: 1, worst: null });
  });
});

describe("worstStatus and statusRank", () => {
  const result = (status: MilestoneStatus): StatusResult => ({
    status,
    explanation: milestoneStatus(target(2030, "GTE", 10), [], LATE_2026).explanation,
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
      "INSUFFICIENT_COVERAGE",
      "MOVING_AWAY",
    ];
    expect([...all].sort((a, b) => statusRank(a) - statusRank(b))).toEqual([
      "MOVING_AWAY",
      "MISSED",
      "NO_DATA",
      "INSUFFICIENT_COVERAGE",
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
    const floor = target(2030, "GTE", 10, "PERCENT", "HIGHER_IS_BETTER", { baseYear: 2023 });
    const sectors = [
      milestoneStatus(floor, [pt(2023, 4, 8), pt(2025, 4, 12)], LATE_2026), // achieved
      milestoneStatus(floor, [pt(2023, 4, 4), pt(2025, 4, 4.4)], LATE_2026),
      milestoneStatus(floor, [pt(2023, 4, 6), pt(2025, 4, 5)], LATE_2026),
    ];
    // sector 2: 4 → 4.4 is 0.4 point ≤ 0.5: no move, R = 0 (limited)
    // sector 3: 6 → 5 (t0 2024.0, t1 2026.0): −0.5 pp/yr against (10 − 6) / 7 = 0.571429 → R = −0.875 → −0.88 (moving away)
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
    expect(taskStatus(task, report("IN_PROGRESS", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("OVERDUE");
    expect(taskStatus(task, report("BLOCKED", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("OVERDUE");
    expect(taskStatus(task, report("NOT_STARTED", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("OVERDUE");
  });

  it("is 'no report yet' when nobody has reported, before and after the due day, never overdue", () => {
    expect(taskStatus(task, null, new Date("2025-12-31T23:59:59Z"))).toBe("NO_REPORT");
    expect(taskStatus(task, null, new Date("2026-01-01T00:00:00Z"))).toBe("NO_REPORT");
    expect(taskStatus(task, null, LATE_2026)).toBe("NO_REPORT");
    expect(taskStatus({ dueOn: null, recurring: true }, null, LATE_2026)).toBe("NO_REPORT");
  });

  it("is in progress or not started before the due day (or without one)", () => {
    const early = new Date("2025-11-01T00:00:00Z");
    expect(taskStatus(task, report("IN_PROGRESS", null, "2025-10-01T00:00:00Z"), early)).toBe("IN_PROGRESS");
    expect(taskStatus(task, report("BLOCKED", null, "2025-10-01T00:00:00Z"), early)).toBe("IN_PROGRESS");
    expect(taskStatus(task, report("NOT_STARTED", null, "2025-10-01T00:00:00Z"), early)).toBe("NOT_STARTED");
    const open = { dueOn: null, recurring: false };
    expect(taskStatus(open, report("IN_PROGRESS", null, "2025-10-01T00:00:00Z"), LATE_2026)).toBe("IN_PROGRESS");
  });

  it("a recurring task is ongoing once work is reported, never overdue", () => {
    const recurring = { dueOn: null, recurring: true };
    expect(taskStatus(recurring, report("IN_PROGRESS", null, "2026-10-01T00:00:00Z"), LATE_2026)).toBe("ONGOING");
    expect(taskStatus(recurring, report("BLOCKED", null, "2026-10-01T00:00:00Z"), LATE_2026)).toBe("ONGOING");
    expect(taskStatus(recurring, report("NOT_STARTED", null, "2026-10-01T00:00:00Z"), LATE_2026)).toBe("NOT_STARTED");
    // even with a stray past due date
    expect(
      taskStatus({ dueOn: due, recurring: true }, report("IN_PROGRESS", null, "2026-10-01T00:00:00Z"), LATE_2026),
    ).toBe("ONGOING");
  });
});
