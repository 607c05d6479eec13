// The methodology page's worked examples: made-up series with a fixed assessment date, run through
// the real engine (src/lib/status.ts), and the arithmetic written out from the engine's own
// explanation, so the page cannot drift from what the portal computes. Pure.
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatNumber, formatThreshold, formatValue } from "@/lib/format";
import {
  milestoneStatus,
  perUnitStatus,
  type Point,
  type SeriesSpec,
  type StatusResult,
  type TargetSpec,
  type Unit,
  type UsedPoint,
} from "@/lib/status";

type ExampleId = keyof Messages["methodology"]["page"]["examples"];

export type Example = {
  id: ExampleId;
  indicator: { unit: string; kind: string };
  target: TargetSpec;
  series: Point[];
  spec: SeriesSpec;
  /** The assessment date: fixed, so the page never depends on today. */
  now: Date;
  /** A per-unit target: the units expected to report, and the share that must. */
  units?: { list: Unit[]; minCoverage: number | null };
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const yearly = (pairs: [number, number][]): Point[] => pairs.map(([year, value]) => ({ year, quarter: 4, value }));
const higher = { direction: "HIGHER_IS_BETTER" as const };
const percent = { unit: "%", kind: "PERCENT" };
const share = { ...higher, kind: "PERCENT", min: 0, max: 100 };
const nsoLike: SeriesSpec = { periodicity: "YEAR", cutoffDays: 365 };
const agency: SeriesSpec = { periodicity: "QUARTER", cutoffDays: 120 };
/** "≥ 80 % in 2025, base 2021", the target of several examples: only the values differ. */
const pct80 = {
  indicator: percent,
  target: { ...share, year: 2025, comparator: "GTE" as const, value: 80, baseYear: 2021 },
};
/** A 2025 share missed on an annual series, seen before and after its data cut-off. */
const missed2025 = {
  indicator: percent,
  target: { ...share, year: 2025, comparator: "GTE" as const, value: 20, baseYear: 2021 },
  series: yearly([
    [2021, 12.87],
    [2024, 13.17],
    [2025, 14.02],
  ]),
  spec: nsoLike,
};

// 34 provinces expected, 2 reported: the floor cannot be judged yet.
const provinces: Unit[] = Array.from({ length: 34 }, (_, i) => ({
  unitId: i + 1,
  name: i === 0 ? "Tỉnh A" : i === 1 ? "Tỉnh B" : `Tỉnh ${i + 1}`,
  series:
    i < 2
      ? [
          { year: 2021, quarter: 4, value: 80 - 10 * i },
          { year: 2025, quarter: 1, value: 95 - 10 * i },
        ]
      : [],
}));

export const EXAMPLES: readonly Example[] = [
  {
    id: "level",
    // the unit is the page's word for businesses (exampleIndicator)
    indicator: { unit: "", kind: "COUNT" },
    target: { ...higher, kind: "COUNT", year: 2025, comparator: "GTE", value: 100_000, baseYear: 2020 },
    series: yearly([
      [2020, 40_000],
      [2023, 58_000],
    ]),
    spec: { periodicity: "YEAR", cutoffDays: 120 },
    now: day("2024-06-30"),
  },
  {
    id: "bounded",
    indicator: percent,
    target: { ...share, year: 2025, comparator: "GTE", value: 80, baseYear: 2021 },
    series: [
      { year: 2021, quarter: 4, value: 30 },
      { year: 2024, quarter: 2, value: 62 },
    ],
    spec: agency,
    now: day("2024-08-15"),
  },
  {
    id: "rank",
    indicator: { unit: "hạng", kind: "RANK" },
    target: { kind: "RANK", direction: "LOWER_IS_BETTER", year: 2030, comparator: "LTE", value: 50, baseYear: 2020 },
    series: yearly([
      [2020, 86],
      [2024, 71],
    ]),
    spec: { periodicity: "TWO_YEARS", cutoffDays: 365 },
    now: day("2025-03-01"),
  },
  {
    id: "rate",
    indicator: { unit: "%/năm", kind: "RATE_PER_YEAR" },
    target: { ...higher, kind: "RATE_PER_YEAR", year: 2025, comparator: "GTE", value: 7, baseYear: 2021 },
    series: yearly([[2023, 5.1]]),
    spec: nsoLike,
    now: day("2024-05-01"),
  },
  {
    id: "exact",
    ...pct80,
    series: [
      { year: 2021, quarter: 4, value: 42 },
      { year: 2024, quarter: 4, value: 69.075 },
    ],
    spec: agency,
    now: day("2025-02-01"),
  },
  {
    id: "stalled",
    ...pct80,
    series: [
      { year: 2021, quarter: 4, value: 60 },
      { year: 2024, quarter: 2, value: 59.8 },
    ],
    spec: agency,
    now: day("2024-08-15"),
  },
  { id: "provisional", ...missed2025, now: day("2026-03-01") },
  { id: "final", ...missed2025, now: day("2027-02-01") },
  {
    id: "coverage",
    indicator: percent,
    target: { ...share, year: 2025, comparator: "GTE", value: 90, baseYear: 2021 },
    series: [],
    spec: agency,
    now: day("2025-06-01"),
    units: { list: provinces, minCoverage: null },
  },
];

/** The example's indicator as the page shows it: a unit-less count takes the page's word for its unit. */
export function exampleIndicator(x: Example, m: Messages["methodology"]["page"]): Example["indicator"] {
  return x.indicator.unit === "" ? { ...x.indicator, unit: m.exampleUnit } : x.indicator;
}

export function runExample(x: Example): StatusResult {
  return x.units
    ? perUnitStatus(x.target, x.units.list, x.now, x.units.minCoverage, x.spec)
    : milestoneStatus(x.target, x.series, x.now, x.spec);
}

/** When a value counts: the end of its period as a fractional year (Q3 2024 → 2024.75, 2024 → 2025). */
export function endTime(p: Pick<UsedPoint, "period" | "year" | "quarter">): number {
  if (/^\d{4}-Q[1-4]$/.test(p.period)) return p.year + p.quarter / 4;
  return Number(p.period.slice(-4)) + 1;
}

/** The example's arithmetic, line by line, from the engine's explanation. */
export function arithmetic(x: Example, r: StatusResult, lang: Lang, m: Messages["methodology"]["page"]): string[] {
  const e = r.explanation;
  const n = (v: number, d = 4) => formatNumber(v, lang, d);
  const a = m.arithmetic;
  const lines: string[] = [];
  if (e.coverage)
    lines.push(
      fill(a.coverage, { reported: e.coverage.reported, expected: e.coverage.expected, required: e.coverage.required }),
    );
  const ind = exampleIndicator(x, m);
  const target = formatThreshold(x.target, ind.unit, ind.kind, lang);
  if (e.method === "threshold" && e.latest)
    lines.push(fill(a.threshold, { latest: formatValue(e.latest.value, ind.unit, ind.kind, lang), target }));
  const paced = e.method !== "threshold" && e.method !== "rate";
  if (paced && e.base && e.latest && e.rateNeeded != null && e.rateAchieved != null) {
    const [v0, v1, vT] = [n(e.base.value), n(e.latest.value), n(x.target.value)];
    // times are years: no thousands separator
    const t = (v: number) => (lang === "vi" ? String(v).replace(".", ",") : String(v));
    const [t0, t1, tT] = [t(endTime(e.base)), t(endTime(e.latest)), t(x.target.year + 1)];
    const formula = (from: string, to: string, tTo: string) =>
      e.method === "cagr"
        ? `(${to} / ${from})^(1 / (${tTo} − ${t0})) − 1`
        : e.method === "positions"
          ? `(${from} − ${to}) / (${tTo} − ${t0})`
          : `(${to} − ${from}) / (${tTo} − ${t0})`;
    const rate = (v: number) => (e.method === "cagr" ? `${n(v * 100, 2)}%` : n(v, 4));
    lines.push(fill(a.needed, { formula: formula(v0, vT, tT), value: rate(e.rateNeeded) }));
    lines.push(fill(a.achieved, { formula: formula(v0, e.stalled ? v0 : v1, t1), value: rate(e.rateAchieved) }));
  }
  if (e.method === "rate" && e.rateNeeded != null && e.rateAchieved != null)
    lines.push(fill(a.ratio, { achieved: n(e.rateAchieved), needed: n(e.rateNeeded), ratio: n(e.ratio ?? 0, 2) }));
  else if (paced && e.ratio != null && e.rateNeeded != null && e.rateAchieved != null) {
    const rate = (v: number) => (e.method === "cagr" ? n(v * 100, 2) : n(v, 4));
    // places gained are already signed "good is positive"; other paces take the target's direction
    const signed = e.method === "positions" ? 1 : e.direction;
    lines.push(
      fill(a.ratio, {
        achieved: rate(signed * e.rateAchieved),
        needed: rate(Math.abs(e.rateNeeded)),
        ratio: Number.isFinite(e.ratio) ? n(e.ratio, 2) : e.ratio > 0 ? "+∞" : "−∞",
      }),
    );
  }
  if (e.phase !== "IN_PROGRESS") lines.push(fill(a.finalFrom, { date: formatDate(e.finalFrom, lang) }));
  return lines;
}
