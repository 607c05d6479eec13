import { describe, expect, it } from "vitest";
import { NormalisedText } from "@/lib/text";
import { checkQuote } from "./quotes";

const text = new NormalisedText(
  [
    "II. MỤC TIÊU",
    "1. Mục tiêu đến năm 2025",
    "a) Tỷ trọng kinh tế số đạt",
    "20% GDP; tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt tối thiểu 10%.",
    "",
    "2. Mục tiêu đến năm 2030",
    "a) Tỷ trọng kinh tế số đạt 30% GDP.",
  ].join("\n"),
);

describe("checkQuote", () => {
  it("finds a quote that wraps over lines, with whitespace collapsed, at the line it starts on", () => {
    expect(checkQuote(text, "Tỷ trọng kinh tế số đạt 20% GDP", 3)).toEqual({ ok: true, line: 3 });
    expect(checkQuote(text, "Tỷ trọng kinh tế số đạt   20%\nGDP")).toEqual({ ok: true, line: 3 });
  });

  it("refuses a quote that is not in the text, even one letter or diacritic off", () => {
    expect(checkQuote(text, "Tỷ trọng kinh tế số đạt 25% GDP")).toMatchObject({ ok: false, reason: "notInText" });
    expect(checkQuote(text, "Ty trong kinh te so dat 20% GDP")).toMatchObject({ ok: false, reason: "notInText" });
    expect(checkQuote(text, "  ")).toMatchObject({ ok: false, reason: "empty" });
  });

  it("refuses a quote claimed for a line far from where it is, and picks the nearest of several", () => {
    expect(checkQuote(text, "Tỷ trọng kinh tế số đạt 30% GDP", 1)).toEqual({
      ok: false,
      reason: "notAtLine",
      lines: [7],
    });
    expect(checkQuote(text, "Tỷ trọng kinh tế số đạt", 7)).toEqual({ ok: true, line: 7 });
    expect(checkQuote(text, "Tỷ trọng kinh tế số đạt", 2)).toEqual({ ok: true, line: 3 });
  });
});
