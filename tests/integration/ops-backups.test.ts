// The nightly backup under a moved clock: due once per night at BACKUP_AT (Vietnam time), the last
// BACKUP_KEEP kept, two instances at once take one backup, a failure is recorded for the admin page.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { fileSha256 } from "@/server/db/backup";
import { listBackups, readLastRun } from "@/server/ops/backup-files";
import { parseBackupAt } from "@/server/ops/backup-schedule";
import { runBackupIfDue, startBackupScheduler, type BackupJob } from "@/server/ops/backup-scheduler";

const url = inject("databaseUrl");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function job(over: Partial<BackupJob> = {}): BackupJob {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cds-nightly-"));
  dirs.push(dir);
  return { url, dir, keep: 3, at: parseBackupAt("02:00"), startedAt: new Date("2027-06-10T00:00:00Z"), ...over };
}

/** 02:00 in Hà Nội on the night starting `day` (UTC 19:00 the day before), plus `minutes`. */
const night = (day: string, minutes = 1) =>
  new Date(new Date(`${day}T19:00:00Z`).getTime() - 24 * 3600_000 + minutes * 60_000);

describe("nightly backups", () => {
  it("takes one backup a night, none between nights, and keeps the newest BACKUP_KEEP", async () => {
    const j = job();
    expect((await runBackupIfDue(j, new Date("2027-06-10T12:00:00Z"))).result).toBe("not-due");
    const taken: string[] = [];
    for (const day of ["2027-06-11", "2027-06-12", "2027-06-13", "2027-06-14", "2027-06-15"]) {
      const r = await runBackupIfDue(j, night(day));
      expect(r.result, day).toBe("done");
      taken.push(r.manifest!.file);
      expect((await runBackupIfDue(j, night(day, 90))).result, `${day} later that night`).toBe("not-due");
    }
    const kept = listBackups(j.dir);
    expect(kept.map((b) => b.file)).toEqual(taken.slice(-3).reverse());
    // Pruned backups leave no file or manifest behind; no temporary file remains.
    expect(readdirSync(j.dir).sort()).toEqual(
      [...taken.slice(-3).flatMap((f) => [f, `${f}.json`]), "last-run.json"].sort(),
    );
    const newest = kept[0];
    expect(newest.createdAt).toBe(night("2027-06-15").toISOString());
    expect(newest.counts.Indicator).toBeGreaterThan(0);
    expect(newest.sha256).toBe(await fileSha256(path.join(j.dir, newest.file)));
    expect(readLastRun(j.dir)).toMatchObject({ ok: true, file: newest.file });
    // The whole database, password hashes included: for the portal's user only.
    expect(statSync(path.join(j.dir, newest.file)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(j.dir, `${newest.file}.json`)).mode & 0o777).toBe(0o600);
  });

  it("two instances due at the same moment take one backup", async () => {
    const j = job();
    const now = night("2027-06-11");
    const results = (await Promise.all([runBackupIfDue(j, now), runBackupIfDue({ ...j }, now)]))
      .map((r) => r.result)
      .sort();
    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect(results.filter((r) => r === "busy" || r === "not-due")).toHaveLength(1);
    expect(listBackups(j.dir)).toHaveLength(1);
  });

  it("a failed night is recorded (for the admin page and the metrics) and leaves no partial file", async () => {
    const bad = new URL(url);
    bad.pathname = "/cds_no_such_database";
    const j = job({ url: bad.toString() });
    const r = await runBackupIfDue(j, night("2027-06-11"));
    expect(r.result).toBe("failed");
    expect(readLastRun(j.dir)).toMatchObject({ ok: false, at: night("2027-06-11").toISOString() });
    expect(readLastRun(j.dir)?.error).toBeTruthy();
    expect(readdirSync(j.dir)).toEqual(["last-run.json"]);
  });

  it("the running scheduler takes the backup when its (moved) clock reaches the slot", async () => {
    const j = job();
    let now = night("2027-06-11", -5); // five minutes before 02:00
    const stop = startBackupScheduler(j, () => now, 50);
    await new Promise((r) => setTimeout(r, 300));
    expect(listBackups(j.dir)).toHaveLength(0);
    now = night("2027-06-11", 1);
    for (let i = 0; i < 100 && listBackups(j.dir).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await stop();
    expect(listBackups(j.dir).map((b) => b.createdAt)).toEqual([now.toISOString()]);
    expect(existsSync(path.join(j.dir, "last-run.json"))).toBe(true);
  });
});
