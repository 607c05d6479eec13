import { describe, expect, it } from "vitest";
import type { MultipleRow } from "./charts";
import { dataDomain, thresholdSegment, timeAt, zoomDomain, zoomTicks, type Domain } from "./zoom";

const FULL: Domain = [2020, 2031];
const labels = (d: Domain) => zoomTicks(d).map((t) => (t.quarter ? `Q${t.quarter}/${t.year}` : String(t.year)));

describe("zoomDomain: a drag across the plot", () => {
  it("widens the selection to whole quarters, whichever way the mouse went", () => {
    expect(zoomDomain(FULL, 2022.3, 2024.6)).toEqual([2022.25, 2024.75]);
    expect(zoomDomain(FULL, 2024.6, 2022.3)).toEqual([2022.25, 2024.75]);
    // Already on quarter boundaries (a value's time): kept as is.
    expect(zoomDomain(FULL, 2023.25, 2023.5)).toEqual([2023.25, 2023.5]);
  });

  it("refuses a range narrower than one quarter", () => {
    expect(zoomDomain(FULL, 2023.3, 2023.3)).toBeNull();
    expect(zoomDomain(FULL, 2023.3, 2023.5)).toBeNull();
    expect(zoomDomain(FULL, 2023.3, 2023.3 + 0.2499)).toBeNull();
  });

  it("stays inside the full domain, and a drag past its end counts only what is inside", () => {
    expect(zoomDomain(FULL, 2029.6, 2035)).toEqual([2029.5, 2031]);
    expect(zoomDomain(FULL, 2019, 2020.1)).toBeNull();
    expect(zoomDomain([2019, 2031], 2010, 2019.6)).toEqual([2019, 2019.75]);
  });
});

describe("dataDomain: the period the values cover", () => {
  const rows: MultipleRow[] = [
    { t: 2021.25, label: "Quý I/2021", actual: 40 },
    { t: 2023, label: "2022", source0: 41 },
    { t: 2026, label: "", path0: 45 },
    { t: 2026.5, label: "Quý II/2026", actual: 44 },
    { t: 2031, label: "", path0: 70 },
  ];

  it("runs from the start of the first value's year to a quarter past the last value, paths left out", () => {
    expect(dataDomain(rows, ["actual", "source0"], FULL)).toEqual([2021, 2026.75]);
    // A published source alone (yearly values) sets the period too.
    expect(dataDomain(rows, ["source0"], FULL)).toEqual([2022, 2023.25]);
  });

  it("is null without a value, and never leaves the full domain", () => {
    expect(dataDomain(rows, [], FULL)).toBeNull();
    expect(dataDomain([{ t: 2031, label: "", actual: 1 }], ["actual"], FULL)).toEqual([2030, 2031]);
  });
});

describe("zoomTicks", () => {
  it("gives the unzoomed chart the labels it has always had: every third year, counted back from 2030", () => {
    expect(labels(FULL)).toEqual(["2021", "2024", "2027", "2030"]);
    expect(zoomTicks(FULL).map((t) => t.t)).toEqual([2021.5, 2024.5, 2027.5, 2030.5]);
  });

  it("labels years in the middle of each year over more than two years, the latest always shown", () => {
    expect(labels([2021, 2026.75])).toEqual(["2022", "2024", "2026"]);
    expect(labels([2020, 2026.75])).toEqual(["2020", "2022", "2024", "2026"]);
    expect(labels([2022.25, 2024.75])).toEqual(["2022", "2023", "2024"]);
  });

  it("labels quarters, in the middle of each, over two years or less", () => {
    expect(labels([2024, 2026])).toEqual(["Q2/2024", "Q4/2024", "Q2/2025", "Q4/2025"]);
    expect(zoomTicks([2024, 2026]).at(-1)!.t).toBe(2025.875);
    expect(labels([2025.25, 2026])).toEqual(["Q2/2025", "Q3/2025", "Q4/2025"]);
    expect(labels([2023.25, 2023.5])).toEqual(["Q2/2023"]);
  });

  it("never gives more than the maximum", () => {
    for (let lo = 2020; lo < 2030; lo += 0.25)
      for (let hi = lo + 0.25; hi <= 2031; hi += 0.25) {
        const ticks = zoomTicks([lo, hi]);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(4);
        for (const t of ticks) expect(t.t >= lo && t.t <= hi).toBe(true);
      }
  });
});

describe("thresholdSegment", () => {
  it("runs from the threshold's marker to the zoomed domain's right end, where its label is", () => {
    expect(thresholdSegment(2026, FULL)).toEqual([2026, 2031]);
    expect(thresholdSegment(2026, [2021, 2026.75])).toEqual([2026, 2026.75]);
    expect(thresholdSegment(2026, [2027, 2029])).toEqual([2027, 2029]);
  });

  it("draws the level of a threshold beyond the right edge across the plot, so its label still has a line", () => {
    expect(thresholdSegment(2031, [2021, 2026.75])).toEqual([2021, 2026.75]);
  });
});

describe("timeAt", () => {
  it("reads the time under the mouse from its position across the plot", () => {
    expect(timeAt(0, 200, FULL)).toBe(2020);
    expect(timeAt(100, 200, FULL)).toBe(2025.5);
    expect(timeAt(250, 200, FULL)).toBe(2031);
    expect(timeAt(-5, 200, FULL)).toBe(2020);
    expect(timeAt(10, 0, FULL)).toBe(2020);
  });
});
