// The administrator's backups page after nights of scheduled backups under a moved clock: the
// newest BACKUP_KEEP are listed with time, size and row counts, a failed night is an alert, and
// only administrators see the page or download a backup (audited).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { BACKUP_DIR } = await vi.hoisted(async () => {
  const fs = await import("node:fs");
  const os = await import("node:os");
  const p = await import("node:path");
  const dir = fs.mkdtempSync(p.join(os.tmpdir(), "cds-admin-backups-"));
  process.env.BACKUP_DIR = dir;
  process.env.BACKUP_KEEP = "2";
  process.env.BACKUP_AT = "02:00";
  return { BACKUP_DIR: dir };
});
vi.mock("@/server/session", () => import("../support/session-mock"));

import { rmSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { inject } from "vitest";
import { actAs } from "../support/session-mock";
import { GET as download } from "@/app/api/admin/backups/[name]/route";
import { BackupsPage } from "@/modules/backups/components/BackupsPage";
import { backupsOverview } from "@/modules/backups/queries";
import { currentUser, type SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { clockNow } from "@/server/clock";
import { parseBackupAt } from "@/server/ops/backup-schedule";
import { runBackupIfDue, type BackupJob } from "@/server/ops/backup-scheduler";
import { writeLastRun } from "@/server/ops/backup-files";

const url = inject("databaseUrl");
let admin: SessionUser;
const taken: string[] = [];

afterAll(() => rmSync(BACKUP_DIR, { recursive: true, force: true }));

// The portal's clock is the tests' (NOW); the nights are the three before it, 02:00 in Hà Nội.
const nightsAgo = (n: number) =>
  new Date(new Date(clockNow().toISOString().slice(0, 10) + "T19:00:00Z").getTime() - (n + 1) * 24 * 3600_000 + 60_000);

beforeAll(async () => {
  const job: BackupJob = {
    url,
    dir: env.BACKUP_DIR!,
    keep: env.BACKUP_KEEP,
    at: parseBackupAt(env.BACKUP_AT),
    startedAt: nightsAgo(4),
  };
  for (const n of [3, 2, 1]) {
    const r = await runBackupIfDue(job, nightsAgo(n));
    expect(r.result).toBe("done");
    taken.push(r.manifest!.file);
  }
  await actAs("admin@cds.gov.vn");
  admin = (await currentUser())!;
});

describe("the backups page", () => {
  it("lists the newest BACKUP_KEEP backups with time, size and row counts", async () => {
    const o = await backupsOverview(admin, clockNow());
    expect(o.backups.map((b) => b.file)).toEqual([taken[2], taken[1]]);
    expect(o.backups[0].rows).toBeGreaterThan(100);
    expect(o.backups[0].bytes).toBeGreaterThan(1000);
    expect(o.health.kind).toBe("ok");
    const html = renderToStaticMarkup(await BackupsPage({ lang: "vi", user: admin }));
    expect(html).toContain('data-state="ok"');
    expect(html).toContain(`/api/admin/backups/${taken[2]}`);
    expect(html).not.toContain(taken[0]);
    expect(html).toMatch(/Bản sao lưu gần nhất lúc \d{2}\/\d{2}\/\d{4} 02:01/);
  });

  it("shows a failed night as an alert", async () => {
    writeLastRun({ at: clockNow().toISOString(), ok: false, error: "ENOSPC: no space left on device" }, BACKUP_DIR);
    const html = renderToStaticMarkup(await BackupsPage({ lang: "en", user: admin }));
    expect(html).toMatch(/role="alert"[^>]*data-state="failed"/);
    expect(html).toContain("failed: ENOSPC: no space left on device");
    writeLastRun({ at: clockNow().toISOString(), ok: true, file: taken[2] }, BACKUP_DIR);
  });

  it("downloads a backup for an administrator (audited), and for no one else", async () => {
    const res = await download(new Request("http://localhost/x"), { params: Promise.resolve({ name: taken[2] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${taken[2]}"`);
    const body = new Uint8Array(await res.arrayBuffer());
    expect([body[0], body[1]]).toEqual([0x1f, 0x8b]); // gzip
    const row = await db.auditLog.findFirst({
      where: { action: "backup.download", entityId: taken[2] },
      orderBy: { id: "desc" },
    });
    expect(row?.actorId).toBe(admin.id);

    await actAs("reviewer@cds.gov.vn");
    const reviewer = (await currentUser())!;
    expect(
      (await download(new Request("http://localhost/x"), { params: Promise.resolve({ name: taken[2] }) })).status,
    ).toBe(403);
    await expect(backupsOverview(reviewer, clockNow())).rejects.toThrow();
    await actAs(null);
    expect(
      (await download(new Request("http://localhost/x"), { params: Promise.resolve({ name: taken[2] }) })).status,
    ).toBe(401);
    await actAs("admin@cds.gov.vn");
  });
});
