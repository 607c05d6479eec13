"use client";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartPoint = { t: number; value: number; label: string };
export type ChartTarget = { t: number; value: number; label: string; final: boolean };
export type ChartLine = { name: string; points: { t: number; value: number }[] };

type Props = {
  title: string;
  summary: string;
  unit: string;
  inverted: boolean;
  bounded: boolean;
  series: ChartPoint[];
  targets: ChartTarget[];
  paths: ChartLine[];
  projection: ChartLine | null;
  labels: { actual: string; projection: string };
};

const fmtYear = (t: number) => String(Math.round(t * 100) / 100).replace(/\.0+$/, "");

/**
 * Actual values by quarter, every decision's thresholds as labelled markers at the end of their
 * year, the straight path from the base to each threshold, and the current trend to 2030.
 * Rank axes are inverted (1 is best); percentage axes run 0–100.
 */
export function IndicatorChart(p: Props) {
  const values = [...p.series.map((s) => s.value), ...p.targets.map((t) => t.value), ...(p.projection?.points.map((x) => x.value) ?? [])];
  const lo = p.bounded ? 0 : Math.max(0, Math.floor(Math.min(...values, 0) * 0.9));
  const hi = p.bounded ? 100 : Math.ceil(Math.max(...values, 1) * 1.1);
  return (
    <figure className="rounded border border-slate-200 bg-white p-3" aria-labelledby="chart-title" aria-describedby="chart-summary">
      <figcaption>
        <p id="chart-title" className="font-semibold">{p.title}</p>
        <p id="chart-summary" className="text-xs text-slate-600">{p.summary}</p>
      </figcaption>
      <div className="h-80 w-full" data-testid="indicator-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" domain={[2020, 2031]} ticks={[2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]} tickFormatter={(t: number) => String(t - 1)} allowDuplicatedCategory={false} />
            <YAxis reversed={p.inverted} domain={p.inverted ? [1, hi] : [lo, hi]} unit={p.unit === "%" ? "%" : undefined} width={56} />
            <Tooltip formatter={(v) => `${v}${p.unit === "%" ? "%" : ` ${p.unit}`}`} labelFormatter={(t) => fmtYear(Number(t))} />
            <Legend />
            <Line data={p.series} dataKey="value" name={p.labels.actual} stroke="#0b5cad" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
            {p.paths.map((l) => (
              <Line key={l.name} data={l.points} dataKey="value" name={l.name} stroke="#64748b" strokeDasharray="2 4" dot={false} isAnimationActive={false} />
            ))}
            {p.projection && <Line data={p.projection.points} dataKey="value" name={p.labels.projection} stroke="#b45309" strokeDasharray="6 3" dot={false} isAnimationActive={false} />}
            {p.targets.map((t) => (
              <ReferenceDot key={t.label} x={t.t} y={t.value} r={6} fill={t.final ? "#7c3aed" : "#047857"} stroke="#fff" label={{ value: t.label, position: "top", fontSize: 10 }} ifOverflow="extendDomain" />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
