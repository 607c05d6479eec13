// What the backups page says about the state of the backups: pure, so the warning is tested.
import { OVERDUE_MS } from "@/server/ops/backup-schedule";

export type BackupHealth =
  | { kind: "ok"; latestAt: Date; ageMs: number }
  | { kind: "none" }
  | { kind: "overdue"; latestAt: Date; ageMs: number }
  | { kind: "failed"; failedAt: Date; error: string; latestAt: Date | null };

/**
 * A failure newer than the latest good backup comes first (that night has no backup); then a
 * latest backup older than 36 hours; a folder that never held a backup is "none", not an alarm,
 * until it has been so for 36 hours since the portal started keeping backups.
 */
export function backupHealth(
  now: Date,
  latestAt: Date | null,
  lastRun: { at: string; ok: boolean; error?: string } | null,
): BackupHealth {
  if (lastRun && !lastRun.ok && (!latestAt || new Date(lastRun.at) > latestAt)) {
    return { kind: "failed", failedAt: new Date(lastRun.at), error: lastRun.error ?? "", latestAt };
  }
  if (!latestAt) return { kind: "none" };
  const ageMs = now.getTime() - latestAt.getTime();
  return ageMs > OVERDUE_MS ? { kind: "overdue", latestAt, ageMs } : { kind: "ok", latestAt, ageMs };
}
