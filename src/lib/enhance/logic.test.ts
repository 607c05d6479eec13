import { describe, expect, it } from "vitest";
import {
  archiveHref,
  cardMatches,
  cardQuery,
  cardSearch,
  nearestPoint,
  pointerKey,
  shownText,
  withQuery,
} from "./logic";

describe("card filter", () => {
  const card = {
    search: cardSearch("Tỷ trọng kinh tế số trong GDP", "Digital economy share of GDP", "digital-economy-gdp-share"),
    pillar: "DIGITAL_ECONOMY",
    statuses: "ON_TRACK MISSED",
  };
  it("folds the typed text as data-search is (trimmed, lower case, no diacritics)", () => {
    const f = cardQuery((n) => ({ q: "  Kinh Tế SỐ ", pillar: "", status: "" })[n]);
    expect(f).toEqual({ q: "kinh te so", pillar: "", status: "" });
    expect(cardMatches(card, f)).toBe(true);
  });
  it("finds Vietnamese names typed without accents, đ included, word by word", () => {
    const q = (text: string) => cardQuery((n) => ({ q: text, pillar: "", status: "" })[n]);
    expect(cardMatches(card, q("kinh te so"))).toBe(true);
    expect(cardMatches(card, q("ty trong GDP"))).toBe(true);
    expect(cardMatches(card, q("gdp kinh te"))).toBe(true);
    expect(cardMatches({ search: cardSearch("Chuyển đổi số") }, q("chuyen doi so"))).toBe(true);
    expect(cardMatches({ search: cardSearch("Chuyển đổi số") }, q("chuyen dôi sô"))).toBe(true);
    expect(cardMatches(card, q("kinh te xa hoi"))).toBe(false);
  });
  it("treats missing form fields as no filter", () => {
    expect(cardQuery(() => null)).toEqual({ q: "", pillar: "", status: "" });
  });
  it("needs every given filter to match", () => {
    expect(cardMatches(card, { q: "gdp", pillar: "DIGITAL_ECONOMY", status: "MISSED" })).toBe(true);
    expect(cardMatches(card, { q: "gdp", pillar: "DIGITAL_SOCIETY", status: "" })).toBe(false);
    expect(cardMatches(card, { q: "", pillar: "", status: "ACHIEVED" })).toBe(false);
    expect(cardMatches(card, { q: "internet", pillar: "", status: "" })).toBe(false);
  });
  it("matches a status as a whole word, not a prefix of another", () => {
    expect(cardMatches({ statuses: "NOT_ENOUGH_DATA" }, { q: "", pillar: "", status: "NOT" })).toBe(false);
  });
  it("fills the count into the sentence", () => {
    expect(shownText("Đang hiển thị {count} chỉ số", 3)).toBe("Đang hiển thị 3 chỉ số");
  });
});

describe("chart read-out", () => {
  it("picks the nearest point, the first of two equally near", () => {
    expect(nearestPoint([0, 25, 50, 75, 100], 60)).toBe(2);
    expect(nearestPoint([0, 25, 50, 75, 100], 99)).toBe(4);
    expect(nearestPoint([0, 50], 25)).toBe(0);
  });
  it("steps with the arrow keys and stops at either end", () => {
    expect(pointerKey("ArrowRight", null, 4)).toBe(0);
    expect(pointerKey("ArrowRight", 3, 4)).toBe(3);
    expect(pointerKey("ArrowLeft", null, 4)).toBe(3);
    expect(pointerKey("ArrowLeft", 0, 4)).toBe(0);
    expect(pointerKey("Home", 2, 4)).toBe(0);
    expect(pointerKey("End", 0, 4)).toBe(3);
    expect(pointerKey("Escape", 1, 4)).toBe("hide");
    expect(pointerKey("a", 1, 4)).toBeNull();
    expect(pointerKey("ArrowRight", null, 0)).toBeNull();
  });
});

describe("links", () => {
  it("goes to a past quarter's scorecard, or today's for anything else", () => {
    expect(archiveHref("vi", "2026-Q2")).toBe("/vi/archive/2026-Q2");
    expect(archiveHref("en", "")).toBe("/en");
    expect(archiveHref("vi", "../admin")).toBe("/vi");
  });
  it("carries the query string to the other language", () => {
    expect(withQuery("/en/tasks", "?status=DONE")).toBe("/en/tasks?status=DONE");
    expect(withQuery("/en/tasks?old=1", "")).toBe("/en/tasks");
    expect(withQuery("/en", "q=a")).toBe("/en?q=a");
  });
});
