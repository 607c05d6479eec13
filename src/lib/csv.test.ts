import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and newlines, keeps Vietnamese, and starts with a BOM", () => {
    const out = toCsv(
      ["a", "b"],
      [
        ["Tỷ trọng, kinh tế", 'nói "đạt"'],
        ["dòng\nhai", 20.5],
      ],
    );
    expect(out).toBe('\uFEFFa,b\r\n"Tỷ trọng, kinh tế","nói ""đạt"""\r\n"dòng\nhai",20.5\r\n');
  });
  it("neutralises spreadsheet formulas but keeps negative numbers", () => {
    expect(toCsv(["x"], [["=HYPERLINK(1)"], [-3], ["-3"]])).toBe("\uFEFFx\r\n'=HYPERLINK(1)\r\n-3\r\n-3\r\n");
  });
});
