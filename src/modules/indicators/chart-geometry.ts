// Where everything goes on an indicator's chart, as percentages of the plot area, so the server can
// draw it as SVG that fits any width without script (IndicatorChart), and the domains and ticks the
// interactive dashboard charts hand to recharts (DashboardIndicatorChart): both read this module, so
// the two drawings cannot disagree. Pure; unit-tested.
//
// Time is in fractional years and a value sits at the END of the period it describes, as in the
// status engine (src/lib/status.ts): quarter 1 of 2021 at 2021.25, the year 2024 at 2025.0, a 2025
// threshold at 2026.0. Years are labelled in the middle of the span they cover, so Q1/2021 sits
// inside "2021" and the 2024 value on the right edge of "2024".

export type ChartPoint = { t: number; value: number; label: string };
export type ChartTarget = { t: number; value: number; label: string; final: boolean };
export type ChartLine = { name: string; points: { t: number; value: number }[] };
/** A published source's series: its own line and markers, apart from the agencies' reports. */
export type SourceLine = { code: string; name: string; points: ChartPoint[] };

export type ChartInput = {
  inverted: boolean;
  bounded: boolean;
  series: ChartPoint[];
  targets: ChartTarget[];
  paths: ChartLine[];
  projection: ChartLine | null;
  sources?: SourceLine[];
  /** Height of the plot area in pixels (fixed by the drawing), to keep threshold labels apart. */
  plotHeight?: number;
};

/** A position in the plot area: x from the left, y from the top, in percent. */
export type Pos = { x: number; y: number };

/** A threshold's label: on its own row at the right edge, joined to its marker by a line. */
export type ThresholdLabel = {
  text: string;
  final: boolean;
  y: number;
  lineY: number;
  fromX: number;
  /** The same line in data units, for a charting library. */
  fromT: number;
  value: number;
};

export type ChartGeometry = {
  /** In data units, for a charting library: time in fractional years, values in the indicator's unit. */
  xDomain: [number, number];
  yDomain: [number, number];
  /** Year labels, centred on the year they name (t = year + 0.5). */
  xTicks: (Pos & { t: number; label: string })[];
  /** Year boundaries (grid lines). */
  xGrid: { t: number; x: number }[];
  yTicks: (Pos & { value: number })[];
  series: (Pos & { label: string; value: number })[];
  paths: { name: string; from: Pos; to: Pos }[];
  projection: { from: Pos; to: Pos } | null;
  sources: { code: string; name: string; points: (Pos & { label: string; value: number })[] }[];
  /** Targets at the same spot share one dot (t and value: in data units). */
  targets: (Pos & { t: number; value: number; final: boolean; labels: string[] })[];
  thresholdLabels: ThresholdLabel[];
};

/** The last year drawn: the end of the 2030 milestones. */
export const X_END = 2031;
/** One line of threshold label text, in pixels (10px type). */
export const LABEL_ROW_PX = 12;
export const DEFAULT_PLOT_HEIGHT = 240;

const round = (n: number) => Math.round(n * 1000) / 1000;
/** Cleans binary floating-point noise (0.1 + 0.2) from a tick value. */
const clean = (n: number) => Number(n.toPrecision(12));

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= rough * (1 - 1e-9)) ?? 10;
  return clean(step * magnitude);
}

/**
 * The value axis: fitted to the values and thresholds with a margin, on round ticks. A percentage
 * runs 0–100 only when its values cover half of that scale or more; otherwise it is fitted too
 * (clamped to 0–100), so a series moving between 12 and 19 is not flattened at the bottom. Ranks
 * start at 1. Positive values never bring the axis below 0.
 */
export function valueAxis(values: number[], o: { bounded: boolean; inverted: boolean }) {
  if (!values.length)
    return o.bounded
      ? { domain: [0, 100] as [number, number], ticks: [0, 25, 50, 75, 100] }
      : { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1] };
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (o.bounded && min >= 0 && max <= 100 && max - min >= 50)
    return { domain: [0, 100] as [number, number], ticks: [0, 25, 50, 75, 100] };
  const span = max - min || Math.abs(max) * 0.2 || 1;
  const step = niceStep((span * 1.2) / 5);
  let lo = clean(Math.floor((min - span * 0.1) / step) * step);
  let hi = clean(Math.ceil((max + span * 0.1) / step) * step);
  if (min >= 0 && lo < 0) lo = 0;
  if (o.bounded) [lo, hi] = [Math.max(lo, 0), Math.min(hi, 100)];
  const ticks: number[] = [];
  for (let v = lo, i = 0; v <= hi + 1e-9 && i < 100; i++, v = clean(lo + i * step)) ticks.push(v);
  if (o.inverted && lo < 1) {
    lo = 1;
    ticks.splice(0, ticks[0] < 1 ? 1 : 0, 1);
  }
  return { domain: [lo, hi] as [number, number], ticks: [...new Set(ticks)] };
}

/**
 * Threshold labels on rows at least `gap` apart (percent of the plot height), each as near the
 * height of its threshold as the others allow, inside the plot: they cannot overlap at any width.
 */
export function stackLabels(wanted: number[], gap: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const ys = order.map((o) => o.y);
  for (let k = 0; k < ys.length; k++) ys[k] = Math.max(ys[k], k === 0 ? gap : ys[k - 1] + gap);
  for (let k = ys.length - 1; k >= 0; k--) ys[k] = Math.min(ys[k], k === ys.length - 1 ? 100 : ys[k + 1] - gap);
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = round(ys[k])));
  return out;
}

function timeAxis(ts: number[]): [number, number] {
  // A value at 2021.25 describes a period that started in 2021: the axis starts with that year.
  const xMin = ts.length ? Math.min(2020, Math.floor(Math.min(...ts) - 1e-9)) : 2020;
  const xMax = Math.max(X_END, ...ts.map((t) => Math.ceil(t)));
  return [xMin, xMax];
}

export function chartGeometry(p: ChartInput): ChartGeometry {
  const sources = p.sources ?? [];
  const sourcePoints = sources.flatMap((l) => l.points);
  const values = [
    ...p.series.map((s) => s.value),
    ...sourcePoints.map((s) => s.value),
    ...p.targets.map((t) => t.value),
    ...(p.projection?.points.map((x) => x.value) ?? []),
  ];
  const axis = valueAxis(values, p);
  const [yMin, yMax] = axis.domain;
  const [xMin, xMax] = timeAxis([...p.series, ...sourcePoints, ...p.targets].map((s) => s.t));
  const x = (t: number) => round(((t - xMin) / (xMax - xMin)) * 100);
  // Ranks run downwards (1, the best, at the top).
  const y = (v: number) => round(p.inverted ? ((v - yMin) / (yMax - yMin)) * 100 : ((yMax - v) / (yMax - yMin)) * 100);
  const pos = (a: { t: number; value: number }): Pos => ({ x: x(a.t), y: y(a.value) });

  const targets = new Map<string, ChartGeometry["targets"][number]>();
  for (const t of p.targets) {
    const at = pos(t);
    const key = `${at.x}/${at.y}`;
    const seen = targets.get(key);
    if (seen) seen.labels.push(t.label);
    else targets.set(key, { ...at, t: t.t, value: t.value, final: t.final, labels: [t.label] });
  }
  const rows = [...targets.values()].flatMap((t) => t.labels.map((text) => ({ text, t })));
  const gap = (LABEL_ROW_PX / (p.plotHeight ?? DEFAULT_PLOT_HEIGHT)) * 100;
  const labelYs = stackLabels(
    rows.map((r) => r.t.y - gap / 4),
    gap,
  );
  const segment = (l: ChartLine) => ({ from: pos(l.points[0]), to: pos(l.points[l.points.length - 1]) });
  const years = Array.from({ length: xMax - xMin }, (_, i) => xMin + i);

  return {
    xDomain: [xMin, xMax],
    yDomain: [yMin, yMax],
    xTicks: years.map((yr) => ({ t: yr + 0.5, x: x(yr + 0.5), y: 100, label: String(yr) })),
    xGrid: [...years.slice(1), xMax].map((t) => ({ t, x: x(t) })),
    yTicks: axis.ticks.map((v) => ({ x: 0, y: y(v), value: v })),
    series: p.series.map((s) => ({ ...pos(s), label: s.label, value: s.value })),
    sources: sources.map((l) => ({
      code: l.code,
      name: l.name,
      points: l.points.map((s) => ({ ...pos(s), label: s.label, value: s.value })),
    })),
    paths: p.paths.filter((l) => l.points.length > 1).map((l) => ({ name: l.name, ...segment(l) })),
    projection: p.projection && p.projection.points.length > 1 ? segment(p.projection) : null,
    targets: [...targets.values()],
    thresholdLabels: rows.map((r, i) => ({
      text: r.text,
      final: r.t.final,
      y: labelYs[i],
      lineY: r.t.y,
      fromX: r.t.x,
      fromT: r.t.t,
      value: r.t.value,
    })),
  };
}
