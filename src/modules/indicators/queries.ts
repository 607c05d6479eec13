import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const withTargets = {
  targets: {
    orderBy: [{ year: "asc" }, { documentId: "asc" }, { id: "asc" }],
    include: {
      document: { select: { key: true, numberCanonical: true, numberPrinted: true, kind: true, inForce: true } },
    },
  },
} satisfies Prisma.IndicatorInclude;

export async function listIndicators(opts: { skip: number; take: number; pillar?: string; decision?: string }) {
  const where: Prisma.IndicatorWhereInput = {
    ...(opts.pillar ? { pillar: opts.pillar as Prisma.IndicatorWhereInput["pillar"] } : {}),
    ...(opts.decision ? { targets: { some: { document: { key: opts.decision } } } } : {}),
  };
  const [items, total] = await Promise.all([
    db.indicator.findMany({
      where,
      orderBy: [{ pillar: "asc" }, { code: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include: withTargets,
    }),
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
  return latestApproved(indicatorIds, { isNational: true });
}

/** One agency's own latest approved value per indicator (its dashboard shows it beside the national one). */
export async function latestApprovedOf(indicatorIds: number[], agencyId: number) {
  return latestApproved(indicatorIds, { agencyId });
}

async function latestApproved(indicatorIds: number[], who: { isNational?: boolean; agencyId?: number }) {
  const rows = await db.observation.findMany({
    where: { indicatorId: { in: indicatorIds }, ...who, approvedAt: { not: null }, approvedValue: { not: null } },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: { indicatorId: true, year: true, quarter: true, approvedValue: true, approvedAt: true, illustrative: true },
  });
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.indicatorId)) latest.set(r.indicatorId, r);
  return latest;
}

/** What the indicator page's metadata needs, or null for an unknown code. */
export async function indicatorMeta(code: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(code)) return null;
  return db.indicator.findUnique({
    where: { code },
    select: { code: true, nameVi: true, nameEn: true, descriptionVi: true, descriptionEn: true },
  });
}

/** One indicator with every target and its document, for the indicator page. */
export async function indicatorPageData(code: string) {
  return db.indicator.findUnique({
    where: { code },
    include: {
      targets: {
        include: { document: { select: { key: true, numberCanonical: true, inForce: true, kind: true } } },
        orderBy: [{ year: "asc" }, { documentId: "asc" }],
      },
    },
  });
}

export type IndicatorPageData = NonNullable<Awaited<ReturnType<typeof indicatorPageData>>>;

/** The approved national series of one indicator, oldest first, with each value's source. */
export async function approvedNationalSeries(indicatorId: number) {
  return db.observation.findMany({
    where: { indicatorId, isNational: true, approvedAt: { not: null } },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
    select: { year: true, quarter: true, approvedValue: true, source: true, illustrative: true, approvedAt: true },
  });
}

/** The approved national series for the API: every reporting agency's national value, oldest first. */
export async function approvedNationalObservations(indicatorId: number) {
  return db.observation.findMany({
    where: { indicatorId, isNational: true, approvedAt: { not: null } },
    orderBy: [{ year: "asc" }, { quarter: "asc" }, { agencyId: "asc" }],
    select: {
      year: true,
      quarter: true,
      approvedValue: true,
      approvedAt: true,
      illustrative: true,
      agency: { select: { code: true } },
    },
  });
}

/** One indicator's approved values from every agency (national first), with its unit; null for an unknown code. */
export async function approvedObservationsOf(code: string) {
  const ind = await db.indicator.findUnique({ where: { code }, select: { id: true, unit: true } });
  if (!ind) return null;
  const rows = await db.observation.findMany({
    where: { indicatorId: ind.id, approvedAt: { not: null } },
    orderBy: [{ isNational: "desc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
    select: {
      year: true,
      quarter: true,
      approvedValue: true,
      isNational: true,
      illustrative: true,
      approvedAt: true,
      agency: { select: { code: true } },
    },
  });
  return { unit: ind.unit, rows };
}

/** Every indicator's code, for the sitemap. */
export async function indicatorCodes(): Promise<string[]> {
  return (await db.indicator.findMany({ orderBy: { code: "asc" }, select: { code: true } })).map((i) => i.code);
}

type Bound = { year: number; quarter: number };
const atOrAfter = (p: Bound): Prisma.ObservationWhereInput => ({
  OR: [{ year: { gt: p.year } }, { year: p.year, quarter: { gte: p.quarter } }],
});
const atOrBefore = (p: Bound): Prisma.ObservationWhereInput => ({
  OR: [{ year: { lt: p.year } }, { year: p.year, quarter: { lte: p.quarter } }],
});

/** Approved quarterly values only (drafts and submissions are never public), a page at a time. */
export async function listApprovedObservations(f: {
  skip: number;
  take: number;
  indicator?: string;
  agency?: string;
  national?: boolean;
  illustrative?: boolean;
  /** First and last quarter, inclusive. */
  from?: Bound;
  to?: Bound;
}) {
  const where: Prisma.ObservationWhereInput = {
    approvedAt: { not: null },
    ...(f.indicator ? { indicator: { code: f.indicator } } : {}),
    ...(f.agency ? { agency: { code: f.agency } } : {}),
    ...(f.national !== undefined ? { isNational: f.national } : {}),
    ...(f.illustrative !== undefined ? { illustrative: f.illustrative } : {}),
    AND: [...(f.from ? [atOrAfter(f.from)] : []), ...(f.to ? [atOrBefore(f.to)] : [])],
  };
  const [items, total] = await Promise.all([
    db.observation.findMany({
      where,
      orderBy: [{ indicatorId: "asc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
      skip: f.skip,
      take: f.take,
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

export type ObservationKey = { indicatorId: number; agencyId: number; year: number; quarter: number };

/** Codes and units of every indicator and codes of every agency, to write bulk rows by id. */
export async function observationLookups() {
  const [indicators, agencies] = await Promise.all([
    db.indicator.findMany({ select: { id: true, code: true, unit: true } }),
    db.agency.findMany({ select: { id: true, code: true } }),
  ]);
  return { indicators, agencies };
}

/**
 * Up to `take` approved observations after `after` in the table's unique key order (keyset
 * pagination: a national-scale history is never loaded at once).
 */
export async function approvedObservationChunk(after: ObservationKey | null, take: number) {
  return db.observation.findMany({
    where: { approvedAt: { not: null } },
    orderBy: [{ indicatorId: "asc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
    ...(after ? { cursor: { indicatorId_agencyId_year_quarter: after }, skip: 1 } : {}),
    take,
    select: {
      indicatorId: true,
      agencyId: true,
      year: true,
      quarter: true,
      isNational: true,
      approvedValue: true,
      approvedAt: true,
      illustrative: true,
    },
  });
}

/** Code, Vietnamese name and unit of every indicator, to label rows that carry its id. */
export async function indicatorLabels() {
  return db.indicator.findMany({ select: { id: true, code: true, nameVi: true, unit: true } });
}
