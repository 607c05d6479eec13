"use client";
import { useEffect, useState } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Lang } from "@/i18n/config";
import { formatValue } from "@/lib/format";
import { ACTUAL, PATH, sourceStyle, TARGET_LATER } from "@/modules/indicators/chart-style";
import type { ChartGeometry } from "@/modules/indicators/chart-geometry";
import { MULTIPLE_PLOT_HEIGHT, type MultipleRow, type MultipleSeries } from "../charts";

const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 48;
const X_AXIS_HEIGHT = 22;

type Props = {
  lang: Lang;
  unit: string;
  kind: string;
  rows: MultipleRow[];
  series: MultipleSeries[];
  geometry: Pick<ChartGeometry, "xDomain" | "yDomain" | "xTicks" | "yTicks" | "targets" | "thresholdLabels">;
  yLabels: string[];
  togglesLabel: string;
};

function colourOf(s: MultipleSeries, i: number) {
  if (s.kind === "actual") return { color: ACTUAL, dash: undefined };
  if (s.kind === "path") return { color: PATH, dash: "2 4" };
  const st = sourceStyle(i);
  return { color: st.color, dash: st.dash };
}

/**
 * One indicator's small multiple for signed-in users: tooltips and series toggles. Domains, ticks,
 * threshold positions and their label rows all come from the shared geometry (chart-geometry.ts),
 * so this chart and the public server-drawn one agree. The text alternative is the card around it.
 */
export function SmallMultipleChart(p: Props) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const near = useNearViewport(box);
  const g = p.geometry;
  const inverted = p.kind === "RANK";
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const format = (v: unknown) => (typeof v === "number" ? formatValue(v, p.unit, p.kind, p.lang) : String(v ?? ""));
  const labelOf = new Map(p.rows.map((r) => [r.t, r.label]));
  const tickLabel = new Map(g.yTicks.map((t, i) => [t.value, p.yLabels[i]]));
  let sourceIndex = 0;
  const styled = p.series.map((s) => ({ ...s, ...colourOf(s, s.kind === "source" ? sourceIndex++ : 0) }));
  return (
    <div>
      <div role="group" aria-label={p.togglesLabel} className="mb-1 flex flex-wrap gap-1">
        {styled.map((s) => (
          <button
            key={s.key}
            type="button"
            aria-pressed={!hidden.has(s.key)}
            onClick={() => toggle(s.key)}
            className="rounded border border-slate-300 px-1.5 py-0.5 text-left text-[11px] leading-tight text-slate-800 aria-[pressed=false]:opacity-60"
          >
            <span
              aria-hidden="true"
              className="mr-1 inline-block h-0.5 w-3 align-middle"
              style={{ background: s.color }}
            />
            {s.name}
          </button>
        ))}
      </div>
      <div
        ref={setBox}
        className="relative"
        style={{ height: MULTIPLE_PLOT_HEIGHT + MARGIN.top + X_AXIS_HEIGHT }}
        aria-hidden="true"
      >
        {near && (
          <ResponsiveContainer
            width="100%"
            height={MULTIPLE_PLOT_HEIGHT + MARGIN.top + X_AXIS_HEIGHT}
            initialDimension={{ width: 300, height: MULTIPLE_PLOT_HEIGHT + MARGIN.top + X_AXIS_HEIGHT }}
          >
            <LineChart data={p.rows} margin={MARGIN} accessibilityLayer={false}>
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
              <XAxis
                type="number"
                dataKey="t"
                domain={g.xDomain}
                ticks={g.xTicks.filter((_, i) => (g.xTicks.length - 1 - i) % 3 === 0).map((t) => t.t)}
                tickFormatter={(t: number) => String(Math.floor(t))}
                height={X_AXIS_HEIGHT}
                tick={{ fontSize: 10 }}
                allowDataOverflow
              />
              <YAxis
                type="number"
                domain={g.yDomain}
                ticks={g.yTicks.map((t) => t.value)}
                tickFormatter={(v: number) => tickLabel.get(v) ?? String(v)}
                width={Y_AXIS_WIDTH}
                reversed={inverted}
                tick={{ fontSize: 10 }}
                allowDataOverflow
              />
              <Tooltip
                formatter={(v, name) => [format(v), name]}
                labelFormatter={(t) => labelOf.get(t as number) || String(Math.floor(Number(t)))}
                contentStyle={{ fontSize: 12 }}
              />
              {g.thresholdLabels.map((l, i) => (
                <ReferenceLine
                  key={`${l.text}-${i}`}
                  segment={[
                    { x: l.fromT, y: l.value },
                    { x: g.xDomain[1], y: l.value },
                  ]}
                  stroke={TARGET_LATER}
                  strokeDasharray="1 3"
                />
              ))}
              {g.targets.map((t) => (
                <ReferenceDot key={`${t.x}/${t.y}`} x={t.t} y={t.value} r={4} fill={TARGET_LATER} stroke="#fff" />
              ))}
              {styled.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  hide={hidden.has(s.key)}
                  stroke={s.color}
                  strokeDasharray={s.dash}
                  strokeWidth={s.kind === "path" ? 1 : 2}
                  dot={s.kind === "path" ? false : { r: 2 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
        {/* Threshold labels on the rows the geometry chose, over the plot area recharts draws. */}
        <svg
          className="pointer-events-none absolute overflow-visible"
          style={{
            left: MARGIN.left + Y_AXIS_WIDTH,
            right: MARGIN.right,
            top: MARGIN.top,
            height: MULTIPLE_PLOT_HEIGHT,
          }}
          width={`calc(100% - ${MARGIN.left + Y_AXIS_WIDTH + MARGIN.right}px)`}
        >
          <g fontSize="10" fill="#334155" textAnchor="end" stroke="#fff" strokeWidth="3" paintOrder="stroke">
            {g.thresholdLabels.map((l, i) => (
              <text key={`${l.text}-${i}`} x="100%" y={`${l.y}%`} dx="-2">
                {l.text}
              </text>
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
}

/**
 * Whether the box has come near the screen: a grid of eighty charts draws only those a reader
 * scrolls to, so the page stays light (the caption around each is there from the first paint).
 */
function useNearViewport(el: HTMLElement | null) {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!el || near) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: "200px",
    });
    io.observe(el);
    return () => io.disconnect();
  }, [el, near]);
  return near;
}
