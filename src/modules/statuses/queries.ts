import "server-only";
import { liveAt } from "@/modules/catalogue/live";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { memoByPublicVersion } from "@/server/public-memo";
import { quarterEnd, type Quarter } from "@/lib/periods";
import {
  AGENCY_REPORTING_CUTOFF_DAYS,
  milestoneStatus,
  perUnitStatus,
  type Comparator,
  type MilestoneStatus,
  type Periodicity,
  type Point,
  type SeriesSpec,
  type StatusResult,
  type TargetSpec,
  type Unit,
} from "@/lib/status";
import type { StatusSourceChoice } from "@/modules/figures/choice";
import { asPublishedOn } from "@/modules/figures/parse";
import { statusSourceChoices } from "@/modules/figures/queries";
import { filterTargets, isPerUnit, type TargetFilters, type TargetStatus } from "./filter";

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
  /** The observation's id: the last tie-break between two values of one period. */
  id: number;
  indicatorId: number;
  agencyId: number;
  isNational: boolean;
  year: number;
  quarter: number;
  value: number;
  illustrative: boolean;
  approvedAt: Date;
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
        id: true,
        indicatorId: true,
        agencyId: true,
        isNational: true,
        year: true,
        quarter: true,
        approvedValue: true,
        approvedAt: true,
        illustrative: true,
      },
    });
    return rows
      .filter((r) => r.approvedValue != null)
      .map(({ approvedValue, approvedAt, ...r }) => ({ ...r, value: approvedValue!, approvedAt: approvedAt! }));
  }
  const ids = opts.indicatorIds ?? null;
  const national = opts.national ?? null;
  return db.$queryRaw<ApprovedValue[]>`
    SELECT DISTINCT ON (o.id) o.id, o."indicatorId", o."agencyId", o."isNational", o.year, o.quarter, r.value,
      o.illustrative, r."createdAt" AS "approvedAt"
    FROM "ObservationRevision" r JOIN "Observation" o ON o.id = r."observationId"
    WHERE r.state = 'APPROVED' AND r."createdAt" <= ${at} AND r.value IS NOT NULL
      AND (${ids}::int[] IS NULL OR o."indicatorId" = ANY(${ids}::int[]))
      AND (${national}::boolean IS NULL OR o."isNational" = ${national}::boolean)
    ORDER BY o.id, r.version DESC`;
}

const asPoint = (o: ApprovedValue): Point => ({
  year: o.year,
  quarter: o.quarter,
  value: o.value,
  at: o.approvedAt.getTime(),
  id: o.id,
});

/** A published figure as a point: dated by the last quarter of its period, tied by its release. */
const figurePoint = (f: { id: number; periodEnd: Date; value: number; releaseDate: Date; provisional: boolean }) => ({
  year: f.periodEnd.getUTCFullYear(),
  quarter: Math.floor(f.periodEnd.getUTCMonth() / 3) + 1,
  value: f.value,
  at: f.releaseDate.getTime(),
  id: f.id,
  provisional: f.provisional,
});

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  (m.get(k) ?? m.set(k, []).get(k)!).push(v);
}

/**
 * The series a national target is judged on: the chosen source's figures as published by `now`
 * (the latest release per period), or the agencies' approved national values when none is chosen.
 */
async function nationalSeries(now: Date, historical: boolean, choices: Map<number, StatusSourceChoice>) {
  const chosen = [...choices.values()].filter((c) => c.source);
  const [approved, figures] = await Promise.all([
    approvedValues(now, { historical, national: true }),
    chosen.length
      ? db.publishedFigure.findMany({
          where: {
            releaseDate: { lte: now },
            OR: chosen.map((c) => ({ indicatorId: c.indicatorId, sourceId: c.source!.id })),
          },
          select: {
            id: true,
            indicatorId: true,
            sourceId: true,
            period: true,
            periodEnd: true,
            value: true,
            provisional: true,
            releaseDate: true,
          },
        })
      : [],
  ]);
  const series = new Map<number, Point[]>();
  for (const f of asPublishedOn(figures, now)) push(series, f.indicatorId, figurePoint(f));
  for (const o of approved) if (!choices.get(o.indicatorId)?.source) push(series, o.indicatorId, asPoint(o));
  return series;
}

/** "cấp bộ, tỉnh": the units a ministry/province-level floor expects. */
export const CENTRAL_PROVINCE_KINDS: readonly string[] = ["MINISTRY", "MINISTRY_LEVEL", "GOV_AGENCY", "PROVINCE"];

/**
 * The units each indicator expects: the agencies assigned it, not as the national reporter,
 * existing at `now`. Coverage of per-unit floors and the comparison of agencies both count these.
 */
export async function expectedUnits(indicatorIds: number[], now: Date) {
  return db.indicatorAssignment.findMany({
    where: {
      indicatorId: { in: indicatorIds },
      national: false,
      agency: {
        AND: [
          { OR: [{ validFrom: null }, { validFrom: { lte: now } }] },
          { OR: [{ validTo: null }, { validTo: { gt: now } }] },
        ],
      },
    },
    select: {
      indicatorId: true,
      agency: { select: { id: true, code: true, nameVi: true, nameEn: true, kind: true } },
    },
    orderBy: { agencyId: "asc" },
  });
}

/** The expected units of each per-unit indicator with their approved values. Per-unit floors always use agency reporting. */
async function unitSeries(now: Date, historical: boolean, indicatorIds: number[]) {
  if (!indicatorIds.length) return new Map<number, (Unit & { kind: string })[]>();
  const [assigned, values] = await Promise.all([
    expectedUnits(indicatorIds, now),
    approvedValues(now, { historical, national: false, indicatorIds }),
  ]);
  const byUnit = new Map<string, Point[]>();
  for (const o of values) push(byUnit, `${o.indicatorId}|${o.agencyId}`, asPoint(o));
  const out = new Map<number, (Unit & { kind: string })[]>();
  for (const a of assigned)
    push(out, a.indicatorId, {
      unitId: a.agency.id,
      name: a.agency.nameVi,
      kind: a.agency.kind,
      series: byUnit.get(`${a.indicatorId}|${a.agency.id}`) ?? [],
    });
  return out;
}

export type StatusSourceRef = { code: string; kind: string; nameVi: string; nameEn: string } | null;

/** Unmemoised: every query and the status of every target (benchmarks time this directly). */
export async function computeStatuses(now: Date, opts: { historical?: boolean } = {}): Promise<TargetStatus[]> {
  const historical = opts.historical ?? false;
  const [targets, choices, overrides] = await Promise.all([
    db.target.findMany({
      where: liveAt(now),
      include: {
        indicator: {
          select: {
            id: true,
            code: true,
            unit: true,
            pillar: true,
            kind: true,
            direction: true,
            periodicity: true,
            minValue: true,
            maxValue: true,
          },
        },
        document: { select: { key: true, numberCanonical: true, inForce: true, baseYear: true, issuedOn: true } },
      },
      orderBy: { id: "asc" },
    }),
    statusSourceChoices(now),
    db.statusOverride.findMany({
      where: { createdAt: { lte: now }, OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const perUnitIds = [...new Set(targets.filter(isPerUnit).map((t) => t.indicatorId))];
  const [national, units, users] = await Promise.all([
    nationalSeries(now, historical, choices),
    unitSeries(now, historical, perUnitIds),
    db.user.findMany({ where: { id: { in: overrides.map((o) => o.userId) } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const latestOverride = new Map<number, (typeof overrides)[number]>();
  for (const o of overrides) latestOverride.set(o.targetId, o);

  return targets.map((t) => {
    const spec: TargetSpec = {
      year: t.year,
      comparator: t.comparator as Comparator,
      value: t.value,
      kind: t.indicator.kind,
      direction: t.indicator.direction,
      baseYear: t.document.baseYear ?? t.document.issuedOn?.getUTCFullYear() ?? null,
      approximate: t.approximate,
      min: t.indicator.minValue,
      max: t.indicator.maxValue,
    };
    const periodicity = t.indicator.periodicity as Periodicity;
    const agencySpec: SeriesSpec = { periodicity, cutoffDays: AGENCY_REPORTING_CUTOFF_DAYS };
    const chosen = choices.get(t.indicatorId)?.source ?? null;
    let computed: StatusResult;
    let source: StatusSourceRef = null;
    if (isPerUnit(t)) {
      const expected = (units.get(t.indicatorId) ?? []).filter(
        (u) => t.scopeKind === "EACH" || CENTRAL_PROVINCE_KINDS.includes(u.kind),
      );
      computed = perUnitStatus(spec, expected, now, t.minCoverage, agencySpec);
    } else if (t.scopeKind === "GOV_LEVEL") {
      // District and commune figures are not reported (the district tier was abolished in 2025).
      computed = milestoneStatus(spec, [], now, agencySpec, "LEVEL_NOT_REPORTED");
    } else if (t.scopeKind === "SUBGROUP") {
      // Never the whole population's series for a subgroup's target; no subgroup series exist yet.
      computed = milestoneStatus(spec, [], now, agencySpec, "NO_SUBGROUP_SERIES");
    } else {
      source = chosen && { code: chosen.code, kind: chosen.kind, nameVi: chosen.nameVi, nameEn: chosen.nameEn };
      computed = milestoneStatus(spec, national.get(t.indicatorId) ?? [], now, {
        periodicity,
        cutoffDays: chosen?.cutoffDays ?? AGENCY_REPORTING_CUTOFF_DAYS,
      });
    }
    const ov = latestOverride.get(t.id);
    return {
      targetId: t.id,
      targetKey: t.key,
      indicatorId: t.indicatorId,
      indicatorCode: t.indicator.code,
      indicator: { unit: t.indicator.unit, kind: t.indicator.kind },
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
      source,
      units: computed.explanation.coverage?.reported ?? 0,
      override: ov
        ? {
            status: ov.status as MilestoneStatus,
            reason: ov.reason,
            by: userName.get(ov.userId) ?? "?",
            at: ov.createdAt,
          }
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
