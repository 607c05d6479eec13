// Progress status of a target milestone and of a task. Pure: no database, no framework.
//
// Milestones follow the Open SDG method (Statistics Canada / Eurostat): compare the growth rate
// achieved from the first to the latest value with the rate needed from the first value to the
// target, R = d · CAGR(v1, v0, t1, t0) / |CAGR(vT, v0, tT, t0)|, one status per target year.
// Times are fractional years at the END of a quarter (2024 Q3 → 2024.75, Q4 → year + 1), so a
// target for year Y is due at tT = Y + 1. Dates are UTC calendar days, as in periods.ts.
import type { Comparator } from "./format";
import { fractionalYear } from "./periods";

export type { Comparator };

export type Point = { year: number; quarter: number; value: number };

export type TargetSpec = {
  year: number;
  comparator: Comparator;
  value: number;
  /** IndicatorKind: PERCENT | COUNT | RATE_PER_YEAR | RANK | BOOLEAN | AMOUNT. */
  kind: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
};

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
  "NOT_ENOUGH_DATA",
  "NO_DATA",
] as const;

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export type Explanation = {
  /** Target year. */
  milestone: number;
  /** The target year is over: the status is ACHIEVED, MISSED or NO_DATA. */
  final: boolean;
  method: "final" | "cagr" | "linear" | "none";
  target: { comparator: Comparator; value: number };
  base: { year: number; quarter: number; value: number } | null;
  latest: { year: number; quarter: number; value: number } | null;
  /** Per year, raw (no direction sign): a CAGR fraction (0.052 = 5.2 %/yr) or linear units/yr. */
  rateNeeded: number | null;
  rateAchieved: number | null;
  /** R; ±Infinity when the needed rate is 0 (JSON.stringify writes it as null). */
  ratio: number | null;
  direction: 1 | -1;
  /** Number of points the status was computed from. */
  points: number;
};

export type StatusResult = { status: MilestoneStatus; explanation: Explanation };

const EQ_TOLERANCE = 1e-9;

export function meets(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case "GT":
      return value > target;
    case "GTE":
      return value >= target;
    case "EQ":
      return Math.abs(value - target) < EQ_TOLERANCE;
    case "LTE":
      return value <= target;
    case "LT":
      return value < target;
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

/** Open SDG thresholds for a target not yet met. */
export function classifyRatio(r: number): MilestoneStatus {
  if (r >= 0.95) return "ON_TRACK";
  if (r >= 0.6) return "NEEDS_ACCELERATION";
  if (r >= 0) return "LIMITED_PROGRESS";
  return "MOVING_AWAY";
}

/** Milliseconds at which a quarter is over (first instant of the next quarter, UTC). */
function quarterOverAt(p: Point): number {
  return Date.UTC(p.year, p.quarter * 3, 1);
}

function byTime(a: Point, b: Point): number {
  return a.year - b.year || a.quarter - b.quarter;
}

const copy = (p: Point) => ({ year: p.year, quarter: p.quarter, value: p.value });

type Progress = {
  method: "cagr" | "linear";
  base: Point;
  rateNeeded: number;
  rateAchieved: number;
  ratio: number;
};

/** Rates from the first to the last point; null when there are not two distinct times. */
function progress(sorted: Point[], target: TargetSpec, d: 1 | -1): Progress | null {
  if (sorted.length < 2) return null;
  const base = sorted[0];
  const latest = sorted[sorted.length - 1];
  const t0 = fractionalYear(base);
  const t1 = fractionalYear(latest);
  const tT = target.year + 1;
  if (!(t1 > t0)) return null;
  const method = usesCagr(base.value, latest.value, target.value) ? "cagr" : "linear";
  const rate = method === "cagr" ? cagr : linearRate;
  const rateAchieved = rate(latest.value, base.value, t1, t0);
  const rateNeeded = rate(target.value, base.value, tT, t0);
  return { method, base, rateNeeded, rateAchieved, ratio: progressRatio(rateAchieved, rateNeeded, d) };
}

/**
 * Status of one target (one decision, one indicator, one year) from a quarterly series.
 * Points are ignored while their quarter is not over at `now` (a value describes the end of its
 * quarter). Once the target year is over the milestone is final and only values of the target
 * year or earlier count: the latest of them is ACHIEVED or MISSED, none at all is NO_DATA.
 */
export function milestoneStatus(target: TargetSpec, series: Point[], now: Date): StatusResult {
  const d = directionOf(target);
  const nowMs = now.getTime();
  const final = nowMs >= Date.UTC(target.year + 1, 0, 1);
  const points = series
    .filter((p) => Number.isFinite(p.value) && quarterOverAt(p) <= nowMs && (!final || p.year <= target.year))
    .sort(byTime);
  const latest = points.length > 0 ? points[points.length - 1] : null;
  const prog = progress(points, target, d);

  const explain = (method: Explanation["method"]): Explanation => ({
    milestone: target.year,
    final,
    method,
    target: { comparator: target.comparator, value: target.value },
    base: prog ? copy(prog.base) : null,
    latest: latest ? copy(latest) : null,
    rateNeeded: prog ? prog.rateNeeded : null,
    rateAchieved: prog ? prog.rateAchieved : null,
    ratio: prog ? prog.ratio : null,
    direction: d,
    points: points.length,
  });

  if (final) {
    if (!latest) return { status: "NO_DATA", explanation: explain("final") };
    return {
      status: meets(latest.value, target.comparator, target.value) ? "ACHIEVED" : "MISSED",
      explanation: explain("final"),
    };
  }
  if (!latest) return { status: "NOT_ENOUGH_DATA", explanation: explain("none") };
  if (meets(latest.value, target.comparator, target.value)) {
    return { status: "ACHIEVED", explanation: explain(prog ? prog.method : "none") };
  }
  if (!prog) return { status: "NOT_ENOUGH_DATA", explanation: explain("none") };
  return { status: classifyRatio(prog.ratio), explanation: explain(prog.method) };
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
 * Status of a target with a per-unit scope ("each sector at least 10%"): the least favourable
 * unit's result (the same object; the first one on ties), or null when there are no units.
 */
export function worstStatus(results: StatusResult[]): StatusResult | null {
  let worst: StatusResult | null = null;
  for (const r of results) {
    if (!worst || statusRank(r.status) < statusRank(worst.status)) worst = r;
  }
  return worst;
}

export type TaskStatus = "DONE_ON_TIME" | "DONE_LATE" | "IN_PROGRESS" | "OVERDUE" | "NOT_STARTED" | "ONGOING";

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
 * (IN_PROGRESS or BLOCKED), NOT_STARTED when nothing or NOT_STARTED was reported. Past its due day
 * an unfinished task is OVERDUE, blocked or not.
 */
export function taskStatus(
  task: { dueOn: Date | null; recurring: boolean },
  latest: TaskProgressInput | null,
  now: Date,
): TaskStatus {
  if (latest?.status === "DONE") {
    if (!task.dueOn) return "DONE_ON_TIME";
    const doneAt = (latest.completedOn ?? latest.updatedAt).getTime();
    return doneAt < dayOverAt(task.dueOn) ? "DONE_ON_TIME" : "DONE_LATE";
  }
  const working = latest?.status === "IN_PROGRESS" || latest?.status === "BLOCKED";
  if (task.recurring) return working ? "ONGOING" : "NOT_STARTED";
  if (task.dueOn && now.getTime() >= dayOverAt(task.dueOn)) return "OVERDUE";
  return working ? "IN_PROGRESS" : "NOT_STARTED";
}
