import { z } from "zod";
import { MILESTONE_STATUSES, targetStatuses } from "@/modules/dashboards/data";
import { statusRowToApi } from "@/modules/indicators/serialize";
import { corsPreflight, pageQuery, paginated, parseQuery, periodParam, publicRoute } from "@/server/api";
import type { MilestoneStatus } from "@/lib/status";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  decision: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  pillar: z.enum(["DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY", "FOUNDATION"]).optional(),
  indicator: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  milestone: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(MILESTONE_STATUSES as [MilestoneStatus, ...MilestoneStatus[]]).optional(),
  asOf: periodParam.optional(),
});

/** Every target's effective and computed status, from approved national (or per-unit) values. */
export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, decision, pillar, indicator, milestone, status, asOf } = q.data;
  const rows = (await targetStatuses(asOf ?? null)).filter(
    (t) =>
      (!decision || t.documentKey === decision) &&
      (!pillar || t.pillar === pillar) &&
      (!indicator || t.indicatorCode === indicator) &&
      (!milestone || t.year === milestone) &&
      (!status || t.effective === status),
  );
  const start = (page - 1) * pageSize;
  return paginated(req, rows.slice(start, start + pageSize).map(statusRowToApi), rows.length, q.data);
});

export const OPTIONS = corsPreflight;
