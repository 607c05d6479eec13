import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatThreshold, formatValue } from "./format";

describe("formatting", () => {
  it("writes decimals with a comma and thousands with a dot in Vietnamese", () => {
    expect(formatNumber(20.5, "vi")).toBe("20,5");
    expect(formatNumber(1000, "vi")).toBe("1.000");
    expect(formatNumber(1000, "en")).toBe("1,000");
  });
  it("formats values in their unit", () => {
    expect(formatValue(20.5, "%", "PERCENT", "vi")).toBe("20,5%");
    expect(formatValue(7, "%/năm", "RATE_PER_YEAR", "en")).toBe("7%/year");
    expect(formatValue(50, "hạng", "RANK", "vi")).toBe("hạng 50");
  });
  it("reads thresholds as people say them", () => {
    expect(formatThreshold({ comparator: "GTE", value: 20 }, "%", "PERCENT", "vi")).toBe("≥ 20%");
    expect(formatThreshold({ comparator: "EQ", value: 100 }, "%", "PERCENT", "en")).toBe("= 100%");
    expect(formatThreshold({ comparator: "LTE", value: 50 }, "hạng", "RANK", "vi")).toBe(
      "nhóm 50 nước dẫn đầu (hạng ≤ 50)",
    );
    expect(formatThreshold({ comparator: "LTE", value: 50 }, "hạng", "RANK", "en")).toBe("top 50 (rank ≤ 50)");
  });
  it("writes dates dd/mm/yyyy in Vietnamese", () => {
    expect(formatDate(new Date("2022-03-31T00:00:00Z"), "vi")).toBe("31/03/2022");
    expect(formatDate("2021-06-15", "en")).toBe("15 June 2021");
  });
});

describe("formatDateTime", () => {
  it("shows Vietnam's time in Vietnamese and English formats", () => {
    expect(formatDateTime(new Date("2026-03-31T17:05:00Z"), "vi")).toBe("01/04/2026 00:05");
    expect(formatDateTime(new Date("2026-12-03T07:09:00Z"), "vi")).toBe("03/12/2026 14:09");
    expect(formatDateTime(new Date("2026-12-03T07:09:00Z"), "en")).toBe("3 Dec 2026, 14:09");
    expect(formatDateTime(null, "vi")).toBe("");
  });
});
