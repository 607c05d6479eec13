import { describe, expect, it } from "vitest";
import { parseMentions } from "./mentions";

describe("parseMentions", () => {
  it("finds addresses written after @, once each, lower-cased", () => {
    expect(
      parseMentions("@reviewer@cds.gov.vn xin xem lại. @Reporter.Hanoi@cds.gov.vn và @reviewer@cds.gov.vn"),
    ).toEqual(["reviewer@cds.gov.vn", "reporter.hanoi@cds.gov.vn"]);
  });

  it("ends an address at the sentence's punctuation", () => {
    expect(parseMentions("Cảm ơn @an@so.gov.vn. Và (@binh@so.gov.vn), @chi@so.gov.vn!")).toEqual([
      "an@so.gov.vn",
      "binh@so.gov.vn",
      "chi@so.gov.vn",
    ]);
  });

  it("ignores addresses without @ in front and @ inside words", () => {
    expect(parseMentions("gửi an@so.gov.vn hoặc x@an@so.gov.vn")).toEqual([]);
  });

  it("ignores a lone @ and things that are not addresses", () => {
    expect(parseMentions("@ @an @an@ @an@so @@an@so.gov.vn")).toEqual([]);
  });

  it("is not fooled by look-alike characters", () => {
    // Full-width @ and Cyrillic letters are not the ASCII address they resemble.
    expect(parseMentions("＠an@so.gov.vn @аn@so.gov.vn")).toEqual([]);
  });

  it("stays fast on a hostile body", () => {
    const t = Date.now();
    parseMentions("@" + "a".repeat(1990) + "@");
    parseMentions("@a@" + "a.".repeat(999));
    expect(Date.now() - t).toBeLessThan(200);
  });
});
