// Pure rules of the admin screens: which agencies are current, period date order, day and time
// conversions. No database, no framework: unit-tested in rules.test.ts.
import { formatDateTime } from "@/lib/format";
import { msg, type Msg } from "@/i18n/translate";

const DAY = 24 * 60 * 60 * 1000;
/** Viet Nam has no daylight saving time: local time is always UTC+7. */
const VN_OFFSET = 7 * 60 * 60 * 1000;

export const USERS_PAGE_SIZE = 25;
export const PERIODS_PAGE_SIZE = 12;
export const ASSIGNMENTS_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 50;

/** Midnight UTC of the calendar day of `now`: agency validity dates are calendar days. */
export function utcToday(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** An agency exists today: started (or no start date) and not ended before today. */
export function isCurrentAgency(a: { validFrom: Date | null; validTo: Date | null }, now: Date): boolean {
  const today = utcToday(now);
  return (a.validFrom == null || a.validFrom <= today) && (a.validTo == null || a.validTo >= today);
}

/** Prisma `where` for agencies that exist today (same rule as isCurrentAgency). */
export function currentAgencyWhere(now: Date) {
  const today = utcToday(now);
  return {
    AND: [
      { OR: [{ validFrom: null }, { validFrom: { lte: today } }] },
      { OR: [{ validTo: null }, { validTo: { gte: today } }] },
    ],
  };
}

/** "2026-03-31" → that day at 00:00 UTC; null for anything that is not a real calendar day. */
export function parseDay(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s.trim() ? d : null;
}

/** The UTC calendar day of a timestamp, as an <input type="date"> value. */
export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The new value of a period date from a day typed in a date field: an unchanged day keeps the
 * stored time of day, so saving one date does not shift the others.
 */
export function keepTimeIfSameDay(stored: Date, day: Date): Date {
  return dayOf(stored) === dayOf(day) ? stored : day;
}

/** Field errors for a period's dates: opens < due ≤ locks. */
export function periodDateErrors(p: { opensAt: Date; dueAt: Date; locksAt: Date }): Record<string, Msg[]> {
  const errors: Record<string, Msg[]> = {};
  if (p.dueAt.getTime() <= p.opensAt.getTime()) errors.dueAt = [msg("admin.server.dueAfterOpens")];
  if (p.locksAt.getTime() < p.dueAt.getTime()) errors.locksAt = [msg("admin.server.locksAfterDue")];
  return errors;
}

/** Start and end (exclusive) of Viet Nam calendar days, for the audit log's date filters. */
export function vnDayRange(from: Date | null, to: Date | null): { gte?: Date; lt?: Date } {
  const r: { gte?: Date; lt?: Date } = {};
  if (from) r.gte = new Date(from.getTime() - VN_OFFSET);
  if (to) r.lt = new Date(to.getTime() + DAY - VN_OFFSET);
  return r;
}

/** dd/mm/yyyy hh:mm in Viet Nam time. */
export function formatDateTimeVn(d: Date): string {
  return formatDateTime(d, "vi");
}

/** Compact JSON for the audit table, cut at `max` characters. */
export function compactJson(value: unknown, max = 300): string {
  if (value === null || value === undefined) return "—";
  const s = JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Page count and a page number clamped into it. */
export function pageInfo(total: number, pageSize: number, page: number): { page: number; pages: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { page: p, pages, skip: (p - 1) * pageSize };
}
