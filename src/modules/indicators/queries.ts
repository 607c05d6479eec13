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

/** Approved observations for the open-data API. Drafts and submissions are never public. */
export async function listApprovedObservations(opts: { skip: number; take: number; indicator?: string; agency?: string; national?: boolean }) {
  const where: Prisma.ObservationWhereInput = {
    approvedAt: { not: null },
    ...(opts.indicator ? { indicator: { code: opts.indicator } } : {}),
    ...(opts.agency ? { agency: { code: opts.agency } } : {}),
    ...(opts.national !== undefined ? { isNational: opts.national } : {}),
  };
  const [items, total] = await Promise.all([
    db.observation.findMany({
      where,
      orderBy: [{ indicatorId: "asc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
      skip: opts.skip,
      take: opts.take,
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
  return { items, total };
}
