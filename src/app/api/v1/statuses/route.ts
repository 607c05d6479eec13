import { z } from "zod";
import { statusRowToApi } from "@/modules/indicators/serialize";
import { listTargets } from "@/modules/statuses/queries";
import { milestoneStatusField, pillarField } from "@/modules/statuses/schemas";
import { corsPreflight, pageQuery, paginated, parseQuery, periodParam, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  decision: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  pillar: pillarField.optional(),
  indicator: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  milestone: z.coerce.number().int().min(2000).max(2100).optional(),
  status: milestoneStatusField.optional(),
  asOf: periodParam.optional(),
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
