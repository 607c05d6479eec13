// Which reminders are due at an instant: pure, so "five days before the deadline" is tested as a
// rule, not by waiting. The scheduler job (./reminders.ts) turns each into a job whose key names
// the reminder, so however many instances or hourly runs see it due, it is written once.
import { periodKey, periodState, type PeriodDates, type Quarter } from "@/lib/periods";

export const DUE_SOON_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
/** Reviewers' daily reminders wait for the working day to start (Vietnam time). */
export const DAILY_HOUR_VN = 8;

export type ReminderKind = "PERIOD_OPEN" | "DUE_SOON" | "OVERDUE" | "WAITING" | "AGENCIES_LATE";
export type DueReminder = { kind: ReminderKind; key: string; period: Quarter | null };
export type PeriodRow = Quarter & PeriodDates;

/** How long after a task's internal deadline its person is told it is overdue (once). */
export const OWNER_OVERDUE_DAYS = 7;

export type OwnerDue = { taskId: number; agencyId: number; userId: number; dueOn: Date };
export type OwnerReminder = { kind: "TASK_DUE_SOON" | "TASK_OVERDUE"; key: string; owner: OwnerDue };

/**
 * The reminders due at `now` to the people named on tasks (the "5 rõ"): within the five days
 * before the internal deadline (its whole day, Vietnam time), and once it has passed (for a week).
 * The key names the task, agency, person and deadline: a new person or a new deadline is reminded
 * again, the same one never twice.
 */
export function ownerRemindersDue(owners: readonly OwnerDue[], now: Date): OwnerReminder[] {
  const out: OwnerReminder[] = [];
  for (const o of owners) {
    const day = o.dueOn.toISOString().slice(0, 10);
    const end = Date.parse(`${day}T23:59:59.999+07:00`);
    const id = `${o.taskId}:${o.agencyId}:${o.userId}:${day}`;
    const t = now.getTime();
    if (t <= end && t > end - DUE_SOON_DAYS * DAY_MS)
      out.push({ kind: "TASK_DUE_SOON", key: `owner-due-soon:${id}`, owner: o });
    else if (t > end && t <= end + OWNER_OVERDUE_DAYS * DAY_MS)
      out.push({ kind: "TASK_OVERDUE", key: `owner-overdue:${id}`, owner: o });
  }
  return out;
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) at `now`: "2026-12-04". */
export function vnDay(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

function vnHour(now: Date): number {
  return new Date(now.getTime() + VN_OFFSET_MS).getUTCHours();
}

/** 07:00 in Vietnam on the Vietnamese day of `now`: when that day's digest goes out. */
export function digestAt(now: Date): Date {
  return new Date(Date.parse(`${vnDay(now)}T07:00:00+07:00`));
}

/**
 * The reminders due at `now`. For agencies, per period: the quarter opened (until the last five
 * days), due within five days, overdue (until it locks); each once per period. For reviewers, once
 * a day from 08:00: what waits for them, and which agencies are late while a period is overdue.
 * A portal started late sends only what is still true: a quarter due in three days gets "due soon",
 * not also "opened".
 */
export function remindersDue(periods: readonly PeriodRow[], now: Date): DueReminder[] {
  const out: DueReminder[] = [];
  const day = vnDay(now);
  const daily = vnHour(now) >= DAILY_HOUR_VN;
  for (const p of periods) {
    const q = { year: p.year, quarter: p.quarter };
    const key = periodKey(q);
    const state = periodState(p, now);
    if (state === "OPEN") {
      const soon = now.getTime() >= p.dueAt.getTime() - DUE_SOON_DAYS * DAY_MS;
      out.push(
        soon
          ? { kind: "DUE_SOON", key: `due-soon:${key}`, period: q }
          : { kind: "PERIOD_OPEN", key: `period-open:${key}`, period: q },
      );
    } else if (state === "OVERDUE") {
      out.push({ kind: "OVERDUE", key: `overdue:${key}`, period: q });
      if (daily) out.push({ kind: "AGENCIES_LATE", key: `agencies-late:${key}:${day}`, period: q });
    }
  }
  if (daily) out.push({ kind: "WAITING", key: `waiting:${day}`, period: null });
  return out;
}
