// When the nightly backup is due: pure functions of the clock, so tests move the clock instead of
// waiting for 02:00. Vietnam has one offset all year (UTC+7, no summer time).
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** "HH:MM" (Vietnam time) → minutes after midnight; null for "off" (no scheduled backups). */
export function parseBackupAt(s: string): number | null {
  if (s.trim().toLowerCase() === "off") return null;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  if (!m) throw new Error(`BACKUP_AT must be a time of day such as 02:00 (Vietnam time), or "off": ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The latest scheduled instant at or before `now`. */
export function lastSlot(now: Date, minutesAfterMidnight: number): Date {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  const midnight = Math.floor(local / DAY_MS) * DAY_MS;
  let slot = midnight + minutesAfterMidnight * 60_000 - VIETNAM_OFFSET_MS;
  if (slot > now.getTime()) slot -= DAY_MS;
  return new Date(slot);
}

/** The next scheduled instant after `now`. */
export function nextSlot(now: Date, minutesAfterMidnight: number): Date {
  return new Date(lastSlot(now, minutesAfterMidnight).getTime() + DAY_MS);
}

/**
 * A backup is due when the latest slot has no successful backup at or after it. A portal whose
 * folder has never held a backup does not take one the moment it first starts (that would be every
 * test and demo): it waits for the first slot after it started. One that has taken backups before
 * catches up at once on a night it missed (it was stopped at 02:00).
 */
export function backupDue(o: { now: Date; at: number | null; lastSuccessAt: Date | null; startedAt: Date }): boolean {
  if (o.at === null) return false;
  const slot = lastSlot(o.now, o.at);
  if (o.lastSuccessAt) return o.lastSuccessAt.getTime() < slot.getTime();
  return slot.getTime() >= o.startedAt.getTime();
}

/** A backup is overdue (shown prominently, and the example alert) when the last success is older than this. */
export const OVERDUE_MS = 36 * 3600_000;

/** Which files retention removes: everything but the newest `keep` (names sort by time). */
export function toPrune(names: string[], keep: number): string[] {
  return [...names].sort().reverse().slice(Math.max(keep, 1));
}
