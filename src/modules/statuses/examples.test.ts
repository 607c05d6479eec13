import { describe, expect, it } from "vitest";
import { vi as messages } from "@/messages/vi";
import { en } from "@/messages/en";
import { EXAMPLES, arithmetic, endTime, runExample } from "./examples";
import { statusSentence } from "./sentence";

const byId = (id: string) => EXAMPLES.find((x) => x.id === id)!;

describe("the methodology page's worked examples", () => {
  // Each expectation is the hand computation the page prints.
  it("level: CAGR needed (100000/40000)^(1/(2026−2021)) − 1 = 20.11 %, achieved (58000/40000)^(1/(2024−2021)) − 1 = 13.19 %, R = 0.66", () => {
    const r = runExample(byId("level"));
    expect(r.explanation.method).toBe("cagr");
    expect(r.explanation.rateNeeded).toBeCloseTo(Math.pow(2.5, 1 / 5) - 1, 9);
    expect(r.explanation.rateAchieved).toBeCloseTo(Math.pow(1.45, 1 / 3) - 1, 9);
    expect(r.explanation.ratio).toBe(0.66);
    expect(r.status).toBe("NEEDS_ACCELERATION");
  });
  it("bounded: (80 − 30)/(2026 − 2022) = 12.5 pp a year needed, (62 − 30)/(2024.5 − 2022) = 12.8 achieved, R = 1.02", () => {
    const r = runExample(byId("bounded"));
    expect([r.explanation.method, r.explanation.rateNeeded, r.explanation.rateAchieved, r.explanation.ratio]).toEqual([
      "points",
      12.5,
      12.8,
      1.02,
    ]);
    expect(r.status).toBe("ON_TRACK");
  });
  it("rank: (86 − 50)/(2031 − 2021) = 3.6 places a year needed, (86 − 71)/(2025 − 2021) = 3.75 gained, R = 1.04", () => {
    const r = runExample(byId("rank"));
    expect([r.explanation.method, r.explanation.rateNeeded, r.explanation.rateAchieved, r.explanation.ratio]).toEqual([
      "positions",
      3.6,
      3.75,
      1.04,
    ]);
    expect(r.status).toBe("ON_TRACK");
  });
  it("rate: 5.1 / 7 = 0.73, needs acceleration", () => {
    const r = runExample(byId("rate"));
    expect([r.explanation.method, r.explanation.ratio, r.status]).toEqual(["rate", 0.73, "NEEDS_ACCELERATION"]);
  });
  it("exact: (69.075 − 42)/3 = 9.025 against 38/4 = 9.5 is R = 0.95 exactly: on track", () => {
    const r = runExample(byId("exact"));
    expect([r.explanation.ratio, r.status]).toEqual([0.95, "ON_TRACK"]);
  });
  it("stalled: a 0.2-point fall is within the 0.5-point tolerance: limited progress, not moving away", () => {
    const r = runExample(byId("stalled"));
    expect([r.explanation.stalled, r.explanation.ratio, r.status]).toEqual([true, 0, "LIMITED_PROGRESS"]);
  });
  it("provisional then final: 14.02 % < 20 % missed, provisional before 1 Jan 2027 and final after", () => {
    const p = runExample(byId("provisional"));
    const f = runExample(byId("final"));
    expect([p.status, p.explanation.phase, f.status, f.explanation.phase]).toEqual([
      "MISSED",
      "PROVISIONAL",
      "MISSED",
      "FINAL",
    ]);
    expect(p.explanation.finalFrom.toISOString().slice(0, 10)).toBe("2027-01-01");
  });
  it("coverage: 2 of 34 provinces reported: insufficient coverage, naming the lowest", () => {
    const r = runExample(byId("coverage"));
    expect(r.status).toBe("INSUFFICIENT_COVERAGE");
    expect(r.explanation.coverage).toMatchObject({
      reported: 2,
      expected: 34,
      required: 34,
      worst: { name: "Tỉnh B", status: "NEEDS_ACCELERATION" },
    });
  });
  it("places values at the end of their period", () => {
    expect([
      endTime({ period: "2024-Q3", year: 2024, quarter: 3 }),
      endTime({ period: "2024", year: 2024, quarter: 4 }),
      endTime({ period: "2023-2024", year: 2024, quarter: 4 }),
    ]).toEqual([2024.75, 2025, 2025]);
  });
  it("writes the arithmetic and a plain sentence in each language", () => {
    const x = byId("rank");
    const r = runExample(x);
    expect(arithmetic(x, r, "vi", messages.methodology.page)).toEqual([
      "Tốc độ cần: (86 − 50) / (2031 − 2021) = 3,6",
      "Tốc độ thực tế: (86 − 71) / (2025 − 2021) = 3,75",
      "R = 3,75 / 3,6 = 1,04",
    ]);
    expect(statusSentence(r, x.indicator, "vi", messages.methodology.sentence)).toBe(
      "Cần đạt nhóm 50 nước dẫn đầu (hạng ≤ 50) vào năm 2030; từ hạng 86 (2019–2020) cần lên 3,6 bậc/năm, thực tế đến 2023–2024 (hạng 71) là lên 3,75 bậc/năm, nên đang đúng tiến độ.",
    );
    expect(statusSentence(r, x.indicator, "en", en.methodology.sentence)).toMatch(
      /^The target is top 50 .* by 2030; from rank 86/,
    );
  });
});
