import type { SVGProps } from "react";
import type { Lang } from "@/i18n/config";
import { formatNumber, formatValue } from "@/lib/format";
import { chartGeometry, type ChartInput, type Pos } from "../chart-geometry";
import { ACTUAL, PATH, PROJECTION, sourceStyle, TARGET_FINAL, TARGET_LATER, type SourceStyle } from "../chart-style";
import { ChartPointer } from "./ChartPointer";

export type { ChartLine, ChartPoint, ChartTarget, SourceLine } from "../chart-geometry";

type Props = Omit<ChartInput, "plotHeight"> & {
  lang: Lang;
  /** The indicator's kind (PERCENT, RANK, …), for the value read-out. */
  kind: string;
  title: string;
  summary: string;
  unit: string;
  labels: { actual: string; projection: string };
};

const AXIS = "#666";
const GRID = "#e2e8f0";

const pct = (n: number) => `${n}%`;
/** The plot's fixed height in pixels (the box's 270 less the top margin and the x axis). */
const PLOT_HEIGHT = 224;

function Segment({ from, to, ...rest }: { from: Pos; to: Pos } & Omit<SVGProps<SVGLineElement>, "from" | "to">) {
  return <line x1={pct(from.x)} y1={pct(from.y)} x2={pct(to.x)} y2={pct(to.y)} {...rest} />;
}

/**
 * Year labels are ~40px wide: on a narrow chart only every second (or third) one is shown, counted
 * from the last, so they never overlap (widths are those of the chart box, an @container).
 */
function thinned(fromEnd: number): string | undefined {
  const second = fromEnd % 2 === 0;
  const third = fromEnd % 3 === 0;
  if (second && third) return undefined;
  if (third) return "@min-[330px]:@max-[572px]:hidden";
  if (second) return "@max-[330px]:hidden";
  return "@max-[572px]:hidden";
}

/** A source's marker, centred on its point (a nested viewport puts the origin there). */
function Marker({ x, y, d, color }: { x: number; y: number; d: string; color: string }) {
  return (
    <svg x={pct(x)} y={pct(y)} className="overflow-visible">
      <path d={d} fill="#fff" stroke={color} strokeWidth="2" />
    </svg>
  );
}

/** The small line-and-circle marker the legend shows for every line; a source's own shape and dash. */
function LegendIcon({ color, style }: { color: string; style?: SourceStyle }) {
  if (style)
    return (
      <svg width="22" height="14" viewBox="-11 -7 22 14" aria-hidden="true" className="mr-1 inline-block align-middle">
        <line x1="-11" x2="11" y1="0" y2="0" stroke={color} strokeWidth="2" strokeDasharray={style.dash} />
        <path d={style.marker} fill="#fff" stroke={color} strokeWidth="2" />
      </svg>
    );
  return (
    <svg width="14" height="14" viewBox="0 0 32 32" aria-hidden="true" className="mr-1 inline-block align-middle">
      <path
        strokeWidth="4"
        fill="none"
        stroke={color}
        d="M0,16h10.667A5.333,5.333,0,1,1,21.333,16H32M21.333,16A5.333,5.333,0,1,1,10.667,16"
      />
    </svg>
  );
}

/**
 * Actual values by quarter, every decision's thresholds as labelled markers at the end of their
 * year, the straight path from the base to each threshold, and the current trend to 2030.
 * Rank axes are inverted (1 is best); the value axis fits the values and thresholds (see
 * valueAxis). Threshold labels sit on their own rows at the right edge, so they never collide.
 *
 * Drawn on the server as SVG in percentages of the plot area, so it fits any width and is on screen
 * with the first paint, without a charting library in the browser. ChartPointer adds the value
 * read-out under the pointer and with the arrow keys.
 */
export function IndicatorChart(p: Props) {
  const g = chartGeometry({ ...p, plotHeight: PLOT_HEIGHT });
  const unit = p.unit === "%" ? "%" : "";
  const tick = (v: number) => `${formatNumber(v, p.lang)}${unit}`;
  const legend: { name: string; color: string; style?: SourceStyle }[] = [
    ...(g.series.length ? [{ name: p.labels.actual, color: ACTUAL }] : []),
    ...g.sources.map((l, i) => ({ name: l.name, color: sourceStyle(i).color, style: sourceStyle(i) })),
    ...g.paths.map((l) => ({ name: l.name, color: PATH })),
    ...(g.projection ? [{ name: p.labels.projection, color: PROJECTION }] : []),
  ];
  return (
    <figure
      className="rounded border border-slate-200 bg-white p-3"
      aria-labelledby="chart-title"
      aria-describedby="chart-summary"
    >
      <figcaption>
        <p id="chart-title" className="font-semibold">
          {p.title}
        </p>
        <p id="chart-summary" className="text-xs text-slate-600">
          {p.summary}
        </p>
      </figcaption>
      <div className="@container flex w-full flex-col" data-testid="indicator-chart">
        <div className="relative h-[270px]">
          <ChartPointer
            points={g.series.map((s) => ({
              x: s.x,
              y: s.y,
              label: s.label,
              value: formatValue(s.value, p.unit, p.kind, p.lang),
            }))}
            name={p.labels.actual}
            color={ACTUAL}
          >
            <svg className="absolute inset-0 h-full w-full overflow-visible" aria-hidden="true">
              <g stroke={GRID} strokeDasharray="3 3">
                {g.yTicks.map((t) => (
                  <line key={t.value} x1="0" x2="100%" y1={pct(t.y)} y2={pct(t.y)} />
                ))}
                <line x1="0" x2="0" y1="0" y2="100%" />
                {g.xGrid.map((t) => (
                  <line key={t.t} x1={pct(t.x)} x2={pct(t.x)} y1="0" y2="100%" />
                ))}
              </g>
              {g.paths.map((l) => (
                <Segment key={l.name} from={l.from} to={l.to} stroke={PATH} strokeDasharray="2 4" />
              ))}
              {g.projection && (
                <Segment from={g.projection.from} to={g.projection.to} stroke={PROJECTION} strokeDasharray="6 3" />
              )}
              <g stroke={ACTUAL} strokeWidth="2">
                {g.series.slice(1).map((s, i) => (
                  <Segment key={s.label} from={g.series[i]} to={s} />
                ))}
              </g>
              <g stroke={ACTUAL} strokeWidth="2" fill="#fff">
                {g.series.map((s) => (
                  <circle key={s.label} cx={pct(s.x)} cy={pct(s.y)} r="2" />
                ))}
              </g>
              {g.sources.map((l, i) => {
                const st = sourceStyle(i);
                return (
                  <g key={l.code} data-source={l.code}>
                    <g stroke={st.color} strokeWidth="2" strokeDasharray={st.dash}>
                      {l.points.slice(1).map((s, j) => (
                        <Segment key={s.label} from={l.points[j]} to={s} />
                      ))}
                    </g>
                    {l.points.map((s) => (
                      <Marker key={s.label} x={s.x} y={s.y} d={st.marker} color={st.color} />
                    ))}
                  </g>
                );
              })}
              {g.thresholdLabels.map((l) => (
                <line
                  key={l.text}
                  x1={pct(l.fromX)}
                  x2="100%"
                  y1={pct(l.lineY)}
                  y2={pct(l.lineY)}
                  stroke={l.final ? TARGET_FINAL : TARGET_LATER}
                  strokeDasharray="1 3"
                />
              ))}
              {g.targets.map((t) => (
                <circle
                  key={`${t.x}/${t.y}`}
                  cx={pct(t.x)}
                  cy={pct(t.y)}
                  r="6"
                  fill={t.final ? TARGET_FINAL : TARGET_LATER}
                  stroke="#fff"
                />
              ))}
              <g fontSize="10" fill="#334155" textAnchor="end" stroke="#fff" strokeWidth="3" paintOrder="stroke">
                {g.thresholdLabels.map((l) => (
                  <text key={l.text} x="100%" y={pct(l.y)} dx="-2">
                    {l.text}
                  </text>
                ))}
              </g>
              <g stroke={AXIS}>
                <line x1="0" x2="100%" y1="100%" y2="100%" />
                <line x1="0" x2="0" y1="0" y2="100%" />
                {g.yTicks.map((t) => (
                  <line key={t.value} x1="-6" x2="0" y1={pct(t.y)} y2={pct(t.y)} />
                ))}
              </g>
              <g fill={AXIS} textAnchor="end">
                {g.yTicks.map((t) => (
                  <text key={t.value} x="-8" y={pct(t.y)} dy="0.355em">
                    {tick(t.value)}
                  </text>
                ))}
              </g>
              {/* The x axis hangs below the plot: a nested viewport whose origin is the axis line. */}
              <svg y="100%" width="100%" height="30" className="overflow-visible">
                {g.xGrid.map((t) => (
                  <line key={t.t} x1={pct(t.x)} x2={pct(t.x)} y1="0" y2="6" stroke={AXIS} />
                ))}
                {/* Each year's name in the middle of its span; its values sit at the span's end. */}
                {g.xTicks.map((t, i) => (
                  <g key={t.label} className={thinned(g.xTicks.length - 1 - i)}>
                    <text x={pct(t.x)} y="8" dy="0.71em" fill={AXIS} textAnchor="middle">
                      {t.label}
                    </text>
                  </g>
                ))}
              </svg>
            </svg>
          </ChartPointer>
        </div>
        <ul className="mx-2 mb-2 text-center">
          {legend.map((l) => (
            <li key={l.name} className="mr-2.5 inline-block whitespace-nowrap">
              <LegendIcon color={l.color} style={l.style} />
              <span style={{ color: l.color }} className="whitespace-normal break-words">
                {l.name}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
