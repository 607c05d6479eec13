import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const withTargets = {
  targets: {
    orderBy: [{ year: "asc" }, { documentId: "asc" }, { id: "asc" }],
    include: { document: { select: { key: true, numberCanonical: true, numberPrinted: true, kind: true, inForce: true } } },
  },
} satisfies Prisma.IndicatorInclude;

export async function listIndicators(opts: { skip: number; take: number; pillar?: string; decision?: string }) {
  const where: Prisma.IndicatorWhereInput = {
    ...(opts.pillar ? { pillar: opts.pillar as Prisma.IndicatorWhereInput["pillar"] } : {}),
    ...(opts.decision ? { targets: { some: { document: { key: opts.decision } } } } : {}),
  };
  const [items, total] = await Promise.all([
    db.indicator.findMany({ where, orderBy: [{ pillar: "asc" }, { code: "asc" }], skip: opts.skip, take: opts.take, include: withTargets }),
    db.indicator.count({ where }),
  ]);
  return { items, total };
}

export async function getIndicator(code: string) {
  return db.indicator.findUnique({ where: { code }, include: withTargets });
}

export type IndicatorWithTargets = NonNullable<Awaited<ReturnType<typeof getIndicator>>>;

/** The latest approved national value of each indicator (what the public sees). */
export async function latestApprovedNational(indicatorIds: number[]) {
  const rows = await db.observation.findMany({
    where: { indicatorId: { in: indicatorIds }, isNational: true, approvedAt: { not: null } },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: { indicatorId: true, year: true, quarter: true, approvedValue: true, approvedAt: true, illustrative: true },
  });
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.indicatorId)) latest.set(r.indicatorId, r);
  return latest;
}
