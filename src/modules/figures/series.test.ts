import { describe, expect, it } from "vitest";
import { currentValues, periodTime, sourcePoints, type Release } from "./series";

const release = (value: number, date: string): Release => ({
  value,
  provisional: false,
  releaseTitle: "Thông cáo",
  releaseDate: new Date(`${date}T00:00:00Z`),
  releaseUrl: `https://example.test/${date}`,
  quote: `đạt ${value}%`,
  printed: `${value}%`,
});

describe("published series", () => {
  it("places a period at its end, the way quarters are placed on the chart", () => {
    expect(periodTime("2023")).toBe(2024);
    expect(periodTime("2024-Q3")).toBe(2024.75);
    expect(periodTime("2022-2023")).toBe(2024);
    expect(periodTime("2023-Q5")).toBeNull();
  });

  it("takes each period's newest release and names the one it revised", () => {
    const chains = new Map([
      ["2022", [release(12.86, "2023-09-14"), release(12.67, "2023-12-04"), release(12.83, "2025-01-06")]],
      ["2023", [release(12.33, "2024-03-01")]],
    ]);
    const values = currentValues({ periods: ["2021", "2022", "2023"], chains });
    expect(values.map((v) => [v.period, v.figure.value, v.revises?.value ?? null])).toEqual([
      ["2022", 12.83, 12.67],
      ["2023", 12.33, null],
    ]);
    expect(sourcePoints({ periods: ["2023", "2022"], chains })).toEqual([
      { t: 2023, value: 12.83, label: "2022" },
      { t: 2024, value: 12.33, label: "2023" },
    ]);
  });
});
