import { describe, expect, it } from "vitest";
import { asPublishedSeries, nationalTargets, projection, targetPaths } from "./view-model";

describe("indicator page view model", () => {
  it("projects compound growth from the first to the latest value, to the end of 2030", () => {
    // 10 → 20 over 2 years doubles every 2 years; 5 more years from 2026: 20 · 2^(5/2).
    const p = projection({ t: 2024, value: 10 }, { t: 2026, value: 20 }, "COUNT")!;
    expect(p[0]).toEqual({ t: 2026, value: 20 });
    expect(p[1].t).toBe(2031);
    expect(p[1].value).toBeCloseTo(20 * Math.pow(2, 2.5), 2);
  });

  it("bounds a percentage to 100 and a rank to 1, and goes straight when a value is not positive", () => {
    expect(projection({ t: 2024, value: 50 }, { t: 2026, value: 90 }, "PERCENT")![1].value).toBe(100);
    expect(projection({ t: 2024, value: 40 }, { t: 2026, value: 10 }, "RANK")![1].value).toBe(1);
    // 0 → 4 in 2 years: +2 a year, 5 more years from 2026 → 14.
    expect(projection({ t: 2024, value: 0 }, { t: 2026, value: 4 }, "COUNT")![1].value).toBe(14);
  });

  it("projects nothing from one point in time", () => {
    expect(projection({ t: 2026, value: 5 }, { t: 2026, value: 5 }, "COUNT")).toBeNull();
    expect(projection(undefined, undefined, "COUNT")).toBeNull();
  });

  it("draws one path per distinct threshold, from the first value to the end of the target year", () => {
    const targets = [
      { year: 2025, value: 20, key: "a" },
      { year: 2025, value: 20, key: "b" },
      { year: 2030, value: 30, key: "c" },
    ];
    const paths = targetPaths({ t: 2021.25, value: 12 }, targets);
    expect(paths.map((p) => p.target.key)).toEqual(["b", "c"]);
    expect(paths[1].points).toEqual([
      { t: 2021.25, value: 12 },
      { t: 2031, value: 30 },
    ]);
    expect(targetPaths(undefined, targets)).toEqual([]);
  });

  it("keeps the national, subgroup and per-unit targets for the chart", () => {
    const kinds = ["NATIONAL", "GOV_LEVEL", "SUBGROUP", "EACH"].map((scopeKind) => ({ scopeKind }));
    expect(nationalTargets(kinds).map((t) => t.scopeKind)).toEqual(["NATIONAL", "SUBGROUP", "EACH"]);
  });

  it("rebuilds the series as published: up to the quarter, in order, with today's sources", () => {
    const revisions = [
      { year: 2026, quarter: 3, value: 9, illustrative: false },
      { year: 2025, quarter: 4, value: 7, illustrative: true },
      { year: 2026, quarter: 1, value: 8, illustrative: false },
    ];
    const current = [
      { year: 2025, quarter: 4, approvedValue: 99, source: "GSO", illustrative: true, approvedAt: new Date() },
    ];
    expect(asPublishedSeries(revisions, current, { year: 2026, quarter: 2 })).toEqual([
      { year: 2025, quarter: 4, approvedValue: 7, source: "GSO", illustrative: true, approvedAt: null },
      { year: 2026, quarter: 1, approvedValue: 8, source: null, illustrative: false, approvedAt: null },
    ]);
  });
});
