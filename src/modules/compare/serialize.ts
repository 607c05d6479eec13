import { periodKey } from "@/lib/periods";
import type { Comparison } from "./queries";

const agencyToApi = (a: Comparison["missing"][number]["agency"]) => ({
  code: a.code,
  nameVi: a.nameVi,
  nameEn: a.nameEn,
  kind: a.kind,
});

/** The open-data form of a comparison (GET /api/v1/indicators/{code}/compare). */
export function comparisonToApi(c: Comparison) {
  const code = c.indicator.code;
  const period = periodKey(c.period);
  return {
    indicator: {
      code,
      nameVi: c.indicator.nameVi,
      nameEn: c.indicator.nameEn,
      unit: c.indicator.unit,
      kind: c.indicator.kind,
      direction: c.indicator.direction,
    },
    period,
    periods: c.periods.map(periodKey),
    floors: c.floors.map((f) => ({
      target: f.targetKey,
      decision: f.document,
      year: f.year,
      comparator: f.comparator,
      value: f.value,
      scope: f.scopeKind === "EACH" ? "EACH" : "CENTRAL_PROVINCE",
    })),
    expected: c.expected,
    reported: c.ranked.length,
    ranking: c.ranked.map((u) => ({
      rank: u.rank,
      agency: agencyToApi(u.agency),
      value: u.value,
      illustrative: u.illustrative,
      meets: u.meets.map((x) => ({ target: x.targetKey, meets: x.meets })),
    })),
    notReported: c.missing.map((u) => agencyToApi(u.agency)),
    links: {
      self: `/api/v1/indicators/${code}/compare?period=${period}`,
      html: `/vi/indicators/${code}/compare?period=${period}`,
      indicator: `/api/v1/indicators/${code}`,
    },
  };
}
