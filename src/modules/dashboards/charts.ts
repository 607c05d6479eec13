// What the dashboards' charts draw, computed from the rows the overview already holds. Pure: the
// positions, domains and ticks come from the indicator chart's geometry (chart-geometry.ts), which
// the public server-drawn chart uses too, so the two kinds of chart cannot disagree.
import type { Lang } from "@/i18n/config";
import { fill } from "@/i18n/messages";
import { formatNumber, formatThreshold, formatValue } from "@/lib/format";
import { statusRank, type MilestoneStatus, type TaskStatus } from "@/lib/status";
import {
  chartGeometry,
  type ChartGeometry,
  type ChartPoint,
  type SourceLine,
} from "@/modules/indicators/chart-geometry";
import { nationalTargets, targetPaths } from "@/modules/indicators/view-model";
import type { TargetStatus } from "@/modules/statuses/filter";

/** The plot height of a small multiple, in pixels (keeps its threshold labels a row apart). */
export const MULTIPLE_PLOT_HEIGHT = 130;

export type IndicatorRef = { id: number; code: string; nameVi: string; nameEn: string; unit: string; kind: string };

/** One threshold of one decision, with the status of its milestone. */
export type MultipleThreshold = { document: string; year: number; text: string; status: MilestoneStatus };

/** One row per time on the chart: every series' value there (recharts reads rows). */
export type MultipleRow = { t: number; label: string } & Record<string, number | string | undefined>;

export type MultipleSeries = { key: string; name: string; kind: "actual" | "source" | "path" };

export type SmallMultiple = {
  code: string;
  name: string;
  unit: string;
  kind: string;
  /** The worst status among its thresholds: the one the card leads with. */
  status: MilestoneStatus;
  thresholds: MultipleThreshold[];
  series: MultipleSeries[];
  rows: MultipleRow[];
  geometry: ChartGeometry;
  /** Tick labels in the page's language. */
  yLabels: string[];
  summary: string;
};

export type MultipleInput = {
  lang: Lang;
  indicator: IndicatorRef;
  targets: readonly TargetStatus[];
  actual: ChartPoint[];
  sources: SourceLine[];
  labels: { actual: string; path: string; summary: string; noData: string };
};

function rowsOf(lines: { key: string; points: { t: number; value: number; label?: string }[] }[]): MultipleRow[] {
  const rows = new Map<number, MultipleRow>();
  for (const l of lines)
    for (const p of l.points) {
      const row = rows.get(p.t) ?? { t: p.t, label: p.label ?? "" };
      row[l.key] = p.value;
      if (!row.label && p.label) row.label = p.label;
      rows.set(p.t, row);
    }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** One indicator's small multiple: its series, every decision's thresholds, the required path. */
export function smallMultiple(p: MultipleInput): SmallMultiple {
  const { lang, indicator: ind } = p;
  const threshold = (t: { comparator: TargetStatus["comparator"]; value: number }) =>
    formatThreshold(t, ind.unit, ind.kind, lang);
  const national = nationalTargets(p.targets);
  // Two decisions with the same threshold share one line; the caption names both.
  const distinct = [...new Map(national.map((t) => [`${t.year}/${t.value}/${t.comparator}`, t])).values()];
  const base = p.actual[0] ?? p.sources.find((s) => s.points.length)?.points[0];
  const paths = targetPaths(base, distinct).map((x, i) => ({
    key: `path${i}`,
    name: fill(p.labels.path, { target: `${x.target.year} ${threshold(x.target)}` }),
    points: x.points,
  }));
  const sources = p.sources.map((s, i) => ({ key: `source${i}`, name: s.name, points: s.points }));
  const geometry = chartGeometry({
    inverted: ind.kind === "RANK",
    bounded: ind.kind === "PERCENT",
    series: p.actual,
    sources: p.sources,
    targets: distinct.map((t) => ({ t: t.year + 1, value: t.value, label: `${t.year} ${threshold(t)}`, final: false })),
    paths: paths.map((x) => ({ name: x.name, points: x.points })),
    projection: null,
    plotHeight: MULTIPLE_PLOT_HEIGHT,
  });
  const series: MultipleSeries[] = [
    ...(p.actual.length ? [{ key: "actual", name: p.labels.actual, kind: "actual" as const }] : []),
    ...sources.map((s) => ({ key: s.key, name: s.name, kind: "source" as const })),
    ...paths.map((x) => ({ key: x.key, name: x.name, kind: "path" as const })),
  ];
  const thresholds = [...national]
    .sort((a, b) => a.year - b.year || a.documentKey.localeCompare(b.documentKey))
    .map((t) => ({
      document: t.documentNumber ?? t.documentKey,
      year: t.year,
      text: threshold(t),
      status: t.effective,
    }));
  const status =
    [...p.targets].sort((a, b) => statusRank(a.effective) - statusRank(b.effective))[0]?.effective ?? "NO_DATA";
  const all = [...p.actual, ...p.sources.flatMap((s) => s.points)].sort((a, b) => a.t - b.t);
  const last = p.actual.at(-1) ?? all.at(-1);
  return {
    code: ind.code,
    name: lang === "vi" ? ind.nameVi : ind.nameEn,
    unit: ind.unit,
    kind: ind.kind,
    status,
    thresholds,
    series,
    rows: rowsOf([{ key: "actual", points: p.actual }, ...sources, ...paths]),
    geometry,
    yLabels: geometry.yTicks.map((t) => formatNumber(t.value, lang) + (ind.unit === "%" ? "%" : "")),
    summary: last
      ? fill(p.labels.summary, {
          from: all[0].label,
          to: last.label,
          latest: formatValue(last.value, ind.unit, ind.kind, lang),
          thresholds: thresholds.map((t) => `${t.document} ${t.year} ${t.text}`).join("; ") || "—",
        })
      : p.labels.noData,
  };
}

export type StackRow = { key: string; label: string; total: number } & Partial<Record<MilestoneStatus, number>>;

/** Status counts per group of one milestone, as stacked bars read them: one row per group. */
export function statusStacks(
  rows: readonly TargetStatus[],
  milestone: number,
  groups: readonly { key: string; label: string }[],
  groupOf: (t: TargetStatus) => string,
): StackRow[] {
  const out = new Map<string, StackRow>();
  for (const t of rows) {
    if (t.year !== milestone) continue;
    const key = groupOf(t);
    const g = groups.find((x) => x.key === key);
    if (!g) continue;
    const row = out.get(key) ?? { key, label: g.label, total: 0 };
    row[t.effective] = (row[t.effective] ?? 0) + 1;
    row.total++;
    out.set(key, row);
  }
  return groups.filter((g) => out.has(g.key)).map((g) => out.get(g.key)!);
}

export type AgencyTasksRow = { code: string; total: number } & Partial<Record<TaskStatus, number>>;

/** Task counts by status per lead agency, the agencies with most tasks first (at most `top`). */
export function tasksByAgency(
  rows: readonly { agencyId: number; agencyCode: string; documentKey: string; status: TaskStatus }[],
  scope: { agencyId?: number | null; decision?: string },
  top = 15,
): AgencyTasksRow[] {
  const out = new Map<string, AgencyTasksRow>();
  for (const t of rows) {
    if ((scope.agencyId && t.agencyId !== scope.agencyId) || (scope.decision && t.documentKey !== scope.decision))
      continue;
    const row = out.get(t.agencyCode) ?? { code: t.agencyCode, total: 0 };
    row[t.status] = (row[t.status] ?? 0) + 1;
    row.total++;
    out.set(t.agencyCode, row);
  }
  return [...out.values()].sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)).slice(0, top);
}
