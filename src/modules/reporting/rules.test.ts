import { describe, expect, it } from "vitest";
import { translate } from "@/i18n/translate";
import {
  defaultPeriodDates,
  editable,
  needsExplanation,
  parseValue as parse,
  periodState,
  readyToSubmit,
  reviewPages,
  valueChange,
  valueText,
} from "./rules";

// The errors read in Vietnamese, as a Vietnamese page shows them.
const parseValue = (...a: Parameters<typeof parse>) => {
  const r = parse(...a);
  return "error" in r ? { error: translate("vi", r.error) } : r;
};

const pct = { kind: "PERCENT", minValue: 0, maxValue: 100, unit: "%" };
const rank = { kind: "RANK", minValue: 1, maxValue: null, unit: "hạng" };
const count = { kind: "COUNT", minValue: 0, maxValue: null, unit: "doanh nghiệp" };

describe("parseValue", () => {
  it("reads Vietnamese decimals and thousands", () => {
    expect(parseValue("20,5", pct)).toEqual({ value: 20.5 });
    expect(parseValue("1.000", count)).toEqual({ value: 1000 });
    expect(parseValue("12.345,5", { kind: "AMOUNT", minValue: null, maxValue: null, unit: "USD" })).toEqual({
      value: 12345.5,
    });
    expect(parseValue(" 42 ", pct)).toEqual({ value: 42 });
    expect(parseValue("20.5", pct)).toEqual({ value: 20.5 });
  });
  it("refuses what is not a number, with a Vietnamese message", () => {
    expect(parseValue("", pct)).toEqual({ error: "Vui lòng nhập giá trị." });
    expect(parseValue("abc", pct)).toMatchObject({ error: expect.stringContaining("phải là một số") });
    expect(parseValue("NaN", pct)).toMatchObject({ error: expect.stringContaining("phải là một số") });
    expect(parseValue("Infinity", pct)).toMatchObject({ error: expect.stringContaining("phải là một số") });
    expect(parseValue("1e400", pct)).toMatchObject({ error: expect.any(String) });
  });
  it("checks the indicator's kind", () => {
    expect(parseValue("120", pct)).toEqual({ error: "Tỷ lệ phần trăm phải nằm trong khoảng 0–100." });
    expect(parseValue("-1", pct)).toMatchObject({ error: expect.stringContaining("0–100") });
    expect(parseValue("0", rank)).toMatchObject({ error: expect.stringContaining("số nguyên dương") });
    expect(parseValue("12,5", rank)).toMatchObject({ error: expect.stringContaining("số nguyên dương") });
    expect(parseValue("-3", count)).toMatchObject({ error: expect.stringContaining("không âm") });
    expect(parseValue("48", rank)).toEqual({ value: 48 });
  });
});

describe("needsExplanation", () => {
  it("flags percentage jumps of more than 20 points", () => {
    expect(needsExplanation(40, 61, "PERCENT")).toBe(true);
    expect(needsExplanation(40, 60, "PERCENT")).toBe(false);
    expect(needsExplanation(null, 99, "PERCENT")).toBe(false);
  });
  it("flags relative jumps of more than half for counts and ranks", () => {
    expect(needsExplanation(100, 151, "COUNT")).toBe(true);
    expect(needsExplanation(100, 149, "COUNT")).toBe(false);
    expect(needsExplanation(86, 40, "RANK")).toBe(true);
  });
});

describe("periods", () => {
  const q3 = defaultPeriodDates(2026, 3);
  it("open the day after the quarter, are due 60 days later and lock after 120", () => {
    expect(q3.opensAt.toISOString().slice(0, 10)).toBe("2026-10-01");
    expect(q3.dueAt.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(q3.locksAt.toISOString().slice(0, 10)).toBe("2027-01-29");
  });
  it("move from not open to open, overdue and locked", () => {
    expect(periodState(q3, new Date("2026-09-30"))).toBe("NOT_OPEN");
    expect(periodState(q3, new Date("2026-11-23"))).toBe("OPEN");
    expect(periodState(q3, new Date("2026-12-15"))).toBe("OVERDUE");
    expect(periodState(q3, new Date("2027-02-01"))).toBe("LOCKED");
  });
  it("lets an agency edit drafts and returned items until the lock, then only if reopened", () => {
    expect(editable("DRAFT", q3, new Date("2026-11-23"), false)).toBe(true);
    expect(editable("RETURNED", q3, new Date("2026-12-15"), false)).toBe(true);
    expect(editable("SUBMITTED", q3, new Date("2026-11-23"), false)).toBe(false);
    expect(editable("DRAFT", q3, new Date("2027-02-01"), false)).toBe(false);
    expect(editable("RETURNED", q3, new Date("2027-02-01"), true)).toBe(true);
  });
});

describe("review queue pages", () => {
  it("counts pages by the longer of the two lists, at least one", () => {
    expect(reviewPages(0, 0)).toBe(1);
    expect(reviewPages(100, 3)).toBe(1);
    expect(reviewPages(101, 3)).toBe(2);
    expect(reviewPages(5, 250)).toBe(3);
    expect(reviewPages(5, 0, 2)).toBe(3);
  });
});

describe("readyToSubmit and valueText", () => {
  const base = { state: "DRAFT", editable: true, complete: true, savedSinceReturn: false };
  it("takes complete, editable drafts", () => {
    expect(readyToSubmit(base)).toBe(true);
    expect(readyToSubmit({ ...base, complete: false })).toBe(false);
    expect(readyToSubmit({ ...base, editable: false })).toBe(false);
  });
  it("takes a returned item only after the agency saved it again", () => {
    expect(readyToSubmit({ ...base, state: "RETURNED" })).toBe(false);
    expect(readyToSubmit({ ...base, state: "RETURNED", savedSinceReturn: true })).toBe(true);
    expect(readyToSubmit({ ...base, state: "SUBMITTED", savedSinceReturn: true })).toBe(false);
    expect(readyToSubmit({ ...base, state: "APPROVED" })).toBe(false);
  });
  it("writes values so the reporting rules read them back exactly", () => {
    const ind = { kind: "AMOUNT", minValue: null, maxValue: null, unit: "x" };
    for (const n of [0, 1, 20.5, 1000, 1000.5, 123456.789, 1e-7, 5e21]) {
      const r = parseValue(valueText(n), ind);
      expect(r).toEqual({ value: n });
    }
    expect(valueText(null)).toBe("");
    expect(valueText(1000.5)).toBe("1000,5");
  });
});

describe("valueChange", () => {
  it("gives the absolute and relative change from the approved value", () => {
    expect(valueChange(80, 84)).toEqual({ delta: 4, percent: 5 });
    expect(valueChange(12.3, 12.1)).toEqual({ delta: -0.2, percent: -1.6 });
    expect(valueChange(0, 5)).toEqual({ delta: 5, percent: null });
    expect(valueChange(null, 5)).toBeNull();
    expect(valueChange(5, null)).toBeNull();
  });
});
