import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { boolParam, corsPreflight, pageQuery, paginated, parseQuery, periodParam, publicRoute } from "@/server/api";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  indicator: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  agency: z.string().regex(/^[A-Z0-9-]{1,40}$/).optional(),
  national: boolParam,
  /** First and last quarter, inclusive. */
  from: periodParam.optional(),
  to: periodParam.optional(),
  /** false: real values only (no demo data); true: demo data only. */
  illustrative: boolParam,
});

type Bound = { year: number; quarter: number };
const atOrAfter = (p: Bound): Prisma.ObservationWhereInput => ({ OR: [{ year: { gt: p.year } }, { year: p.year, quarter: { gte: p.quarter } }] });
const atOrBefore = (p: Bound): Prisma.ObservationWhereInput => ({ OR: [{ year: { lt: p.year } }, { year: p.year, quarter: { lte: p.quarter } }] });

/** Approved quarterly values only: drafts and submissions are never public. */
export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, indicator, agency, national, from, to, illustrative } = q.data;
  const where: Prisma.ObservationWhereInput = {
    approvedAt: { not: null },
    ...(indicator ? { indicator: { code: indicator } } : {}),
    ...(agency ? { agency: { code: agency } } : {}),
    ...(national !== undefined ? { isNational: national } : {}),
    ...(illustrative !== undefined ? { illustrative } : {}),
    AND: [...(from ? [atOrAfter(from)] : []), ...(to ? [atOrBefore(to)] : [])],
  };
  const [items, total] = await Promise.all([
    db.observation.findMany({
      where,
      orderBy: [{ indicatorId: "asc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        year: true,
        quarter: true,
        approvedValue: true,
        approvedAt: true,
        isNational: true,
        illustrative: true,
        indicator: { select: { code: true, unit: true } },
        agency: { select: { code: true } },
      },
    }),
    db.observation.count({ where }),
  ]);
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
