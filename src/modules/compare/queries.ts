import "server-only";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { previousQuarter, quarterOf, type Quarter } from "@/lib/periods";
import type { Comparator } from "@/lib/status";
import { isPerUnit } from "@/modules/statuses/filter";
import { asOfDate, CENTRAL_PROVINCE_KINDS, expectedUnits } from "@/modules/statuses/queries";
import type { SessionUser } from "@/server/session-user";
import { maySeeSubmitted } from "./policy";
import { rankUnits, type Floor, type Ranking, type UnitValue } from "./ranking";

export type Comparison = Ranking & {
  indicator: {
    id: number;
    code: string;
    nameVi: string;
    nameEn: string;
    unit: string;
    kind: string;
    direction: string;
  };
  period: Quarter;
  /**
   * Quarters with at least one approved agency value (or, with submitted values, one awaiting
   * review), newest first (the page's choices).
   */
  periods: Quarter[];
  floors: (Floor & { document: string; scopeKind: string })[];
  expected: number;
  /** Whether values submitted and awaiting review are ranked too (marked "SUBMITTED"). */
  submitted: boolean;
};

export type ComparisonOptions = {
  /**
   * Rank the values submitted and awaiting review too, as this user may see them: only national
   * reviewers and administrators do (policy.ts); anyone else, or nobody, gets approved values only.
   */
  submittedFor?: SessionUser | null;
};

/**
 * Every agency's approved value of one indicator for one quarter, ranked, next to the per-unit
 * floors; the agencies expected to report it (as counted for coverage) without a value listed as
 * not reported. Approved values only unless `submittedFor` may see values awaiting review: then an
 * agency's submission is ranked beside its approved value (a correction) or alone, marked. `period`
 * null: the newest quarter with a value shown (else the last quarter). null for an unknown indicator.
 */
export async function agencyComparison(
  code: string,
  period: Quarter | null,
  options: ComparisonOptions = {},
): Promise<Comparison | null> {
  const ind = await db.indicator.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      nameVi: true,
      nameEn: true,
      unit: true,
      kind: true,
      direction: true,
      targets: {
        select: {
          key: true,
          year: true,
          comparator: true,
          value: true,
          scopeKind: true,
          scopeLevel: true,
          document: { select: { key: true, numberCanonical: true } },
        },
        orderBy: [{ year: "asc" }, { documentId: "asc" }],
      },
    },
  });
  if (!ind) return null;
  const now = clockNow();
  const submitted = maySeeSubmitted(options.submittedFor);
  const approvedWhere = { approvedValue: { not: null }, approvedAt: { lte: now } };
  const submittedWhere = { state: "SUBMITTED" as const, value: { not: null }, submittedAt: { lte: now } };
  const shown = submitted ? { OR: [approvedWhere, submittedWhere] } : approvedWhere;
  const periods = await db.observation.findMany({
    where: { indicatorId: ind.id, isNational: false, ...shown },
    distinct: ["year", "quarter"],
    select: { year: true, quarter: true },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
  });
  const q = period ?? periods[0] ?? previousQuarter(quarterOf(now));
  // The agencies that existed at the quarter's end (a merged province reported under its own name).
  const end = asOfDate(q);
  const [assigned, values] = await Promise.all([
    expectedUnits([ind.id], end < now ? end : now),
    db.observation.findMany({
      where: { indicatorId: ind.id, isNational: false, year: q.year, quarter: q.quarter, ...shown },
      select: {
        value: true,
        state: true,
        submittedAt: true,
        approvedValue: true,
        approvedAt: true,
        illustrative: true,
        agency: { select: { id: true, code: true, nameVi: true, nameEn: true, kind: true } },
      },
    }),
  ]);
  const units = new Map<number, UnitValue[]>();
  for (const a of assigned)
    units.set(a.agency.id, [{ agency: a.agency, value: null, illustrative: false, state: "APPROVED" }]);
  // An agency that reported and is no longer assigned still counts among those who reported.
  for (const v of values) {
    const entries: UnitValue[] = [];
    const base = { agency: v.agency, illustrative: v.illustrative };
    if (v.approvedValue !== null && v.approvedAt && v.approvedAt <= now)
      entries.push({ ...base, value: v.approvedValue, state: "APPROVED" });
    // Checked again here, not only in the where: the approved half of the OR must never let a
    // submission through to someone who may not see it.
    if (submitted && v.state === "SUBMITTED" && v.value !== null && v.submittedAt && v.submittedAt <= now)
      entries.push({ ...base, value: v.value, state: "SUBMITTED" });
    if (entries.length) units.set(v.agency.id, entries);
  }
  const floors = ind.targets.filter(isPerUnit).map((t) => ({
    targetKey: t.key,
    year: t.year,
    comparator: t.comparator as Comparator,
    value: t.value,
    kinds: t.scopeKind === "EACH" ? null : CENTRAL_PROVINCE_KINDS,
    document: t.document.numberCanonical ?? t.document.key,
    scopeKind: t.scopeKind,
  }));
  const better = ind.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const { id, nameVi, nameEn, unit, kind, direction } = ind;
  return {
    indicator: { id, code: ind.code, nameVi, nameEn, unit, kind, direction },
    period: q,
    periods,
    floors,
    expected: assigned.length,
    submitted,
    ...rankUnits([...units.values()].flat(), floors, better),
  };
}
