import "server-only";
// The backups folder as the administrator's page shows it. Backups are files, not rows: the
// folder (with each backup's manifest) is the record, shared by every instance that shares it.
import { env } from "@/server/env";
import type { SessionUser } from "@/server/current-user";
import { NotFoundError } from "@/server/errors";
import { backupDir, backupPath, listBackups, readLastRun } from "@/server/ops/backup-files";
import { nextSlot, parseBackupAt } from "@/server/ops/backup-schedule";
import { assertCanManageBackups } from "./policy";
import { backupHealth, type BackupHealth } from "./rules";
import { backupName } from "./schemas";

export type BackupRow = { file: string; createdAt: Date; bytes: number; rows: number; tables: number; sha256: string };
export type BackupsOverview = {
  backups: BackupRow[];
  health: BackupHealth;
  at: string;
  keep: number;
  nextAt: Date | null;
};

export async function backupsOverview(user: SessionUser, now: Date): Promise<BackupsOverview> {
  assertCanManageBackups(user);
  const dir = backupDir();
  const backups = listBackups(dir).map((m) => ({
    file: m.file,
    createdAt: new Date(m.createdAt),
    bytes: m.bytes,
    rows: Object.entries(m.counts).reduce((a, [t, n]) => (t === "_prisma_migrations" ? a : a + n), 0),
    tables: Object.keys(m.counts).length,
    sha256: m.sha256,
  }));
  const at = parseBackupAt(env.BACKUP_AT);
  return {
    backups,
    health: backupHealth(now, backups[0]?.createdAt ?? null, readLastRun(dir)),
    at: env.BACKUP_AT,
    keep: env.BACKUP_KEEP,
    nextAt: at === null ? null : nextSlot(now, at),
  };
}

/** The file of a listed backup, for its download; anything else is "not found". */
export function backupFileFor(user: SessionUser, name: unknown): { path: string; name: string } {
  assertCanManageBackups(user);
  const parsed = backupName.safeParse(name);
  const p = parsed.success ? backupPath(parsed.data) : null;
  if (!p || !parsed.success) throw new NotFoundError();
  return { path: p, name: parsed.data };
}
