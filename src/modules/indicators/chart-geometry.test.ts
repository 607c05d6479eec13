import { describe, expect, it } from "vitest";
import { chartGeometry, fixedDomainTicks } from "./chart-geometry";

describe("chart geometry", () => {
  it("puts ticks at an easily read step from the minimum, and at the maximum", () => {
    expect(fixedDomainTicks([0, 100])).toEqual([0, 25, 50, 75, 100]);
    expect(fixedDomainTicks([0, 34])).toEqual([0, 9, 18, 27, 34]);
    expect(fixedDomainTicks([1, 95])).toEqual([1, 26, 51, 76, 95]);
    expect(fixedDomainTicks([0, 1])).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(fixedDomainTicks([5, 5])).toEqual([5]);
  });

  it("places quarters, targets and paths in percent of the plot, ranks upside down", () => {
    const base = {
      series: [
        { t: 2021.25, value: 12, label: "Q1/2021" },
        { t: 2026.5, value: 18.6, label: "Q2/2026" },
      ],
      paths: [],
      projection: null,
    };
    const targets = [
      { t: 2026, value: 20, label: "411 · 2025 ≥ 20%", final: true },
      { t: 2026, value: 20, label: "749 · 2025 ≥ 20%", final: true },
      { t: 2031, value: 30, label: "411 · 2030 ≥ 30%", final: false },
    ];
    const g = chartGeometry({ ...base, targets, inverted: false, bounded: true });
    expect(g.yTicks.map((t) => [t.value, t.y])).toEqual([
      [0, 100],
      [25, 75],
      [50, 50],
      [75, 25],
      [100, 0],
    ]);
    expect(g.xTicks[0]).toEqual({ x: 9.091, y: 100, label: "2020" });
    expect(g.xTicks.at(-1)).toEqual({ x: 100, y: 100, label: "2030" });
    expect(g.series[0]).toMatchObject({ x: 11.364, y: 88 });
    // Two decisions with the same threshold share one marker.
    expect(g.targets).toEqual([
      { x: 54.545, y: 80, final: true, labels: ["411 · 2025 ≥ 20%", "749 · 2025 ≥ 20%"] },
      { x: 100, y: 70, final: false, labels: ["411 · 2030 ≥ 30%"] },
    ]);

    const rank = chartGeometry({
      series: [{ t: 2021.25, value: 86, label: "Q1/2021" }],
      targets: [{ t: 2031, value: 30, label: "top 30", final: false }],
      paths: [],
      projection: null,
      inverted: true,
      bounded: false,
    });
    expect(rank.yTicks[0]).toMatchObject({ value: 1, y: 0 });
    expect(rank.targets[0].y).toBeLessThan(rank.series[0].y);
  });

  it("draws each published source in the same plot, widening the axes to hold its values", () => {
    const g = chartGeometry({
      inverted: false,
      bounded: false,
      series: [{ t: 2025.25, value: 14, label: "Q1/2025" }],
      targets: [],
      paths: [],
      projection: null,
      sources: [
        {
          code: "NSO",
          name: "Cục Thống kê",
          points: [
            { t: 2019, value: 12, label: "2018" },
            { t: 2025, value: 13.17, label: "2024" },
          ],
        },
        { code: "MST", name: "Bộ", points: [{ t: 2025, value: 18.3, label: "2024" }] },
      ],
    });
    expect(g.sources.map((s) => [s.code, s.points.length])).toEqual([
      ["NSO", 2],
      ["MST", 1],
    ]);
    // 2018's value moves the axis back to 2019 (the tick for 2018 sits at its left edge).
    expect(g.sources[0].points[0].x).toBe(0);
    // The higher ministry estimate sits above the official value of the same year.
    expect(g.sources[1].points[0].y).toBeLessThan(g.sources[0].points[1].y);
    expect(g.sources[1].points[0].x).toBe(g.sources[0].points[1].x);
  });
});
