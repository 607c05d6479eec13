/**
 * Progress status of a target milestone, and of a task. Pure: no database, no framework.
 *
 * HOW A MILESTONE'S STATUS IS COMPUTED (the public methodology page is written from this)
 *
 * One status per target: one decision's threshold for one indicator in one year Y. It follows the
 * Open SDG method (Statistics Canada, Eurostat), adapted per kind of indicator as below.
 *
 * 1. Series. The national series comes from the source chosen for the indicator (a published
 *    source such as the statistics office, as each series read on the status date, or the
 *    agencies' approved reports). Per-unit floors always use the agencies' reports.
 * 2. Periods. Each indicator has a periodicity: quarter, year or two years (pairs of years ending in
 *    an even year: 2023–2024, 2025–2026, matching the UN survey editions). A value is dated at the
 *    END of the period it describes: quarter 3 of 2024 → 2024.75, year 2024 → 2025.0, the two years
 *    2023–2024 → 2025.0. A value counts only once its period is over. Values finer than the
 *    periodicity (quarterly reports of an annual indicator) collapse to one per period.
 * 3. One value per period. When several values fall in one period, the one describing the latest
 *    part of it wins (quarter 4 before quarter 3; a whole-year figure before its second quarter),
 *    then the latest release or approval, then the highest record id, then the less favourable
 *    value. The result never depends on the order the values are read in.
 * 4. Base. The base year is the decision's stated base year, else the year it was issued; never
 *    "whatever is oldest". The base value is the value of the period covering the base year (for
 *    quarterly data, the latest quarter of that year). When that period has no value, the nearest
 *    LATER value is the base and the explanation says so (baseShifted); an earlier one is never
 *    used. Values before the base are ignored altogether, so loading older data changes nothing. A
 *    target whose decision has neither a base year nor a date has no base: it can be ACHIEVED or
 *    judged after its year, but its pace is NOT_ENOUGH_DATA.
 * 5. Phase. Before the end of year Y the milestone is IN_PROGRESS and judged on its pace. After it,
 *    the milestone is decided by the latest value of a period ending in Y or earlier (and not
 *    before the base): ACHIEVED if it meets the threshold, MISSED if not, NO_DATA without one. It is
 *    PROVISIONAL until the data cut-off, the end of Y plus the source's cutoffDays (agency reports:
 *    AGENCY_REPORTING_CUTOFF_DAYS = 120, when the reporting calendar locks the fourth quarter), and
 *    FINAL from then on. The explanation flags a deciding value whose period does not end in Y
 *    (latestOutsideTargetYear) and a deciding figure its publisher calls provisional.
 * 6. Meeting a threshold. ">" / "≥" / "=" / "≤" / "<" are compared on values rounded to 9 decimals
 *    (no floating-point error at the threshold); "=" holds within 1e-9. An approximate target
 *    ("khoảng X") is also met within the tolerance of its kind (below) of X.
 * 7. Pace (in progress, threshold not yet met), from the base (v0 at t0) to the latest value (v1 at
 *    t1), with the target value vT due at tT = Y + 1 and d = +1 when the value must rise, −1 when it
 *    must fall (from the comparator; for "=", the end of a bounded scale or the indicator's
 *    direction):
 *    - levels (COUNT, AMOUNT): compound annual growth, CAGR(a, b) = (a/b)^(1/(ta − tb)) − 1, when
 *      v0, v1 and vT are all positive; otherwise straight-line change per year;
 *    - bounded percentages (PERCENT, or any indicator with a minimum and a maximum): percentage
 *      points per year, (v1 − v0)/(t1 − t0) against (vT − v0)/(tT − t0) — the share of the gap to
 *      the threshold closed, against the share of the time elapsed;
 *    - ranks (RANK): positions gained per year, against the positions per year needed to reach the
 *      required rank; never a growth rate of a rank;
 *    - growth-rate targets (RATE_PER_YEAR, "tăng 7 %/năm"): the latest rate against the required
 *      rate, R = v1/vT; meeting it is ON_TRACK, not ACHIEVED, until year Y is over;
 *    - yes/no (BOOLEAN): met (ACHIEVED) or not yet (LIMITED_PROGRESS); there is no pace.
 *    R = d · achieved / |needed|, rounded to 2 decimals (half away from zero) BEFORE it is
 *    classified: R ≥ 0.95 ON_TRACK, 0.60 ≤ R < 0.95 NEEDS_ACCELERATION, 0 ≤ R < 0.60
 *    LIMITED_PROGRESS, R < 0 MOVING_AWAY. A needed change of 0 (the base sits on a strict threshold)
 *    gives R = ±∞ by the sign of the move, or 0 without a move. Fewer than two values at different
 *    times from the base on: NOT_ENOUGH_DATA.
 * 8. Tolerance. A move no larger than the tolerance of its kind counts as no move (R = 0, limited
 *    progress rather than moving away), so a wobble does not flip a status: 0.5 percentage point
 *    for percentages and growth rates, 1 position for ranks, 1 % of the base value for levels,
 *    none for yes/no.
 * 9. Coverage. A per-unit floor ("every province at least X", the ministry/province level) is
 *    judged on each unit expected to report (the agencies assigned the indicator at that level),
 *    and the least favourable unit's result is the target's, but only when at least
 *    ceil(minCoverage · M) of the M expected units have a value (minCoverage not set: all of them).
 *    Otherwise the status is INSUFFICIENT_COVERAGE, "N of M", naming the least favourable unit
 *    among those that reported. A subgroup target (people aged 15 and over) is judged only on a
 *    series of that subgroup; there is none yet, so it says so (NOT_ENOUGH_DATA / NO_DATA with
 *    reason NO_SUBGROUP_SERIES) rather than use the whole population's series.
 */
import type { Comparator } from "./format";

export type { Comparator };

export type Periodicity = "QUARTER" | "YEAR" | "TWO_YEARS";

/**
 * One value of a series. `year`/`quarter`: the last quarter of the period it describes (an annual
 * figure: its year, quarter 4). `at` (ms) and `id` break ties within a period: the later release or
 * approval wins, then the higher id.
 */
export type Point = { year: number; quarter: number; value: number; at?: number; id?: number; provisional?: boolean };

export type TargetSpec = {
  year: number;
  comparator: Comparator;
  value: number;
  /** IndicatorKind: PERCENT | COUNT | RATE_PER_YEAR | RANK | BOOLEAN | AMOUNT. */
  kind: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  /** The decision's base year (Document.baseYear, else the year it was issued); null: none. */
  baseYear: number | null;
  /** "khoảng X": met within the tolerance of its kind. */
  approximate?: boolean;
  /** The indicator's bounds: with both set, the indicator is a bounded percentage-like scale. */
  min?: number | null;
  max?: number | null;
};

/** How the series is measured and when its data are in. */
export type SeriesSpec = { periodicity: Periodicity; cutoffDays: number };

/**
 * Agency reports are in once the reporting calendar locks the quarter: 120 days after it ends
 * (periods.ts defaultPeriodDates). The issue's 45 days would fall before the 60-day due date.
 */
export const AGENCY_REPORTING_CUTOFF_DAYS = 120;
export const QUARTERLY_AGENCY_SERIES: SeriesSpec = { periodicity: "QUARTER", cutoffDays: AGENCY_REPORTING_CUTOFF_DAYS };

/**
 * Every milestone status, in the order tables and filters list them (best first). The one list:
 * overrides, filters, the badge and the API read it (statusRank below orders worst first).
 */
export const MILESTONE_STATUSES = [
  "ACHIEVED",
  "ON_TRACK",
  "NEEDS_ACCELERATION",
  "LIMITED_PROGRESS",
  "MOVING_AWAY",
  "MISSED",
  "INSUFFICIENT_COVERAGE",
  "NOT_ENOUGH_DATA",
  "NO_DATA",
] as const;

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export type Phase = "IN_PROGRESS" | "PROVISIONAL" | "FINAL";
export const PHASES: readonly Phase[] = ["IN_PROGRESS", "PROVISIONAL", "FINAL"];

/** How a kind of indicator measures pace (section 7 above). */
export type Measure = "LEVEL" | "BOUNDED" | "RANK" | "RATE" | "BOOLEAN";

/**
 * What decided the status: "threshold" a value compared with the target (past milestones, targets
 * met early); a pace: "cagr" / "linear" (levels), "points" (bounded percentages), "positions"
 * (ranks), "rate" (growth-rate targets), "met" (yes/no, not met yet); "none": not enough data.
 */
export type Method = "threshold" | "cagr" | "linear" | "points" | "positions" | "rate" | "met" | "none";

export const METHODS: readonly Method[] = ["threshold", "cagr", "linear", "points", "positions", "rate", "met", "none"];

export type Reason = "NO_BASE_YEAR" | "NO_SUBGROUP_SERIES" | "LEVEL_NOT_REPORTED";
export const REASONS: readonly Reason[] = ["NO_BASE_YEAR", "NO_SUBGROUP_SERIES", "LEVEL_NOT_REPORTED"];

/** A value as the status used it: its period ("2024-Q3", "2024", "2023-2024") and where it ends. */
export type UsedPoint = { period: string; year: number; quarter: number; value: number; provisional: boolean };

export type Coverage = {
  /** Expected units with a value, expected units, units needed to judge the floor. */
  reported: number;
  expected: number;
  required: number;
  /** The least favourable unit among those that reported, with its own status. */
  worst: { unitId: number; name: string; status: MilestoneStatus } | null;
};

export type Explanation = {
  /** Target year. */
  milestone: number;
  phase: Phase;
  /** The data cut-off: the milestone is FINAL from this instant. */
  finalFrom: Date;
  method: Method;
  measure: Measure;
  periodicity: Periodicity;
  target: { comparator: Comparator; value: number; approximate: boolean };
  /** The base year asked for (null: the decision gives none). */
  baseYear: number | null;
  base: UsedPoint | null;
  /** The base year had no value: the base is the nearest later one. */
  baseShifted: boolean;
  /** The deciding (or latest) value. */
  latest: UsedPoint | null;
  /** After year Y: the deciding value's period does not end in Y (an older value decided). */
  latestOutsideTargetYear: boolean;
  /**
   * Per year, raw (no direction sign): a CAGR fraction (0.052 = 5.2 %/yr) for "cagr", units per
   * year for "linear" and "points", positions gained per year for "positions" (rank falling =
   * positive), the rate itself for "rate".
   */
  rateNeeded: number | null;
  rateAchieved: number | null;
  /** R rounded to 2 decimals, as classified; ±Infinity when the needed change is 0. */
  ratio: number | null;
  /** The kind's tolerance: absolute, or a fraction of the base value when relative. */
  tolerance: { value: number; relative: boolean };
  /** The move from base to latest was within tolerance and counted as none. */
  stalled: boolean;
  direction: 1 | -1;
  /** Values (one per period) from the base on that the status was computed from. */
  points: number;
  reason: Reason | null;
  coverage: Coverage | null;
};

export type StatusResult = { status: MilestoneStatus; explanation: Explanation };

const DAY_MS = 24 * 60 * 60 * 1000;
const EQ_TOLERANCE = 1e-9;

/** x rounded to `places` decimals, half away from zero, on its decimal digits (0.945 → 0.95). */
export function roundTo(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  // toFixed(12) first drops binary noise (0.9499999999999999 → "0.950000000000"); the "e" shift
  // then rounds the decimal digits themselves rather than a binary product.
  const clean = abs.toFixed(12);
  const r = Number(`${Math.round(Number(`${clean}e${places}`))}e-${places}`);
  return r === 0 ? 0 : Math.sign(x) * r;
}

export function meets(value: number, comparator: Comparator, target: number): boolean {
  const v = roundTo(value, 9);
  const t = roundTo(target, 9);
  switch (comparator) {
    case "GT":
      return v > t;
    case "GTE":
      return v >= t;
    case "EQ":
      return Math.abs(value - target) < EQ_TOLERANCE;
    case "LTE":
      return v <= t;
    case "LT":
      return v < t;
  }
}

/**
 * +1 when the indicator must rise to meet the target, −1 when it must fall. An inequality says so
 * itself (ranks "nhóm 50" are LTE, upper bounds "dưới 10%" LT), whatever the indicator's direction
 * field. For EQ, a target at the top of a bounded scale (100%, BOOLEAN 1) is approached from below
 * and one at the bottom (0) from above; otherwise the indicator's direction decides.
 */
export function directionOf(target: Pick<TargetSpec, "comparator" | "value" | "kind" | "direction">): 1 | -1 {
  switch (target.comparator) {
    case "GT":
    case "GTE":
      return 1;
    case "LT":
    case "LTE":
      return -1;
    case "EQ": {
      const top = target.kind === "PERCENT" ? 100 : target.kind === "BOOLEAN" ? 1 : null;
      if (top !== null && target.value >= top) return 1;
      if (top !== null && target.value <= 0) return -1;
      return target.direction === "LOWER_IS_BETTER" ? -1 : 1;
    }
  }
}

export function measureOf(t: Pick<TargetSpec, "kind" | "min" | "max">): Measure {
  switch (t.kind) {
    case "RANK":
      return "RANK";
    case "RATE_PER_YEAR":
      return "RATE";
    case "BOOLEAN":
      return "BOOLEAN";
    case "PERCENT":
      return "BOUNDED";
    default:
      return t.min != null && t.max != null ? "BOUNDED" : "LEVEL";
  }
}

/** Section 8: a move no larger than this counts as none. */
export function toleranceOf(measure: Measure): { value: number; relative: boolean } {
  switch (measure) {
    case "BOUNDED":
    case "RATE":
      return { value: 0.5, relative: false };
    case "RANK":
      return { value: 1, relative: false };
    case "LEVEL":
      return { value: 0.01, relative: true };
    case "BOOLEAN":
      return { value: 0, relative: false };
  }
}

/** The absolute tolerance around `reference` (the base value for a move, X for "khoảng X"). */
function absoluteTolerance(tol: { value: number; relative: boolean }, reference: number): number {
  return tol.relative ? tol.value * Math.abs(reference) : tol.value;
}

/** Compound annual growth rate from b at time tb to a at time ta, as a fraction per year. */
export function cagr(a: number, b: number, ta: number, tb: number): number {
  return Math.pow(a / b, 1 / (ta - tb)) - 1;
}

/** Straight-line change per year from b at time tb to a at time ta. */
export function linearRate(a: number, b: number, ta: number, tb: number): number {
  return (a - b) / (ta - tb);
}

/** CAGR needs positive values (a ratio of logs); zeros and negatives fall back to linear rates. */
export function usesCagr(v0: number, v1: number, vT: number): boolean {
  return v0 > 0 && v1 > 0 && vT > 0;
}

/**
 * R = d · achieved / |needed|. A needed rate of 0 means the base sits exactly on the target
 * without meeting it (GT 50 from 50): any move the right way is infinitely fast (+∞), any move the
 * wrong way −∞, no move 0 (limited progress).
 */
export function progressRatio(achieved: number, needed: number, d: 1 | -1): number {
  if (needed === 0) {
    const signed = d * achieved;
    return signed > 0 ? Infinity : signed < 0 ? -Infinity : 0;
  }
  return (d * achieved) / Math.abs(needed);
}

/** Open SDG thresholds for a target not yet met, on R already rounded to 2 decimals. */
export function classifyRatio(r: number): MilestoneStatus {
  if (r >= 0.95) return "ON_TRACK";
  if (r >= 0.6) return "NEEDS_ACCELERATION";
  if (r >= 0) return "LIMITED_PROGRESS";
  return "MOVING_AWAY";
}

// ---- Periods ------------------------------------------------------------------------------------

/** A value placed in its period: the period's label, its first and last year, and its end time. */
type Placed = Point & { period: string; startYear: number; endYear: number; t: number; overAt: number };

function place(p: Point, periodicity: Periodicity): Placed {
  switch (periodicity) {
    case "QUARTER":
      return {
        ...p,
        period: `${p.year}-Q${p.quarter}`,
        startYear: p.year,
        endYear: p.year,
        t: p.year + p.quarter / 4,
        overAt: Date.UTC(p.year, p.quarter * 3, 1),
      };
    case "YEAR":
      return {
        ...p,
        period: `${p.year}`,
        startYear: p.year,
        endYear: p.year,
        t: p.year + 1,
        overAt: Date.UTC(p.year + 1, 0, 1),
      };
    case "TWO_YEARS": {
      const end = p.year % 2 === 0 ? p.year : p.year + 1;
      const overAt = Date.UTC(end + 1, 0, 1);
      return { ...p, period: `${end - 1}-${end}`, startYear: end - 1, endYear: end, t: end + 1, overAt };
    }
  }
}

/** Section 3: does `a` win over `b`, two values of one period? */
function wins(a: Placed, b: Placed, d: 1 | -1): boolean {
  const keys: [number, number][] = [
    [a.year * 4 + a.quarter, b.year * 4 + b.quarter],
    [a.at ?? -Infinity, b.at ?? -Infinity],
    [a.id ?? -Infinity, b.id ?? -Infinity],
    [-d * a.value, -d * b.value],
  ];
  for (const [x, y] of keys) if (x !== y) return x > y;
  return false;
}

/** One value per period, periods over at `nowMs` only, oldest first. */
export function collapse(series: readonly Point[], periodicity: Periodicity, nowMs: number, d: 1 | -1): Placed[] {
  const best = new Map<string, Placed>();
  for (const raw of series) {
    if (!Number.isFinite(raw.value)) continue;
    const p = place(raw, periodicity);
    if (p.overAt > nowMs) continue;
    const cur = best.get(p.period);
    if (!cur || wins(p, cur, d)) best.set(p.period, p);
  }
  return [...best.values()].sort((a, b) => a.t - b.t);
}

/** Section 4: the base value and whether it had to move to a later period. */
function findBase(points: readonly Placed[], baseYear: number | null): { base: Placed | null; shifted: boolean } {
  if (baseYear == null) return { base: null, shifted: false };
  const covering = points.filter((p) => p.startYear <= baseYear && baseYear <= p.endYear);
  if (covering.length) return { base: covering[covering.length - 1], shifted: false };
  const later = points.find((p) => p.startYear > baseYear);
  return { base: later ?? null, shifted: !!later };
}

const used = (p: Placed | null): UsedPoint | null =>
  p ? { period: p.period, year: p.year, quarter: p.quarter, value: p.value, provisional: !!p.provisional } : null;

// ---- Pace -----------------------------------------------------------------------------------------

type Pace = { method: Method; rateNeeded: number; rateAchieved: number; ratio: number; stalled: boolean };

/** Section 7 for levels, bounded percentages and ranks: null without two values at different times. */
function pace(base: Placed, latest: Placed, target: TargetSpec, measure: Measure, d: 1 | -1): Pace | null {
  const t0 = base.t;
  const t1 = latest.t;
  const tT = target.year + 1;
  if (!(t1 > t0) || !(tT > t0)) return null;
  const tol = absoluteTolerance(toleranceOf(measure), base.value);
  const stalled = roundTo(Math.abs(latest.value - base.value), 9) <= tol;
  const v1 = stalled ? base.value : latest.value;
  let method: Method;
  let rateNeeded: number;
  let rateAchieved: number;
  if (measure === "RANK") {
    method = "positions";
    rateNeeded = linearRate(base.value, target.value, tT, t0);
    rateAchieved = linearRate(base.value, v1, t1, t0);
    // positions gained are positive whichever way the rank must go
    const ratio = progressRatio(rateAchieved, rateNeeded, 1);
    return { method, rateNeeded, rateAchieved, ratio: roundTo(d === -1 ? ratio : -ratio, 2), stalled };
  }
  if (measure === "LEVEL" && usesCagr(base.value, latest.value, target.value)) {
    method = "cagr";
    rateNeeded = cagr(target.value, base.value, tT, t0);
    rateAchieved = cagr(v1, base.value, t1, t0);
  } else {
    method = measure === "BOUNDED" ? "points" : "linear";
    rateNeeded = linearRate(target.value, base.value, tT, t0);
    rateAchieved = linearRate(v1, base.value, t1, t0);
  }
  return { method, rateNeeded, rateAchieved, ratio: roundTo(progressRatio(rateAchieved, rateNeeded, d), 2), stalled };
}

/** Growth-rate targets: the latest rate against the required one. */
function ratePace(latest: Placed, target: TargetSpec, d: 1 | -1): Pace | null {
  if (d !== 1 || !(target.value > 0)) return null;
  return {
    method: "rate",
    rateNeeded: target.value,
    rateAchieved: latest.value,
    ratio: roundTo(latest.value / target.value, 2),
    stalled: false,
  };
}

// ---- The status ---------------------------------------------------------------------------------

export function phaseOf(targetYear: number, cutoffDays: number, now: Date): { phase: Phase; finalFrom: Date } {
  const yearOver = Date.UTC(targetYear + 1, 0, 1);
  const finalFrom = new Date(yearOver + cutoffDays * DAY_MS);
  const ms = now.getTime();
  return { phase: ms < yearOver ? "IN_PROGRESS" : ms < finalFrom.getTime() ? "PROVISIONAL" : "FINAL", finalFrom };
}

/** Threshold met, "khoảng X" within the kind's tolerance of X. */
export function meetsTarget(value: number, target: TargetSpec): boolean {
  if (meets(value, target.comparator, target.value)) return true;
  if (!target.approximate) return false;
  const tol = absoluteTolerance(toleranceOf(measureOf(target)), target.value);
  return roundTo(Math.abs(value - target.value), 9) <= tol;
}

/**
 * Status of one target (one decision, one indicator, one year) from one series: every rule of the
 * method described at the top of this file. `reason` forces an empty series with that reason
 * (a subgroup without its series, a level nobody reports).
 */
export function milestoneStatus(
  target: TargetSpec,
  series: readonly Point[],
  now: Date,
  spec: SeriesSpec = QUARTERLY_AGENCY_SERIES,
  reason: Reason | null = null,
): StatusResult {
  const d = directionOf(target);
  const measure = measureOf(target);
  const { phase, finalFrom } = phaseOf(target.year, spec.cutoffDays, now);
  const all = reason ? [] : collapse(series, spec.periodicity, now.getTime(), d);
  const { base, shifted } = findBase(all, target.baseYear);
  const fromBase = target.baseYear == null ? all : base ? all.filter((p) => p.t >= base.t) : [];
  const past = phase !== "IN_PROGRESS";
  const usable = past ? fromBase.filter((p) => p.endYear <= target.year) : fromBase;
  const latest = usable.length ? usable[usable.length - 1] : null;
  const pc = !latest
    ? null
    : measure === "RATE"
      ? ratePace(latest, target, d)
      : base && measure !== "BOOLEAN"
        ? pace(base, latest, target, measure, d)
        : null;

  const result = (status: MilestoneStatus, method: Method): StatusResult => ({
    status,
    explanation: {
      milestone: target.year,
      phase,
      finalFrom,
      method,
      measure,
      periodicity: spec.periodicity,
      target: { comparator: target.comparator, value: target.value, approximate: !!target.approximate },
      baseYear: target.baseYear,
      base: measure === "RATE" ? null : used(base),
      baseShifted: measure === "RATE" ? false : shifted,
      latest: used(latest),
      latestOutsideTargetYear: past && !!latest && latest.endYear !== target.year,
      rateNeeded: pc?.rateNeeded ?? null,
      rateAchieved: pc?.rateAchieved ?? null,
      ratio: pc?.ratio ?? null,
      tolerance: toleranceOf(measure),
      stalled: pc?.stalled ?? false,
      direction: d,
      points: usable.length,
      reason:
        reason ?? (target.baseYear == null && measure !== "RATE" && measure !== "BOOLEAN" ? "NO_BASE_YEAR" : null),
      coverage: null,
    },
  });

  const met = !!latest && meetsTarget(latest.value, target);
  if (past) {
    if (!latest) return result("NO_DATA", "threshold");
    return result(met ? "ACHIEVED" : "MISSED", "threshold");
  }
  if (!latest) return result("NOT_ENOUGH_DATA", "none");
  if (measure === "RATE") {
    if (met) return result("ON_TRACK", "rate");
    return pc ? result(classifyRatio(pc.ratio), "rate") : result("LIMITED_PROGRESS", "met");
  }
  if (met) return result("ACHIEVED", "threshold");
  if (measure === "BOOLEAN") return result("LIMITED_PROGRESS", "met");
  if (!pc) return result("NOT_ENOUGH_DATA", "none");
  return result(classifyRatio(pc.ratio), pc.method);
}

/**
 * Worst first. Unknown statuses sit right after the two statuses that are definitely bad, so a unit
 * that has not reported can never make a per-unit target look better than its worst reporting
 * unit, yet a unit moving away (or a final miss) is still shown rather than hidden by a gap.
 */
const ORDER: readonly MilestoneStatus[] = [
  "MOVING_AWAY",
  "MISSED",
  "NO_DATA",
  "INSUFFICIENT_COVERAGE",
  "NOT_ENOUGH_DATA",
  "LIMITED_PROGRESS",
  "NEEDS_ACCELERATION",
  "ON_TRACK",
  "ACHIEVED",
];

/** Sort key, 0 = worst. */
export function statusRank(s: MilestoneStatus): number {
  return ORDER.indexOf(s);
}

/**
 * The least favourable of several results (the same object; the first one on ties), or null when
 * there are none.
 */
export function worstStatus(results: readonly StatusResult[]): StatusResult | null {
  let worst: StatusResult | null = null;
  for (const r of results) {
    if (!worst || statusRank(r.status) < statusRank(worst.status)) worst = r;
  }
  return worst;
}

export type Unit = { unitId: number; name: string; series: readonly Point[] };

/**
 * Section 9: a per-unit floor over the units expected to report. `minCoverage`: the share (0–1) of
 * them that must have a value; null: all of them.
 */
export function perUnitStatus(
  target: TargetSpec,
  units: readonly Unit[],
  now: Date,
  minCoverage: number | null,
  spec: SeriesSpec = QUARTERLY_AGENCY_SERIES,
): StatusResult {
  const results = units.map((u) => ({ unit: u, r: milestoneStatus(target, u.series, now, spec) }));
  const reporting = results.filter((x) => x.r.explanation.latest !== null);
  const expected = units.length;
  const share = minCoverage == null ? 1 : Math.min(1, Math.max(0, minCoverage));
  // at least one unit: a floor is never judged on nobody
  const required = Math.max(1, Math.ceil(roundTo(share * expected, 9)));
  const worst = worstStatus(reporting.map((x) => x.r));
  const worstUnit = worst ? reporting.find((x) => x.r === worst)!.unit : null;
  const coverage: Coverage = {
    reported: reporting.length,
    expected,
    required,
    worst: worst && worstUnit ? { unitId: worstUnit.unitId, name: worstUnit.name, status: worst.status } : null,
  };
  if (!worst || reporting.length < required) {
    const base = worst ?? milestoneStatus(target, [], now, spec);
    return { status: "INSUFFICIENT_COVERAGE", explanation: { ...base.explanation, coverage } };
  }
  return { status: worst.status, explanation: { ...worst.explanation, coverage } };
}

export type TaskStatus =
  "DONE_ON_TIME" | "DONE_LATE" | "IN_PROGRESS" | "OVERDUE" | "NOT_STARTED" | "ONGOING" | "NO_REPORT";

export type TaskProgressInput = {
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED";
  completedOn: Date | null;
  updatedAt: Date;
};

/** First instant after the UTC calendar day of d: a task due on a day may be done until midnight. */
function dayOverAt(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

/**
 * Status of a task for one reporting agency from its latest progress report.
 * DONE is dated by completedOn, or by updatedAt when the reporter gave no date. A recurring task
 * ("Hằng năm", "Thường xuyên") has no due date and is never overdue: ONGOING once work is reported
 * (IN_PROGRESS or BLOCKED), NOT_STARTED when NOT_STARTED was reported. Past its due day an
 * unfinished task is OVERDUE, blocked or not. With no approved report at all the status is NO_REPORT,
 * past its due day or not: nothing is known, and calling it overdue would claim what no one said.
 */
export function taskStatus(
  task: { dueOn: Date | null; recurring: boolean },
  latest: TaskProgressInput | null,
  now: Date,
): TaskStatus {
  if (!latest) return "NO_REPORT";
  if (latest.status === "DONE") {
    if (!task.dueOn) return "DONE_ON_TIME";
    const doneAt = (latest.completedOn ?? latest.updatedAt).getTime();
    return doneAt < dayOverAt(task.dueOn) ? "DONE_ON_TIME" : "DONE_LATE";
  }
  const working = latest.status === "IN_PROGRESS" || latest.status === "BLOCKED";
  if (task.recurring) return working ? "ONGOING" : "NOT_STARTED";
  if (task.dueOn && now.getTime() >= dayOverAt(task.dueOn)) return "OVERDUE";
  return working ? "IN_PROGRESS" : "NOT_STARTED";
}
