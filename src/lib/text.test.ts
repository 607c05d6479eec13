import { describe, expect, it } from "vitest";
import { NormalisedText, normaliseWhitespace } from "./text";

describe("normaliseWhitespace", () => {
  it("collapses runs of spaces, tabs and newlines", () => {
    expect(normaliseWhitespace("  Tỷ trọng\tkinh tế\n\nsố  ")).toBe("Tỷ trọng kinh tế số");
  });
});

describe("NormalisedText", () => {
  const doc = "Dòng một\nTỷ trọng kinh tế số đạt\n20% GDP;\n\ttiếp theo 20% GDP";
  const text = new NormalisedText(doc);

  it("finds a quote broken across lines and reports the line it starts on", () => {
    expect(text.findLines("kinh tế số đạt 20% GDP")).toEqual([2]);
  });

  it("reports every occurrence", () => {
    expect(text.findLines("20% GDP")).toEqual([3, 4]);
  });

  it("does not match text that differs by more than whitespace", () => {
    expect(text.includes("kinh te so dat 20% GDP")).toBe(false);
    expect(text.includes("kinh tế số đạt 20 % GDP")).toBe(false);
  });
});
