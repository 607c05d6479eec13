// The nightly backup, run by the portal process itself (src/cli/serve.ts). Every instance checks
// once a minute whether a backup is due (./backup-schedule.ts); the one that gets a PostgreSQL
// advisory lock takes it, and the others see its manifest afterwards, so instances sharing the
// database and the backup folder never take two backups of one night.
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { backupWithManifest, type BackupManifest } from "@/server/db/backup";
import { backupDue, toPrune } from "./backup-schedule";
import { backupFileName, listBackups, removeBackup, writeLastRun } from "./backup-files";
import { metrics } from "./metrics";

const BACKUP_LOCK = 727_2030;

export type BackupJob = {
  url: string;
  dir: string;
  keep: number;
  /** Minutes after midnight, Vietnam time; null: no scheduled backups. */
  at: number | null;
  startedAt: Date;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
};

export type BackupOutcome = {
  result: "not-due" | "busy" | "done" | "failed";
  manifest?: BackupManifest;
  pruned?: string[];
  error?: string;
};

function lastSuccess(dir: string): Date | null {
  const latest = listBackups(dir)[0];
  return latest ? new Date(latest.createdAt) : null;
}

/** Takes the backup when due at `now` (and this instance wins the lock), then applies retention. */
export async function runBackupIfDue(job: BackupJob, now: Date): Promise<BackupOutcome> {
  if (!backupDue({ now, at: job.at, lastSuccessAt: lastSuccess(job.dir), startedAt: job.startedAt }))
    return { result: "not-due" };
  return runBackup(job, now, { onlyIfDue: true });
}

/** Takes a backup now under the advisory lock (the admin's "back up now", and the nightly job). */
async function runBackup(job: BackupJob, now: Date, opts: { onlyIfDue?: boolean } = {}): Promise<BackupOutcome> {
  const lock = new pg.Client({ connectionString: job.url, connectionTimeoutMillis: 5000 });
  let locked = false;
  try {
    await lock.connect();
    locked = (await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [BACKUP_LOCK])).rows[0].ok;
    if (!locked) return { result: "busy" };
    // Another instance may have finished the night's backup between our look and the lock.
    if (
      opts.onlyIfDue &&
      !backupDue({ now, at: job.at, lastSuccessAt: lastSuccess(job.dir), startedAt: job.startedAt })
    )
      return { result: "not-due" };
    mkdirSync(job.dir, { recursive: true });
    const started = Date.now();
    const manifest = await backupWithManifest(job.url, path.join(job.dir, backupFileName(now)), () => now);
    const pruned = toPrune(
      listBackups(job.dir).map((b) => b.file),
      job.keep,
    );
    for (const name of pruned) removeBackup(name, job.dir);
    writeLastRun({ at: now.toISOString(), ok: true, file: manifest.file }, job.dir);
    metrics()?.backupDone(new Date(manifest.createdAt), (Date.now() - started) / 1000);
    job.log?.("backup written", { file: manifest.file, bytes: manifest.bytes, pruned: pruned.length });
    return { result: "done", manifest, pruned };
  } catch (e) {
    const error = (e as Error)?.message || String(e);
    try {
      mkdirSync(job.dir, { recursive: true });
      writeLastRun({ at: now.toISOString(), ok: false, error }, job.dir);
    } catch {
      // The folder itself is unusable: the log line below and the metric still say so.
    }
    metrics()?.backupFailed();
    job.log?.("backup failed", { error });
    return { result: "failed", error };
  } finally {
    if (locked) await lock.query("SELECT pg_advisory_unlock($1)", [BACKUP_LOCK]).catch(() => {});
    await lock.end().catch(() => {});
  }
}

/** Checks every `everyMs` (default a minute) with the portal's clock; returns a stop function. */
export function startBackupScheduler(job: BackupJob, clock: () => Date, everyMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    // Another instance's backups count too (a shared folder): the age metric reads the folder.
    const latest = listBackups(job.dir)[0];
    if (latest) metrics()?.backupDone(new Date(latest.createdAt));
    running = runBackupIfDue(job, clock()).finally(() => (running = null));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
