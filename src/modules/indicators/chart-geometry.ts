// Where everything goes on an indicator's chart, as percentages of the plot area, so the server can
// draw it as SVG that fits any width without script (see IndicatorChart). Pure; unit-tested.

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
};

/** A position in the plot area: x from the left, y from the top, in percent. */
export type Pos = { x: number; y: number };

export type ChartGeometry = {
  xTicks: (Pos & { label: string })[];
  yTicks: (Pos & { value: number })[];
  series: (Pos & { label: string; value: number })[];
  paths: { name: string; from: Pos; to: Pos }[];
  projection: { from: Pos; to: Pos } | null;
  sources: { code: string; name: string; points: (Pos & { label: string; value: number })[] }[];
  /** Targets at the same spot share one dot; their labels are stacked above it. */
  targets: (Pos & { final: boolean; labels: string[] })[];
};

/** Years are drawn at the end of the year: the tick at t = 2026 reads "2025". */
const X_TICKS = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031];

const round = (n: number) => Math.round(n * 1000) / 1000;

function digitCount(n: number): number {
  return n === 0 ? 1 : Math.floor(Math.log10(Math.abs(n))) + 1;
}

/** Cleans binary floating-point noise (0.1 + 0.2) from a tick value. */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * Tick values for a fixed numeric domain: an easily read step (1, 1.5, 2, 2.5, … × 10ⁿ) from the
 * minimum, and the maximum itself (the axis rule of the chart library the page used before).
 */
export function fixedDomainTicks([min, max]: [number, number], tickCount = 5): number[] {
  if (min === max) return [min];
  const count = Math.max(tickCount, 2);
  const rough = (max - min) / (count - 1);
  const digits = digitCount(rough);
  const magnitude = Math.pow(10, digits);
  const scale = digits !== 1 ? 0.05 : 0.1;
  const step = clean(Math.ceil(clean(rough / magnitude / scale)) * scale * magnitude);
  const ticks: number[] = [];
  for (let v = min, i = 0; v < max && i < 1000; i++, v = clean(min + i * step)) ticks.push(v);
  ticks.push(max);
  return ticks;
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
  const lo = p.bounded ? 0 : Math.max(0, Math.floor(Math.min(...values, 0) * 0.9));
  const hi = p.bounded ? 100 : Math.ceil(Math.max(...values, 1) * 1.1);
  const [y0, y1] = p.inverted ? [1, hi] : [lo, hi];
  const ticks = fixedDomainTicks([y0, y1]);
  const yMin = Math.min(y0, ticks[0], ...values);
  const yMax = Math.max(y1, ticks[ticks.length - 1], ...values);
  const ts = [...p.series.map((s) => s.t), ...sourcePoints.map((s) => s.t), ...p.targets.map((t) => t.t)];
  const xMin = Math.min(2020, ...ts);
  const xMax = Math.max(2031, ...ts);
  const x = (t: number) => round(((t - xMin) / (xMax - xMin)) * 100);
  // Ranks run downwards (1, the best, at the top).
  const y = (v: number) => round(p.inverted ? ((v - yMin) / (yMax - yMin)) * 100 : ((yMax - v) / (yMax - yMin)) * 100);
  const pos = (a: { t: number; value: number }): Pos => ({ x: x(a.t), y: y(a.value) });

  const targets = new Map<string, Pos & { final: boolean; labels: string[] }>();
  for (const t of p.targets) {
    const at = pos(t);
    const key = `${at.x}/${at.y}`;
    const seen = targets.get(key);
    if (seen) seen.labels.push(t.label);
    else targets.set(key, { ...at, final: t.final, labels: [t.label] });
  }
  const segment = (l: ChartLine) => ({ from: pos(l.points[0]), to: pos(l.points[l.points.length - 1]) });

  return {
    xTicks: X_TICKS.filter((t) => t > xMin && t <= xMax).map((t) => ({ x: x(t), y: 100, label: String(t - 1) })),
    yTicks: ticks.map((v) => ({ x: 0, y: y(v), value: v })),
    series: p.series.map((s) => ({ ...pos(s), label: s.label, value: s.value })),
    sources: sources.map((l) => ({
      code: l.code,
      name: l.name,
      points: l.points.map((s) => ({ ...pos(s), label: s.label, value: s.value })),
    })),
    paths: p.paths.filter((l) => l.points.length > 1).map((l) => ({ name: l.name, ...segment(l) })),
    projection: p.projection && p.projection.points.length > 1 ? segment(p.projection) : null,
    targets: [...targets.values()],
  };
}
