import { statusRowToApi } from "@/modules/indicators/serialize";
import { listTargets } from "@/modules/statuses/queries";
import { corsPreflight, pageQuery, paginated, parseQuery, publicRoute, apiParam } from "@/server/api";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  decision: apiParam.decision.optional(),
  pillar: apiParam.pillar.optional(),
  indicator: apiParam.indicator.optional(),
  milestone: apiParam.milestone.optional(),
  status: apiParam.status.optional(),
  asOf: apiParam.asOf.optional(),
});

/** Every target's effective and computed status, from approved national (or per-unit) values. */
export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, decision, pillar, indicator, milestone, status, asOf } = q.data;
  const rows = await listTargets({ asOf: asOf ?? null, decision, pillar, indicator, milestone, status });
  const start = (page - 1) * pageSize;
  return paginated(req, rows.slice(start, start + pageSize).map(statusRowToApi), rows.length, q.data);
});

export const OPTIONS = corsPreflight;
