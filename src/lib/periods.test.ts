import { describe, expect, it } from "vitest";
import {
  compareQuarters,
  dueDate,
  formatQuarter,
  fractionalYear,
  nextQuarter,
  previousQuarter,
  quarterEnd,
  publishedPeriodRange,
  quarterOf,
} from "./periods";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

describe("quarters", () => {
  it("knows which quarter a day falls in", () => {
    expect(quarterOf(new Date("2026-11-23T10:00:00Z"))).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf(new Date("2025-03-31T23:59:59Z"))).toEqual({ year: 2025, quarter: 1 });
  });
  it("ends quarters on their last day, leap years included", () => {
    expect(iso(quarterEnd({ year: 2024, quarter: 1 }))).toBe("2024-03-31");
    expect(iso(quarterEnd({ year: 2025, quarter: 2 }))).toBe("2025-06-30");
    expect(iso(quarterEnd({ year: 2025, quarter: 4 }))).toBe("2025-12-31");
  });
  it("steps across year boundaries", () => {
    expect(previousQuarter({ year: 2025, quarter: 1 })).toEqual({ year: 2024, quarter: 4 });
    expect(nextQuarter({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
    expect(compareQuarters({ year: 2025, quarter: 4 }, { year: 2026, quarter: 1 })).toBeLessThan(0);
  });
  it("turns a quarter into a fractional year at its end", () => {
    expect(fractionalYear({ year: 2024, quarter: 3 })).toBe(2024.75);
    expect(fractionalYear({ year: 2024, quarter: 4 })).toBe(2025);
  });
  it("formats quarters the Vietnamese way", () => {
    expect(formatQuarter({ year: 2025, quarter: 1 }, "vi")).toBe("Quý I/2025");
    expect(formatQuarter({ year: 2025, quarter: 4 }, "vi")).toBe("Quý IV/2025");
    expect(formatQuarter({ year: 2025, quarter: 3 }, "en")).toBe("Q3 2025");
  });
});

describe("dueDate", () => {
  it("is the end of the quarter, year or period", () => {
    expect(iso(dueDate({ kind: "QUARTER", year: 2025, quarter: 3 }))).toBe("2025-09-30");
    expect(iso(dueDate({ kind: "YEAR", year: 2023 }))).toBe("2023-12-31");
    expect(iso(dueDate({ kind: "PERIOD", from: 2022, to: 2025 }))).toBe("2025-12-31");
  });
  it("is absent for recurring and open-ended tasks", () => {
    expect(dueDate({ kind: "RECURRING", every: "YEAR" })).toBeNull();
    expect(dueDate({ kind: "NONE" })).toBeNull();
  });
});

describe("publishedPeriodRange", () => {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  it("covers a year, a quarter and a span of years, and refuses anything else", () => {
    const r = (p: string) => {
      const x = publishedPeriodRange(p);
      return x && [day(x.start), day(x.end)];
    };
    expect(r("2023")).toEqual(["2023-01-01", "2023-12-31"]);
    expect(r("2024-Q1")).toEqual(["2024-01-01", "2024-03-31"]);
    expect(r("2023-Q4")).toEqual(["2023-10-01", "2023-12-31"]);
    expect(r("2022-2023")).toEqual(["2022-01-01", "2023-12-31"]);
    expect(r("2023-2022")).toBeNull();
    expect(r("2023-Q5")).toBeNull();
    expect(r("23")).toBeNull();
  });
});
