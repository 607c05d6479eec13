import { decisionRef } from "@/modules/decisions/serialize";
import { targetSentence } from "@/modules/statuses/sentence";
import type { IndicatorWithTargets } from "./queries";
import type { TargetStatus } from "@/modules/statuses/filter";
import type { UsedPoint } from "@/lib/status";

export function targetScope(t: {
  scopeKind: string;
  scopeLevel: string | null;
  scopeOf: string | null;
  scopeLabel: string | null;
}) {
  return { kind: t.scopeKind, level: t.scopeLevel, of: t.scopeOf, label: t.scopeLabel };
}

type Latest =
  | { year: number; quarter: number; approvedValue: number | null; approvedAt: Date | null; illustrative: boolean }
  | undefined;

export function indicatorToApi(i: IndicatorWithTargets, latest?: Latest) {
  return {
    code: i.code,
    name: { vi: i.nameVi, en: i.nameEn },
    pillar: i.pillar,
    kind: i.kind,
    unit: i.unit,
    direction: i.direction,
    bounds: { min: i.minValue, max: i.maxValue },
    description: { vi: i.descriptionVi, en: i.descriptionEn },
    latest: latest
      ? {
          period: `${latest.year}-Q${latest.quarter}`,
          value: latest.approvedValue,
          approvedAt: latest.approvedAt?.toISOString() ?? null,
          illustrative: latest.illustrative,
        }
      : null,
    targets: i.targets.map((t) => ({
      key: t.key,
      decision: decisionRef(t.document),
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      unit: i.unit,
      scope: targetScope(t),
      clause: t.clause,
      line: t.line,
      quote: t.quote,
      approximate: t.approximate,
      note: { vi: t.noteVi, en: t.noteEn },
    })),
  };
}

// ---- Statuses and bulk rows (API v1: /indicators/{code}, /statuses, /bulk/indicators.*) ----

/** JSON has no infinities: a ratio of ±∞ (the needed rate is 0) or NaN is written as null. */
const finite = (n: number | null) => (n != null && Number.isFinite(n) ? n : null);
const point = (p: UsedPoint | null) =>
  p ? { period: p.period, year: p.year, quarter: p.quarter, value: p.value, provisional: p.provisional } : null;

/** A target's effective status (the override if any), the computed one, and how it was computed. */
export function targetStatusToApi(t: TargetStatus) {
  const e = t.computed.explanation;
  return {
    status: t.effective,
    computed: t.computed.status,
    // The reviewer who set the override is not published, only what and when.
    override: t.override
      ? { status: t.override.status, reason: t.override.reason, at: t.override.at.toISOString() }
      : null,
    explanation: {
      // what a reader is told, in both languages; the fields below are how it was decided
      sentence: { vi: targetSentence(t, "vi"), en: targetSentence(t, "en") },
      phase: e.phase,
      final: e.phase === "FINAL",
      finalFrom: e.finalFrom.toISOString().slice(0, 10),
      method: e.method,
      measure: e.measure,
      periodicity: e.periodicity,
      source: t.source
        ? { code: t.source.code, kind: t.source.kind, name: { vi: t.source.nameVi, en: t.source.nameEn } }
        : null,
      approximate: e.target.approximate,
      baseYear: e.baseYear,
      base: point(e.base),
      baseShifted: e.baseShifted,
      latest: point(e.latest),
      latestOutsideTargetYear: e.latestOutsideTargetYear,
      rateNeeded: finite(e.rateNeeded),
      rateAchieved: finite(e.rateAchieved),
      ratio: finite(e.ratio),
      tolerance: e.tolerance,
      stalled: e.stalled,
      points: e.points,
      reason: e.reason,
      units: t.units,
      coverage: e.coverage,
    },
  };
}

/** One row of /api/v1/statuses: the target, then its status. */
export function statusRowToApi(t: TargetStatus) {
  return {
    target: t.targetKey,
    indicator: t.indicatorCode,
    decision: { key: t.documentKey, number: t.documentNumber, inForce: t.documentInForce },
    pillar: t.pillar,
    year: t.year,
    comparator: t.comparator,
    value: t.value,
    scope: { kind: t.scopeKind, level: t.scopeLevel },
    ...targetStatusToApi(t),
  };
}

/** Every target of `indicators` as one flat row (bulk downloads), with its effective status. */
export function bulkTargetRows(indicators: IndicatorWithTargets[], statuses: Map<number, TargetStatus>) {
  return indicators.flatMap((i) =>
    i.targets.map((t) => {
      const s = statuses.get(t.id);
      return {
        target: t.key,
        indicator: i.code,
        indicatorNameVi: i.nameVi,
        indicatorNameEn: i.nameEn,
        unit: i.unit,
        pillar: i.pillar,
        decision: t.document.key,
        decisionNumber: t.document.numberCanonical ?? t.document.numberPrinted,
        decisionInForce: t.document.inForce,
        year: t.year,
        comparator: t.comparator,
        value: t.value,
        approximate: t.approximate,
        scopeKind: t.scopeKind,
        scopeLevel: t.scopeLevel,
        scopeOf: t.scopeOf,
        scopeLabel: t.scopeLabel,
        clause: t.clause,
        line: t.line,
        quote: t.quote,
        status: s?.effective ?? null,
        computedStatus: s?.computed.status ?? null,
      };
    }),
  );
}

export type BulkTargetRow = ReturnType<typeof bulkTargetRows>[number];

/** CSV column → field of BulkTargetRow, in order. */
export const BULK_TARGET_CSV: readonly (readonly [string, keyof BulkTargetRow])[] = [
  ["target", "target"],
  ["indicator", "indicator"],
  ["indicator_name_vi", "indicatorNameVi"],
  ["indicator_name_en", "indicatorNameEn"],
  ["unit", "unit"],
  ["pillar", "pillar"],
  ["decision", "decision"],
  ["decision_number", "decisionNumber"],
  ["decision_in_force", "decisionInForce"],
  ["year", "year"],
  ["comparator", "comparator"],
  ["value", "value"],
  ["approximate", "approximate"],
  ["scope", "scopeKind"],
  ["scope_level", "scopeLevel"],
  ["scope_of", "scopeOf"],
  ["scope_label", "scopeLabel"],
  ["clause", "clause"],
  ["line", "line"],
  ["quote", "quote"],
  ["status", "status"],
  ["computed_status", "computedStatus"],
];
