import "server-only";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { memoByPublicVersion } from "@/server/public-memo";
import { quarterEnd, type Quarter } from "@/lib/periods";
import {
  milestoneStatus,
  worstStatus,
  type Comparator,
  type MilestoneStatus,
  type Point,
  type StatusResult,
} from "@/lib/status";
import { filterTargets, type TargetFilters, type TargetStatus } from "./filter";

export type { TargetStatus };

// Statuses of every target, computed from approved values. The computation is memoised per
// published-data version (src/server/public-memo.ts), so dashboards and public pages do not redo
// it on every request, and a new approval or override is picked up on the next request.

/** End of the "as of" quarter, or now. */
export function asOfDate(asOf: Quarter | null): Date {
  if (!asOf) return clockNow();
  const d = quarterEnd(asOf);
  return new Date(d.getTime() + 24 * 60 * 60 * 1000 - 1);
}

export async function targetStatuses(asOf: Quarter | null = null): Promise<TargetStatus[]> {
  return memoByPublicVersion(`statuses:${asOf ? `${asOf.year}-Q${asOf.quarter}` : "now"}`, () =>
    computeStatuses(asOfDate(asOf), { historical: !!asOf }),
  );
}

export type ApprovedValue = {
  indicatorId: number;
  agencyId: number;
  isNational: boolean;
  year: number;
  quarter: number;
  value: number;
  illustrative: boolean;
};

/**
 * Approved values as the public saw them at `at`. Today's view reads the approved copy kept on each
 * observation; a historical view ("as published at the end of quarter X") reads the revision
 * history instead: the last APPROVED revision written by then, so later corrections do not leak
 * into the past.
 */
export async function approvedValues(
  at: Date,
  opts: { historical: boolean; indicatorIds?: number[]; national?: boolean },
): Promise<ApprovedValue[]> {
  if (!opts.historical) {
    const rows = await db.observation.findMany({
      where: {
        approvedAt: { not: null, lte: at },
        ...(opts.indicatorIds ? { indicatorId: { in: opts.indicatorIds } } : {}),
        ...(opts.national !== undefined ? { isNational: opts.national } : {}),
      },
      select: {
        indicatorId: true,
        agencyId: true,
        isNational: true,
        year: true,
        quarter: true,
        approvedValue: true,
        illustrative: true,
      },
    });
    return rows.filter((r) => r.approvedValue != null).map((r) => ({ ...r, value: r.approvedValue! }));
  }
  const ids = opts.indicatorIds ?? null;
  const national = opts.national ?? null;
  return db.$queryRaw<ApprovedValue[]>`
    SELECT DISTINCT ON (o.id) o."indicatorId", o."agencyId", o."isNational", o.year, o.quarter, r.value, o.illustrative
    FROM "ObservationRevision" r JOIN "Observation" o ON o.id = r."observationId"
    WHERE r.state = 'APPROVED' AND r."createdAt" <= ${at} AND r.value IS NOT NULL
      AND (${ids}::int[] IS NULL OR o."indicatorId" = ANY(${ids}::int[]))
      AND (${national}::boolean IS NULL OR o."isNational" = ${national}::boolean)
    ORDER BY o.id, r.version DESC`;
}

/** Unmemoised: every query and the status of every target (benchmarks time this directly). */
export async function computeStatuses(now: Date, opts: { historical?: boolean } = {}): Promise<TargetStatus[]> {
  const historical = opts.historical ?? false;
  const nowYear = now.getUTCFullYear();
  const nowQuarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const [targets, national, overrides] = await Promise.all([
    db.target.findMany({
      include: {
        indicator: { select: { id: true, code: true, pillar: true, kind: true, direction: true } },
        document: { select: { key: true, numberCanonical: true, inForce: true } },
      },
      orderBy: { id: "asc" },
    }),
    approvedValues(now, { historical, national: true }),
    db.statusOverride.findMany({
      where: { createdAt: { lte: now }, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const perUnitIndicators = [
    ...new Set(
      targets
        .filter((t) => t.scopeKind === "EACH" || (t.scopeKind === "GOV_LEVEL" && t.scopeLevel === "CENTRAL_PROVINCE"))
        .map((t) => t.indicatorId),
    ),
  ];
  const units = perUnitIndicators.length
    ? await approvedValues(now, { historical, national: false, indicatorIds: perUnitIndicators })
    : [];
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: overrides.map((o) => o.userId) } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );

  const inPast = (p: { year: number; quarter: number }) =>
    p.year < nowYear || (p.year === nowYear && p.quarter <= nowQuarter);
  const nationalSeries = new Map<number, Point[]>();
  for (const o of national) {
    if (!inPast(o)) continue;
    (nationalSeries.get(o.indicatorId) ?? nationalSeries.set(o.indicatorId, []).get(o.indicatorId)!).push({
      year: o.year,
      quarter: o.quarter,
      value: o.value,
    });
  }
  const unitSeries = new Map<number, Map<number, Point[]>>();
  for (const o of units) {
    if (!inPast(o)) continue;
    const byAgency = unitSeries.get(o.indicatorId) ?? unitSeries.set(o.indicatorId, new Map()).get(o.indicatorId)!;
    (byAgency.get(o.agencyId) ?? byAgency.set(o.agencyId, []).get(o.agencyId)!).push({
      year: o.year,
      quarter: o.quarter,
      value: o.value,
    });
  }
  const latestOverride = new Map<number, (typeof overrides)[number]>();
  for (const o of overrides) latestOverride.set(o.targetId, o);

  return targets.map((t) => {
    const spec = {
      year: t.year,
      comparator: t.comparator as Comparator,
      value: t.value,
      kind: t.indicator.kind,
      direction: t.indicator.direction,
    };
    let computed: StatusResult;
    let unitCount = 0;
    const perUnit = t.scopeKind === "EACH" || (t.scopeKind === "GOV_LEVEL" && t.scopeLevel === "CENTRAL_PROVINCE");
    if (perUnit && unitSeries.get(t.indicatorId)?.size) {
      // A floor for every unit: the target stands or falls with its least favourable unit.
      const results = [...unitSeries.get(t.indicatorId)!.values()].map((s) => milestoneStatus(spec, s, now));
      unitCount = results.length;
      computed = worstStatus(results) ?? milestoneStatus(spec, [], now);
    } else if (t.scopeKind === "GOV_LEVEL" && t.scopeLevel !== "CENTRAL_PROVINCE") {
      // District and commune figures are not reported (the district tier was abolished in 2025).
      computed = milestoneStatus(spec, [], now);
    } else {
      computed = milestoneStatus(spec, nationalSeries.get(t.indicatorId) ?? [], now);
    }
    const ov = latestOverride.get(t.id);
    return {
      targetId: t.id,
      targetKey: t.key,
      indicatorId: t.indicatorId,
      indicatorCode: t.indicator.code,
      documentKey: t.document.key,
      documentNumber: t.document.numberCanonical,
      documentInForce: t.document.inForce,
      pillar: t.indicator.pillar,
      year: t.year,
      comparator: t.comparator as Comparator,
      value: t.value,
      scopeKind: t.scopeKind,
      scopeLevel: t.scopeLevel,
      computed,
      units: unitCount,
      override: ov
        ? { status: ov.status as MilestoneStatus, reason: ov.reason, by: users.get(ov.userId) ?? "?", at: ov.createdAt }
        : null,
      effective: (ov?.status as MilestoneStatus | undefined) ?? computed.status,
    };
  });
}

/** The indicators an agency reports: its view of the targets. */
async function agencyIndicatorIds(agencyId: number): Promise<Set<number>> {
  const rows = await db.indicatorAssignment.findMany({ where: { agencyId }, select: { indicatorId: true } });
  return new Set(rows.map((r) => r.indicatorId));
}

/**
 * The targets a view lists (the dashboard, national or one agency's, and its CSV): every filter
 * applied by filterTargets, the agency resolved to the indicators it reports.
 */
export async function listTargets(
  f: Omit<TargetFilters, "indicatorIds"> & { asOf: Quarter | null; agencyId?: number | null },
): Promise<TargetStatus[]> {
  const [all, indicatorIds] = await Promise.all([
    targetStatuses(f.asOf),
    f.agencyId ? agencyIndicatorIds(f.agencyId) : undefined,
  ]);
  return filterTargets(all, { ...f, indicatorIds });
}
