import { describe, expect, it } from "vitest";
import { chartGeometry, niceStep, stackLabels, valueAxis, type ChartInput } from "./chart-geometry";

const none: Pick<ChartInput, "paths" | "projection" | "targets"> = { paths: [], projection: null, targets: [] };

describe("chart geometry: time axis", () => {
  it("draws a value at the end of its period, inside the year its label names", () => {
    const g = chartGeometry({
      ...none,
      inverted: false,
      bounded: false,
      series: [
        { t: 2021.25, value: 12, label: "Q1/2021" },
        { t: 2021.75, value: 13, label: "Q3/2021" },
      ],
      targets: [{ t: 2026, value: 20, label: "2025 ≥ 20%", final: false }],
    });
    const half = (g.xTicks[1].x - g.xTicks[0].x) / 2;
    const year = (label: string) => {
      const tick = g.xTicks.find((t) => t.label === label)!;
      return [tick.x - half, tick.x + half];
    };
    const [from2021, to2021] = year("2021");
    for (const s of g.series) {
      expect(s.x).toBeGreaterThan(from2021);
      expect(s.x).toBeLessThan(to2021);
    }
    // Q1 ends a quarter of the way into 2021.
    expect(g.series[0].x).toBeCloseTo(from2021 + (to2021 - from2021) / 4, 2);
    // A 2025 threshold sits at the end of 2025, the boundary with 2026.
    const [, to2025] = year("2025");
    expect(g.targets[0].x).toBeCloseTo(to2025, 2);
    expect(g.xGrid.map((l) => l.t)).toContain(2026);
    expect(g.xDomain).toEqual([2020, 2031]);
    expect(g.xTicks.map((t) => t.label)).toEqual(Array.from({ length: 11 }, (_, i) => String(2020 + i)));
  });

  it("starts the axis with the year of the oldest value's period", () => {
    const g = chartGeometry({
      ...none,
      inverted: false,
      bounded: false,
      series: [],
      // The year 2018, dated at its end.
      sources: [{ code: "NSO", name: "NSO", points: [{ t: 2019, value: 12, label: "2018" }] }],
    });
    expect(g.xTicks[0].label).toBe("2018");
    // …on the right edge of the "2018" label's span, where 2019 begins.
    expect(g.xGrid[0].t).toBe(2019);
    expect(g.sources[0].points[0].x).toBe(g.xGrid[0].x);
  });
});

describe("chart geometry: value axis", () => {
  it("picks round steps", () => {
    expect(niceStep(4.3)).toBe(5);
    expect(niceStep(2.1)).toBe(2.5);
    expect(niceStep(0.13)).toBe(0.2);
    expect(niceStep(1200)).toBe(2000);
  });

  it("fits a percentage moving between 12 and 19 instead of flattening it on 0–100", () => {
    const a = valueAxis([12, 14.5, 19], { bounded: true, inverted: false });
    expect(a.domain[0]).toBeGreaterThanOrEqual(10);
    expect(a.domain[1]).toBeLessThanOrEqual(20);
    // The series fills most of the plot's height.
    expect((19 - 12) / (a.domain[1] - a.domain[0])).toBeGreaterThan(0.6);
    expect(a.ticks[0]).toBe(a.domain[0]);
    expect(a.ticks.at(-1)).toBe(a.domain[1]);
  });

  it("holds the thresholds too, and runs 0–100 only when the values cover that scale", () => {
    const withThresholds = valueAxis([12, 19, 20, 30], { bounded: true, inverted: false });
    expect(withThresholds.domain[0]).toBeLessThanOrEqual(12);
    expect(withThresholds.domain[1]).toBeGreaterThanOrEqual(30);
    expect(withThresholds.domain[1]).toBeLessThan(50);
    expect(valueAxis([30, 84, 100], { bounded: true, inverted: false })).toEqual({
      domain: [0, 100],
      ticks: [0, 25, 50, 75, 100],
    });
    // Never beyond the ends of a percentage scale.
    const high = valueAxis([93, 99.5, 100], { bounded: true, inverted: false });
    expect(high.domain[1]).toBe(100);
    expect(high.domain[0]).toBeGreaterThan(50);
  });

  it("keeps counts at or above zero and ranks at or above 1, best rank at the top", () => {
    expect(valueAxis([0, 3, 5], { bounded: false, inverted: false }).domain[0]).toBe(0);
    const rank = chartGeometry({
      ...none,
      series: [{ t: 2021.25, value: 86, label: "Q1/2021" }],
      targets: [{ t: 2031, value: 30, label: "top 30", final: false }],
      inverted: true,
      bounded: false,
    });
    expect(rank.yDomain[0]).toBeGreaterThanOrEqual(1);
    expect(rank.targets[0].y).toBeLessThan(rank.series[0].y);
    const top = valueAxis([1, 3, 12], { bounded: false, inverted: true });
    expect(top.domain[0]).toBe(1);
    expect(top.ticks[0]).toBe(1);
  });

  it("puts every value inside the plot", () => {
    const g = chartGeometry({
      ...none,
      inverted: false,
      bounded: false,
      series: [{ t: 2025.25, value: 14, label: "Q1/2025" }],
      sources: [{ code: "MST", name: "Bộ", points: [{ t: 2025, value: 18.3, label: "2024" }] }],
      targets: [{ t: 2026, value: 20, label: "≥ 20%", final: true }],
    });
    for (const p of [...g.series, ...g.sources[0].points, ...g.targets]) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(100);
    }
    // The higher ministry estimate sits above the agencies' value.
    expect(g.sources[0].points[0].y).toBeLessThan(g.series[0].y);
  });
});

describe("chart geometry: threshold labels", () => {
  it("stacks labels on rows a line apart, as near their thresholds as possible", () => {
    expect(stackLabels([50, 20, 80], 5)).toEqual([50, 20, 80]);
    const ys = stackLabels([40, 41, 40.5, 1], 5);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(5 - 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(5);
    // Crowded at the bottom: pushed up, still inside the plot.
    expect(Math.max(...stackLabels([99, 99, 99], 5))).toBeLessThanOrEqual(100);
  });

  it("gives two decisions' thresholds of the same year and value one dot, and each label its own row, on a phone too", () => {
    const g = chartGeometry({
      ...none,
      inverted: false,
      bounded: true,
      series: [{ t: 2021.25, value: 12, label: "Q1/2021" }],
      targets: [
        { t: 2026, value: 20, label: "411 · 2025 ≥ 20%", final: true },
        { t: 2026, value: 20, label: "749 · 2025 ≥ 20%", final: true },
        { t: 2031, value: 21, label: "411 · 2030 ≥ 21%", final: false },
      ],
      // A 360 px wide phone draws the same 200 px high plot as a desktop: rows are width-independent.
      plotHeight: 200,
    });
    expect(g.targets.map((t) => t.labels.length)).toEqual([2, 1]);
    const rows = g.thresholdLabels.map((l) => l.y).sort((a, b) => a - b);
    const row = (12 / 200) * 100;
    for (let i = 1; i < rows.length; i++) expect(rows[i] - rows[i - 1]).toBeGreaterThanOrEqual(row - 1e-6);
    // Each label's line starts at its threshold's dot.
    expect(g.thresholdLabels[0]).toMatchObject({ fromX: g.targets[0].x, lineY: g.targets[0].y });
  });
});
