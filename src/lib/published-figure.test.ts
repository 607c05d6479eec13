import { describe, expect, it } from "vitest";
import { figureKey, figureRow } from "./published-figure";

const f = {
  indicator: "digital-economy-gdp-share",
  source: "NSO",
  period: "2022",
  value: 12.86,
  provisional: true,
  release: { title: "T", date: "2023-09-14", url: "https://example.vn/a" },
  quote: "… năm 2022 là 12,86%.",
  printed: "12,86%",
  definitionNote: null,
};

describe("published figure rows", () => {
  it("keys a figure by indicator, source, period and release", () => {
    expect(figureKey(f)).toBe("digital-economy-gdp-share|NSO|2022|2023-09-14|https://example.vn/a");
  });
  it("stores the period as the days it covers and the release as a calendar day", () => {
    const row = figureRow(f, 3, 4);
    expect([row.periodStart.toISOString(), row.periodEnd.toISOString(), row.releaseDate.toISOString()]).toEqual([
      "2022-01-01T00:00:00.000Z",
      "2022-12-31T00:00:00.000Z",
      "2023-09-14T00:00:00.000Z",
    ]);
    expect([row.indicatorId, row.sourceId, row.key]).toEqual([3, 4, figureKey(f)]);
  });
});
