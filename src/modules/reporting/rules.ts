// Pure rules of the reporting workflow: value validation by indicator kind, the outlier check
// that asks for an explanation, and the state of a reporting period. No database access.
import { msg, type Msg } from "@/i18n/translate";

export type IndicatorRule = { kind: string; minValue: number | null; maxValue: number | null; unit: string };

/** Parses what a reporter typed ("20,5", "1.000", " 42 ") into a number, or an error message. */
export function parseValue(raw: string, ind: IndicatorRule): { value: number } | { error: Msg } {
  const s = raw.trim().replace(/\s+/g, "");
  if (s === "") return { error: msg("errors.value.required") };
  if (s.length > 30) return { error: msg("errors.value.tooLong") };
  // Vietnamese style: "." groups thousands, "," is the decimal mark. "1.000,5" → 1000.5; "20.5" is
  // accepted as a decimal only when it cannot be a thousands group.
  let normal = s;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, "").replace(",", ".");
  else normal = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { error: msg("errors.value.notNumber") };
  const value = Number(normal);
  if (!Number.isFinite(value)) return { error: msg("errors.value.notFinite") };
  switch (ind.kind) {
    case "PERCENT":
      if (value < 0 || value > 100) return { error: msg("errors.value.percent") };
      break;
    case "RANK":
      if (!Number.isInteger(value) || value < 1) return { error: msg("errors.value.rank") };
      break;
    case "COUNT":
      if (!Number.isInteger(value) || value < 0) return { error: msg("errors.value.count") };
      break;
    case "BOOLEAN":
      if (value !== 0 && value !== 1) return { error: msg("errors.value.boolean") };
      break;
    case "AMOUNT":
      if (value < 0) return { error: msg("errors.value.negative") };
      break;
    default:
      break;
  }
  if (ind.minValue != null && value < ind.minValue)
    return { error: msg("errors.value.min", { min: String(ind.minValue) }) };
  if (ind.maxValue != null && value > ind.maxValue)
    return { error: msg("errors.value.max", { max: String(ind.maxValue) }) };
  return { value };
}

/**
 * Whether a value moved so far from the previous quarter's that the reporter must explain it:
 * more than 20 points for percentages and rates, more than 50% (relative) otherwise, any change
 * for yes/no indicators never.
 */
export function needsExplanation(previous: number | null | undefined, next: number, kind: string): boolean {
  if (previous == null) return false;
  if (kind === "BOOLEAN") return false;
  if (kind === "PERCENT" || kind === "RATE_PER_YEAR") return Math.abs(next - previous) > 20;
  if (previous === 0) return next !== 0 && Math.abs(next) > 10;
  return Math.abs(next - previous) / Math.abs(previous) > 0.5;
}

// The period calendar is shared with the seed, so it lives in lib.
export { defaultPeriodDates, periodState, type PeriodDates, type PeriodState } from "@/lib/periods";
import { periodState, type PeriodDates } from "@/lib/periods";

/** Can this item be edited by its agency now? Locked periods need a reviewer to reopen the item. */
export function editable(state: string, period: PeriodDates, now: Date, reopened: boolean): boolean {
  if (state === "SUBMITTED" || state === "APPROVED") return false;
  const ps = periodState(period, now);
  if (ps === "NOT_OPEN") return false;
  return ps !== "LOCKED" || reopened;
}

/** Submitted items per kind on one page of the review queue (indicator values and task progress each). */
export const REVIEW_PAGE_SIZE = 100;

/** Pages of the review queue: the longer of the two lists decides. */
export function reviewPages(obsTotal: number, taskTotal: number, size = REVIEW_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(Math.max(obsTotal, taskTotal) / size));
}

/**
 * Whether a draft can go to the reviewer as it is stored: the same checks a submission makes
 * (a value, a result for a started task, an explanation for a large change). A returned item is
 * ready only once its agency has saved it again: resubmitting what the reviewer returned unchanged
 * is never done for the reporter.
 */
export function readyToSubmit(item: {
  state: string;
  editable: boolean;
  complete: boolean;
  savedSinceReturn: boolean;
}): boolean {
  if (!item.editable || !item.complete) return false;
  return item.state === "DRAFT" || (item.state === "RETURNED" && item.savedSinceReturn);
}

/** A stored value written back the way a reporter types it ("1000,5"), so parseValue reads it unchanged. */
export function valueText(n: number | null): string {
  if (n == null) return "";
  let s = String(n);
  if (/e/i.test(s)) s = n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return s.replace(".", ",");
}

/** The change from the previously approved value: absolute, and relative when that means something. */
export function valueChange(
  previous: number | null | undefined,
  next: number | null | undefined,
): { delta: number; percent: number | null } | null {
  if (previous == null || next == null) return null;
  const delta = Math.round((next - previous) * 1e6) / 1e6;
  return { delta, percent: previous === 0 ? null : Math.round(((next - previous) / Math.abs(previous)) * 1000) / 10 };
}
