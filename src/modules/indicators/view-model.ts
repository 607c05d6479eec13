// What the indicator page draws, computed from its data. Pure: no database, no React.
import { compareQuarters, type Quarter } from "@/lib/periods";
import type { ApprovedValue } from "@/modules/statuses/queries";

export type SeriesRow = {
  year: number;
  quarter: number;
  approvedValue: number | null;
  source: string | null;
  illustrative: boolean;
  approvedAt: Date | null;
};
export type PlotPoint = { t: number; value: number };

/** The year the projection line runs to: the end of the 2030 milestone. */
const PROJECTION_END = 2031;

/**
 * The series as published at the end of `asOf`: the approved revisions written by then, up to that
 * quarter, with today's source note for the same quarter (sources are not versioned).
 */
export function asPublishedSeries(
  revisions: readonly Omit<ApprovedValue, "id" | "indicatorId" | "agencyId" | "isNational" | "approvedAt">[],
  current: readonly SeriesRow[],
  asOf: Quarter,
): SeriesRow[] {
  return revisions
    .filter((o) => compareQuarters(o, asOf) <= 0)
    .sort((a, b) => compareQuarters(a, b))
    .map((o) => ({
      year: o.year,
      quarter: o.quarter,
      approvedValue: o.value,
      source: current.find((c) => c.year === o.year && c.quarter === o.quarter)?.source ?? null,
      illustrative: o.illustrative,
      approvedAt: null,
    }));
}

/** Targets that apply to the national figure (the chart's thresholds and paths). */
export function nationalTargets<T extends { scopeKind: string }>(targets: readonly T[]): T[] {
  return targets.filter((t) => t.scopeKind === "NATIONAL" || t.scopeKind === "SUBGROUP" || t.scopeKind === "EACH");
}

/**
 * One straight path per distinct (year, value) threshold, from the first value to the threshold at
 * the end of its year: the route the series would need to take.
 */
export function targetPaths<T extends { year: number; value: number }>(
  base: PlotPoint | undefined,
  targets: readonly T[],
): { target: T; points: PlotPoint[] }[] {
  if (!base) return [];
  return [...new Map(targets.map((t) => [`${t.year}/${t.value}`, t])).values()].map((t) => ({
    target: t,
    points: [
      { t: base.t, value: base.value },
      { t: t.year + 1, value: t.value },
    ],
  }));
}

/**
 * Where the series goes if it keeps its pace from the first to the latest value: compound growth
 * when both are positive, else a straight line; bounded to what the kind allows (a percentage
 * stays in 0–100, a rank at 1 or more), rounded to two decimals. Null with fewer than two
 * distinct times.
 */
export function projection(
  base: PlotPoint | undefined,
  last: PlotPoint | undefined,
  kind: string,
  end = PROJECTION_END,
): PlotPoint[] | null {
  if (!base || !last || !(last.t > base.t)) return null;
  const years = last.t - base.t;
  const value =
    base.value > 0 && last.value > 0
      ? last.value * Math.pow(last.value / base.value, (end - last.t) / years)
      : last.value + ((last.value - base.value) / years) * (end - last.t);
  const bounded = kind === "PERCENT" ? Math.min(100, Math.max(0, value)) : kind === "RANK" ? Math.max(1, value) : value;
  return [
    { t: last.t, value: last.value },
    { t: end, value: Math.round(bounded * 100) / 100 },
  ];
}
