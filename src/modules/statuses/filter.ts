// Which targets a view lists. Pure: the dashboard, its CSV download and GET /api/v1/statuses all
// call filterTargets with the same filters, so a download holds exactly the rows on the screen.
import { statusRank, type Comparator, type MilestoneStatus, type StatusResult } from "@/lib/status";
import type { Pillar } from "@/lib/enums";

export type TargetStatus = {
  targetId: number;
  targetKey: string;
  indicatorId: number;
  indicatorCode: string;
  /** What the explanation sentence needs to write the values. */
  indicator: { unit: string; kind: string };
  documentKey: string;
  documentNumber: string | null;
  documentInForce: boolean;
  pillar: Pillar;
  year: number;
  comparator: Comparator;
  value: number;
  scopeKind: string;
  scopeLevel: string | null;
  computed: StatusResult;
  /** The source of the national series the status used; null: the agencies' approved reports. */
  source: { code: string; kind: string; nameVi: string; nameEn: string } | null;
  /** Per-unit targets: how many of the expected units had reported (0 otherwise). */
  units: number;
  override: { status: MilestoneStatus; reason: string; by: string; at: Date } | null;
  effective: MilestoneStatus;
};

export type TargetFilters = {
  decision?: string;
  pillar?: string;
  /** Indicator code. */
  indicator?: string;
  milestone?: number;
  status?: MilestoneStatus;
  /**
   * An agency's view: only the targets of these indicators (the ones the agency reports). Absent:
   * every target.
   */
  indicatorIds?: ReadonlySet<number>;
};

/** The targets matching every filter given, in the order given. */
export function filterTargets<T extends TargetStatus>(all: readonly T[], f: TargetFilters): T[] {
  return all.filter(
    (t) =>
      (!f.decision || t.documentKey === f.decision) &&
      (!f.pillar || t.pillar === f.pillar) &&
      (!f.indicator || t.indicatorCode === f.indicator) &&
      (!f.milestone || t.year === f.milestone) &&
      (!f.status || t.effective === f.status) &&
      (!f.indicatorIds || f.indicatorIds.has(t.indicatorId)),
  );
}

/** Worst status first; ties keep their order. */
export function sortByStatus<T extends { effective: MilestoneStatus }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => statusRank(a.effective) - statusRank(b.effective));
}

/** Counts of targets by status for a milestone (2025 or 2030), grouped by a key. */
export function countBy<T extends { year: number; effective: MilestoneStatus }>(
  statuses: readonly T[],
  milestone: number,
  key: (t: T) => string,
) {
  const out = new Map<string, Record<string, number>>();
  for (const t of statuses) {
    if (t.year !== milestone) continue;
    const k = key(t);
    const row = out.get(k) ?? out.set(k, {}).get(k)!;
    row[t.effective] = (row[t.effective] ?? 0) + 1;
    row.TOTAL = (row.TOTAL ?? 0) + 1;
  }
  return out;
}

/** A per-unit floor: "mỗi …" (EACH) or "cấp bộ, tỉnh" (GOV_LEVEL CENTRAL_PROVINCE), judged unit by unit. */
export function isPerUnit(t: { scopeKind: string; scopeLevel: string | null }): boolean {
  return t.scopeKind === "EACH" || (t.scopeKind === "GOV_LEVEL" && t.scopeLevel === "CENTRAL_PROVINCE");
}
