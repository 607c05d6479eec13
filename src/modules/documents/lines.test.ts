import { describe, expect, it } from "vitest";
import { highlightSpan, locateQuote, splitLines } from "./lines";

describe("splitLines", () => {
  it("numbers lines as the seed files do, without an empty line after a final newline", () => {
    expect(splitLines("a\nb")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\n\nb")).toEqual(["a", "", "b"]);
  });
});

describe("locateQuote", () => {
  const lines = [
    "a) Mục tiêu đến năm 2025",
    "- Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt",
    "tối thiểu 10%;",
    "",
    "- Tỷ trọng kinh tế số đạt 20% GDP;",
  ];

  it("finds the lines a quote broken across lines covers", () => {
    expect(locateQuote(lines, 2, "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%")).toEqual({
      from: 2,
      to: 3,
    });
    expect(locateQuote(lines, 5, "Tỷ  trọng kinh tế số đạt 20% GDP")).toEqual({ from: 5, to: 5 });
  });

  it("prefers the occurrence nearest the cited line and looks no further than asked", () => {
    expect(locateQuote(lines, 4, "Tỷ trọng kinh tế số")).toEqual({ from: 5, to: 5 });
    expect(locateQuote(lines, 1, "đạt 20% GDP", { after: 2 })).toBeNull();
  });

  it("always highlights the cited line, even when the quote is not found", () => {
    expect(highlightSpan(lines, 3, "không có")).toEqual({ from: 3, to: 3 });
    expect(highlightSpan(lines, 1, "Tỷ trọng kinh tế số trong từng ngành")).toEqual({ from: 1, to: 2 });
  });
});
