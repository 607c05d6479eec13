// One row validator per kind, shared by the forms' actions and the JSON API (through mutations.ts)
// and by the Excel import (excel/parse.ts), so a value refused in one is refused in all, with the
// same message. Pure: what is stored comes in as arguments.
import { msg, type Msg } from "@/i18n/translate";
import { editable, needsExplanation, parseValue, type IndicatorRule, type PeriodDates } from "./rules";

export type RowIssues = Record<string, Msg[]>;

const EVIDENCE_URL = /^https?:\/\/\S+$/i;
const blank = (s: string | null | undefined) => !s || !s.trim();

function add(issues: RowIssues, field: string, m: Msg): void {
  (issues[field] ??= []).push(m);
}

function checkEvidenceUrl(issues: RowIssues, url: string | undefined): void {
  if (url && !EVIDENCE_URL.test(url.trim())) add(issues, "evidenceUrl", msg("errors.reporting.evidenceUrl"));
}

/**
 * An indicator row: the value read by the indicator's kind, a value before submitting, an
 * explanation for a large change from `previous` (last quarter's value) before submitting, and
 * the evidence link.
 */
export function checkIndicatorRow(
  row: { value: string; explanation?: string; evidenceUrl?: string; submit?: boolean },
  ind: IndicatorRule,
  previous?: number | null,
): { value: number | null; issues: RowIssues } {
  const issues: RowIssues = {};
  let value: number | null = null;
  if (!blank(row.value)) {
    const parsed = parseValue(row.value, ind);
    if ("error" in parsed) add(issues, "value", parsed.error);
    else value = parsed.value;
  } else if (row.submit) add(issues, "value", msg("errors.reporting.valueRequired"));
  checkEvidenceUrl(issues, row.evidenceUrl);
  if (row.submit && value != null && needsExplanation(previous, value, ind.kind) && blank(row.explanation)) {
    add(issues, "explanation", msg("errors.reporting.explain", { before: previous!, after: value }));
  }
  return { value, issues };
}

/** Completion as typed: digits only ("1e2", "0x32" are not percentages), a whole number 0–100. */
export function parsePercent(raw: string): { percent: number | null; ok: boolean } {
  const t = raw.trim();
  if (!t) return { percent: null, ok: true };
  const n = /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100 ? { percent: n, ok: true } : { percent: null, ok: false };
}

/**
 * A task row: the completion percentage, 100 for a finished task (and 100 when left empty),
 * results before submitting a started task, and the evidence link.
 */
export function checkTaskRow(row: {
  status: string | null;
  percent: string;
  achieved?: string;
  evidenceUrl?: string;
  submit?: boolean;
}): {
  percent: number | null;
  issues: RowIssues;
} {
  const issues: RowIssues = {};
  const parsed = parsePercent(row.percent);
  let percent = parsed.percent;
  if (!parsed.ok) add(issues, "percent", msg("errors.reporting.percent"));
  if (row.status === "DONE" && percent != null && percent < 100)
    add(issues, "percent", msg("errors.reporting.doneIsHundred"));
  if (row.status === "DONE" && percent == null) percent = 100;
  if (row.submit && row.status !== "NOT_STARTED" && blank(row.achieved))
    add(issues, "achieved", msg("errors.reporting.achievedRequired"));
  checkEvidenceUrl(issues, row.evidenceUrl);
  return { percent, issues };
}

/** Why a stored item (or a new one, when `item` is undefined) cannot be written now, if it cannot. */
export function editRefusal(
  item: { state: string; reopened: boolean } | undefined,
  period: PeriodDates,
  now: Date,
): Msg | null {
  if (!item) return editable("DRAFT", period, now, false) ? null : msg("errors.reporting.periodClosed");
  if (editable(item.state, period, now, item.reopened)) return null;
  return item.state === "SUBMITTED" || item.state === "APPROVED"
    ? msg("errors.reporting.submittedOrApproved")
    : msg("errors.reporting.lockedNeedsReopen");
}
