import { z } from "zod";
import { listApprovedObservations } from "@/modules/indicators/queries";
import { corsPreflight, pageQuery, paginated, parseQuery } from "@/server/api";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  indicator: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  agency: z.string().regex(/^[A-Z0-9-]{1,40}$/).optional(),
  national: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
});

/** Approved quarterly values only. */
export async function GET(req: Request) {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, ...filters } = q.data;
  const { items, total } = await listApprovedObservations({ skip: (page - 1) * pageSize, take: pageSize, ...filters });
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
}

export const OPTIONS = corsPreflight;
