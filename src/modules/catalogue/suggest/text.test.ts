import { describe, expect, it } from "vitest";
import { fold, parseViNumber, romanValue } from "./text";

describe("parseViNumber", () => {
  it("reads Vietnamese thousands and decimals", () => {
    expect(parseViNumber("8.500")).toEqual({ value: 8500, ambiguous: false });
    expect(parseViNumber("1.000.000")).toEqual({ value: 1_000_000, ambiguous: false });
    expect(parseViNumber("300.000")).toEqual({ value: 300_000, ambiguous: false });
    expect(parseViNumber("20,5")).toEqual({ value: 20.5, ambiguous: false });
    expect(parseViNumber("8,0")).toEqual({ value: 8, ambiguous: false });
    expect(parseViNumber("8.500,5")).toEqual({ value: 8500.5, ambiguous: false });
  });

  it("reads the English grouping a draft uses, flagging one group of three as ambiguous", () => {
    // The draft prints "80,000 doanh nghiệp" and "1,000,000 chuyên gia".
    expect(parseViNumber("1,000,000")).toEqual({ value: 1_000_000, ambiguous: false });
    expect(parseViNumber("80,000")).toEqual({ value: 80_000, ambiguous: true });
    expect(parseViNumber("1.5")).toEqual({ value: 1.5, ambiguous: true });
  });

  it("reads leading zeros and refuses what is not a number", () => {
    expect(parseViNumber("03")).toEqual({ value: 3, ambiguous: false });
    expect(parseViNumber("3,4,5")).toBeNull();
    expect(parseViNumber("IV")).toBeNull();
  });
});

describe("romanValue", () => {
  it("reads the numerals of headings and quarters", () => {
    expect(["I", "IV", "IX", "XIV", "XV"].map(romanValue)).toEqual([1, 4, 9, 14, 15]);
    expect(romanValue("A")).toBeNull();
    expect(romanValue("")).toBeNull();
    expect(romanValue("IIII")).toBeNull();
  });
});

describe("fold", () => {
  it("drops diacritics one character for one, so offsets carry over", () => {
    const s = "Đến năm 2030, Kinh tế số";
    const f = fold(s);
    expect(f).toBe("den nam 2030, kinh te so");
    expect(f.length).toBe(s.length);
    expect(s.slice(f.indexOf("kinh"))).toBe("Kinh tế số");
  });
});
