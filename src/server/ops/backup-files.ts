// The backup folder: backups (`cds-<time>.jsonl.gz`), each with its manifest (`.json`: checksum,
// size, row counts), and `last-run.json`, the outcome of the latest scheduled attempt, so a failed
// night shows on the admin page and in the metrics even though it left no file.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/server/env";
import type { BackupManifest } from "@/server/db/backup";

export const BACKUP_NAME = /^cds-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.jsonl\.gz$/;

export function backupDir(): string {
  return env.BACKUP_DIR ? path.resolve(/*turbopackIgnore: true*/ env.BACKUP_DIR) : path.join(env.dataDir, "backups");
}

export function backupFileName(at: Date): string {
  return `cds-${at.toISOString().replace(/[:.]/g, "-")}.jsonl.gz`;
}

export type LastRun = { at: string; ok: boolean; file?: string; error?: string; by?: string };

/** Complete backups (those with a manifest), newest first. */
export function listBackups(dir = backupDir()): BackupManifest[] {
  if (!existsSync(dir)) return [];
  const out: BackupManifest[] = [];
  for (const name of readdirSync(dir)) {
    if (!BACKUP_NAME.test(name) || !existsSync(path.join(dir, `${name}.json`))) continue;
    try {
      const m = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as BackupManifest;
      out.push({ ...m, file: name });
    } catch {
      // An unreadable manifest: the backup is not listed, as if it were incomplete.
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function readLastRun(dir = backupDir()): LastRun | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, "last-run.json"), "utf8")) as LastRun;
  } catch {
    return null;
  }
}

export function writeLastRun(run: LastRun, dir = backupDir()): void {
  const tmp = path.join(dir, `last-run.json.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(run, null, 2));
  renameSync(tmp, path.join(dir, "last-run.json"));
}

export function removeBackup(name: string, dir = backupDir()): void {
  rmSync(path.join(dir, name), { force: true });
  rmSync(path.join(dir, `${name}.json`), { force: true });
}

/** The path of a listed backup by its name, or null: names from a request are checked against the list. */
export function backupPath(name: string, dir = backupDir()): string | null {
  if (!BACKUP_NAME.test(name)) return null;
  return listBackups(dir).some((b) => b.file === name) ? path.join(dir, name) : null;
}
