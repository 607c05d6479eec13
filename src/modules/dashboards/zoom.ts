// Zooming a small multiple on its time axis: the domain a drag or a button asks for, and the ticks
// of that domain. Pure; unit-tested. Time is in fractional years with a value at the END of the
// period it describes (chart-geometry.ts): Q1/2021 at 2021.25, the year 2024 at 2025.0.
import type { MultipleRow } from "./charts";

export type Domain = [number, number];

/** The narrowest range a drag may zoom to: one quarter. */
export const QUARTER = 0.25;
/** At most this many labels on a small multiple's time axis (it is some 250 px wide). */
export const MAX_TICKS = 4;
/** Up to this span (in years) the axis is labelled by quarter, beyond it by year. */
const QUARTER_TICKS_UP_TO = 2;

const EPS = 1e-9;
const floorQ = (t: number) => Math.floor(t / QUARTER + EPS) * QUARTER;
const ceilQ = (t: number) => Math.ceil(t / QUARTER - EPS) * QUARTER;
const clamp = (t: number, [lo, hi]: Domain) => Math.min(hi, Math.max(lo, t));

/**
 * The domain a drag from `from` to `to` selects, in either direction: widened to whole quarters
 * and kept inside the full domain. null when the drag covers less than a quarter (a click, or a
 * hand that slipped), which leaves the chart as it was.
 */
export function zoomDomain(full: Domain, from: number, to: number): Domain | null {
  const a = clamp(Math.min(from, to), full);
  const b = clamp(Math.max(from, to), full);
  if (b - a < QUARTER - EPS) return null;
  return [Math.max(full[0], floorQ(a)), Math.min(full[1], ceilQ(b))];
}

/**
 * The period the values cover (the agencies' and every source's, not the paths to the targets):
 * from the start of the year of the first value to a quarter past the last one, so its marker is
 * not cut in half at the edge; inside the full domain. null without any value.
 */
export function dataDomain(rows: readonly MultipleRow[], keys: readonly string[], full: Domain): Domain | null {
  const ts = rows.filter((r) => keys.some((k) => typeof r[k] === "number")).map((r) => r.t);
  if (!ts.length) return null;
  // A value at 2021.25 describes a period that started in 2021: the axis starts with that year.
  const lo = Math.floor(Math.min(...ts) - EPS);
  const hi = ceilQ(Math.max(...ts)) + QUARTER;
  return [Math.max(full[0], lo), Math.min(full[1], hi)];
}

/** The time under a point `x` pixels from the plot's left edge, the plot being `width` pixels wide. */
export function timeAt(x: number, width: number, [lo, hi]: Domain): number {
  if (!(width > 0)) return lo;
  return clamp(lo + (x / width) * (hi - lo), [lo, hi]);
}

export type ZoomTick = { t: number; year: number; quarter: number | null };

/**
 * The time axis's labels for a domain: years (in the middle of the year they name, as the
 * unzoomed chart has them) over more than two years, quarters (in the middle of each) over two
 * years or less. At most `max`, evenly spaced and counted from the right, so the latest period
 * shown is always labelled.
 */
export function zoomTicks([lo, hi]: Domain, max = MAX_TICKS): ZoomTick[] {
  const all: ZoomTick[] = [];
  if (hi - lo > QUARTER_TICKS_UP_TO + EPS) {
    for (let year = Math.floor(lo); year + 0.5 <= hi + EPS; year++)
      if (year + 0.5 >= lo - EPS) all.push({ t: year + 0.5, year, quarter: null });
  } else {
    for (let start = floorQ(lo); start + QUARTER / 2 <= hi + EPS; start += QUARTER) {
      const t = start + QUARTER / 2;
      if (t < lo - EPS) continue;
      const year = Math.floor(start + EPS);
      all.push({ t, year, quarter: Math.round((start - year) / QUARTER) + 1 });
    }
  }
  const steps = all[0]?.quarter ? [1, 2, 4, 8] : [1, 2, 3, 5, 10, 20, 50];
  const step = steps.find((s) => Math.ceil(all.length / s) <= max) ?? Math.ceil(all.length / max);
  return all.filter((_, i) => (all.length - 1 - i) % step === 0);
}

/**
 * The part of a threshold's line inside the domain: from its marker (or the left edge, when the
 * marker is to the left) to the right edge, where its label is. A marker beyond the right edge
 * (a 2030 threshold while the data period is shown) still gets its level drawn across the whole
 * plot: its label stays at the right edge at that height, and must point at something.
 */
export function thresholdSegment(fromT: number, [lo, hi]: Domain): Domain {
  return [fromT >= hi ? lo : Math.max(lo, fromT), hi];
}
