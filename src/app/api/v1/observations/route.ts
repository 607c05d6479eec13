import {
  boolParam,
  corsPreflight,
  pageQuery,
  paginated,
  parseQuery,
  periodParam,
  publicRoute,
  apiParam,
} from "@/server/api";
import { listApprovedObservations } from "@/modules/indicators/queries";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  indicator: apiParam.indicator.optional(),
  agency: apiParam.agency.optional(),
  national: boolParam,
  /** First and last quarter, inclusive. */
  from: periodParam.optional(),
  to: periodParam.optional(),
  /** false: real values only (no demo data); true: demo data only. */
  illustrative: boolParam,
});

/** Approved quarterly values only: drafts and submissions are never public. */
export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, indicator, agency, national, from, to, illustrative } = q.data;
  const { items, total } = await listApprovedObservations({
    skip: (page - 1) * pageSize,
    take: pageSize,
    indicator,
    agency,
    national,
    illustrative,
    from,
    to,
  });
  return paginated(
    req,
    items.map((o) => ({
      indicator: o.indicator.code,
      agency: o.agency.code,
      national: o.isNational,
      period: `${o.year}-Q${o.quarter}`,
      year: o.year,
      quarter: o.quarter,
      value: o.approvedValue,
      unit: o.indicator.unit,
      approvedAt: o.approvedAt?.toISOString() ?? null,
      illustrative: o.illustrative,
    })),
    total,
    q.data,
  );
});

export const OPTIONS = corsPreflight;
