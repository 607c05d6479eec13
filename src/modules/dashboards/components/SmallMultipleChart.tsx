"use client";
import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Lang } from "@/i18n/config";
import { fill } from "@/i18n/messages";
import { formatValue } from "@/lib/format";
import { dashboardEn, dashboardVi } from "@/messages/dashboard";
import { ACTUAL, PATH, sourceStyle, TARGET_LATER } from "@/modules/indicators/chart-style";
import type { ChartGeometry } from "@/modules/indicators/chart-geometry";
import { MULTIPLE_PLOT_HEIGHT, type MultipleRow, type MultipleSeries } from "../charts";
import { dataDomain, thresholdSegment, timeAt, zoomDomain, zoomTicks, type Domain } from "../zoom";

const MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 48;
const X_AXIS_HEIGHT = 22;
/** The plot's left and right insets in the box: where recharts draws it, and the labels' overlay. */
const PLOT_LEFT = MARGIN.left + Y_AXIS_WIDTH;
const PLOT_RIGHT = MARGIN.right;

type Zoom = { mode: "full" | "data" } | { mode: "drag"; domain: Domain };
type Selection = { from: number; to: number };

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
 * One indicator's small multiple for signed-in users: tooltips, series toggles and zoom on the time
 * axis (a drag across the plot, or the buttons for keyboard and touch). Domains, ticks, threshold
 * positions and their label rows all come from the shared geometry (chart-geometry.ts), so this
 * chart and the public server-drawn one agree unzoomed. The text alternative is the card around it.
 */
export function SmallMultipleChart(p: Props) {
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [zoom, setZoom] = useState<Zoom>({ mode: "full" });
  const [selection, setSelection] = useState<Selection | null>(null);
  // The selection as the last mouse event left it, for the mouseup listener (not a render's copy).
  const dragged = useRef<Selection | null>(null);
  const select = (s: Selection | null) => {
    dragged.current = s;
    setSelection(s);
  };
  const near = useNearViewport(box);
  const zoomLabelId = useId();
  const z = (p.lang === "en" ? dashboardEn : dashboardVi).charts.zoom;
  const g = p.geometry;
  const full = g.xDomain;
  const data = dataDomain(
    p.rows,
    p.series.filter((s) => s.kind !== "path").map((s) => s.key),
    full,
  );
  const domain: Domain = zoom.mode === "drag" ? zoom.domain : zoom.mode === "data" && data ? data : full;
  const ticks = zoomTicks(domain);
  const tickText = new Map(
    ticks.map((t) => [t.t, t.quarter ? fill(z.quarterTick, { quarter: t.quarter, year: t.year }) : String(t.year)]),
  );
  // The time under the mouse, from its place across the plot (the box is as wide as the chart).
  const timeOf = (e: { clientX: number }) => {
    const r = box?.getBoundingClientRect();
    return r ? timeAt(e.clientX - r.left - PLOT_LEFT, r.width - PLOT_LEFT - PLOT_RIGHT, domain) : null;
  };
  const startDrag = (_: unknown, e: MouseEvent) => {
    const from = e.button === 0 ? timeOf(e) : null;
    if (from === null) return;
    // No text selection while dragging across the card.
    e.preventDefault();
    select({ from, to: from });
    // Released anywhere, inside the chart or not: a drag that overshoots the plot still zooms. The
    // release's own position ends the range (recharts hands moves on once a frame, the last may
    // not have arrived).
    const end = (up: globalThis.MouseEvent) => {
      const to = timeOf(up);
      const d = to !== null && zoomDomain(full, from, to);
      select(null);
      if (d) setZoom({ mode: "drag", domain: d });
    };
    window.addEventListener("mouseup", end, { once: true });
  };
  const moveDrag = (_: unknown, e: MouseEvent) => {
    const to = dragged.current && timeOf(e);
    if (dragged.current && to != null) select({ ...dragged.current, to });
  };
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
      {(data || zoom.mode === "drag") && (
        <div
          role="group"
          aria-labelledby={zoomLabelId}
          title={z.hint}
          className="mb-1 flex flex-wrap items-center gap-1 text-[11px] leading-tight print:hidden"
          data-testid="chart-zoom"
        >
          <span id={zoomLabelId} className="text-slate-700">
            {z.label}
          </span>
          {data && (
            <ZoomButton pressed={zoom.mode === "data"} onClick={() => setZoom({ mode: "data" })}>
              {z.data}
            </ZoomButton>
          )}
          <ZoomButton pressed={zoom.mode === "full"} onClick={() => setZoom({ mode: "full" })}>
            {fill(z.full, { year: full[1] - 1 })}
          </ZoomButton>
          {zoom.mode === "drag" && (
            <button
              type="button"
              onClick={() => setZoom({ mode: "full" })}
              className="rounded border border-brand-700 px-1.5 py-0.5 text-brand-700 underline"
            >
              {z.reset}
            </button>
          )}
        </div>
      )}
      <div
        ref={setBox}
        className="relative cursor-crosshair select-none"
        style={{ height: MULTIPLE_PLOT_HEIGHT + MARGIN.top + X_AXIS_HEIGHT }}
        aria-hidden="true"
      >
        {near && (
          <ResponsiveContainer
            width="100%"
            height={MULTIPLE_PLOT_HEIGHT + MARGIN.top + X_AXIS_HEIGHT}
            initialDimension={{ width: 300, height: MULTIPLE_PLOT_HEIGHT + MARGIN.top + X_AXIS_HEIGHT }}
          >
            <LineChart
              data={p.rows}
              margin={MARGIN}
              accessibilityLayer={false}
              onMouseDown={startDrag}
              onMouseMove={moveDrag}
            >
              <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
              <XAxis
                type="number"
                dataKey="t"
                domain={domain}
                ticks={ticks.map((t) => t.t)}
                tickFormatter={(t: number) => tickText.get(t) ?? String(Math.floor(t))}
                height={X_AXIS_HEIGHT}
                tick={{ fontSize: 10 }}
                allowDataOverflow
              />
              {/* The value axis keeps the shared geometry's domain when time is zoomed. Why: the
                  threshold labels sit on rows the geometry computed for that domain (the overlay
                  below), and a reader compares charts side by side; refitting it to the points in
                  view would move every threshold off its label and make a zoomed series look
                  nearer to or further from its target than it is. */}
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
              {g.thresholdLabels.map((l, i) => {
                // Both ends inside the zoomed domain: recharts drops a segment with an end outside.
                const [x1, x2] = thresholdSegment(l.fromT, domain);
                return (
                  <ReferenceLine
                    key={`${l.text}-${i}`}
                    segment={[
                      { x: x1, y: l.value },
                      { x: x2, y: l.value },
                    ]}
                    stroke={TARGET_LATER}
                    strokeDasharray="1 3"
                  />
                );
              })}
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
              {selection && selection.from !== selection.to && (
                <ReferenceArea
                  x1={Math.min(selection.from, selection.to)}
                  x2={Math.max(selection.from, selection.to)}
                  fill={ACTUAL}
                  fillOpacity={0.12}
                  stroke={ACTUAL}
                  strokeOpacity={0.4}
                />
              )}
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

function ZoomButton(p: { pressed: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={p.pressed}
      onClick={p.onClick}
      className="rounded border border-slate-300 px-1.5 py-0.5 text-slate-800 aria-[pressed=true]:border-brand-700 aria-[pressed=true]:bg-brand-50 aria-[pressed=true]:font-semibold"
    >
      {p.children}
    </button>
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
