import { describe, expect, it } from "vitest";
import { defaultStatusSource, resolveStatusSource, type SourceRef } from "./choice";

const src = (id: number, code: string, kind: SourceRef["kind"]): SourceRef => ({
  id,
  code,
  kind,
  nameVi: code,
  nameEn: code,
  cutoffDays: 45,
});
const NSO = src(1, "NSO", "STATISTICS_OFFICE");
const MST = src(2, "MST", "MINISTRY");
const UN = src(3, "UN_DESA", "INTERNATIONAL_INDEX");
const all = new Map([NSO, MST, UN].map((s) => [s.id, s]));

describe("defaultStatusSource", () => {
  it("prefers the statistics office over a ministry's estimate, whatever the order", () => {
    expect(defaultStatusSource([MST, NSO])?.code).toBe("NSO");
    expect(defaultStatusSource([NSO, MST])?.code).toBe("NSO");
  });
  it("takes an international index over a ministry", () => {
    expect(defaultStatusSource([MST, UN])?.code).toBe("UN_DESA");
  });
  it("falls back to agency reporting (null) when nobody publishes the indicator", () => {
    expect(defaultStatusSource([])).toBeNull();
  });
});

describe("resolveStatusSource", () => {
  it("uses the default when nobody chose", () => {
    const c = resolveStatusSource(7, [], [MST, NSO], all);
    expect(c).toMatchObject({ indicatorId: 7, by: "default", reason: null });
    expect(c.source?.code).toBe("NSO");
  });
  it("the newest row wins, whatever order the rows come in", () => {
    const rows = [
      { sourceId: 2, userId: 5, reason: "ministry first", createdAt: new Date("2026-02-01T00:00:00Z") },
      { sourceId: null, userId: 6, reason: "back to reports", createdAt: new Date("2026-03-01T00:00:00Z") },
      { sourceId: 1, userId: null, reason: "seed", createdAt: new Date("2026-01-01T00:00:00Z") },
    ];
    const c = resolveStatusSource(7, rows, [NSO, MST], all);
    expect(c).toMatchObject({ source: null, by: "user", userId: 6, reason: "back to reports" });
  });
  it("marks a choice without a user as the seed's", () => {
    const rows = [{ sourceId: 2, userId: null, reason: "seed", createdAt: new Date("2026-01-01T00:00:00Z") }];
    expect(resolveStatusSource(7, rows, [NSO], all)).toMatchObject({ by: "seed", source: { code: "MST" } });
  });
});
