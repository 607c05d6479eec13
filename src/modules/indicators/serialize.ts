import { decisionRef } from "@/modules/decisions/serialize";
import type { IndicatorWithTargets } from "./queries";

export function targetScope(t: { scopeKind: string; scopeLevel: string | null; scopeOf: string | null; scopeLabel: string | null }) {
  return { kind: t.scopeKind, level: t.scopeLevel, of: t.scopeOf, label: t.scopeLabel };
}

type Latest = { year: number; quarter: number; approvedValue: number | null; approvedAt: Date | null; illustrative: boolean } | undefined;

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
      ? { period: `${latest.year}-Q${latest.quarter}`, value: latest.approvedValue, approvedAt: latest.approvedAt?.toISOString() ?? null, illustrative: latest.illustrative }
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
