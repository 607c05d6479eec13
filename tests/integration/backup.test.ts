// A backup restored into a fresh database brings back every record and every revision.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { backup, restore } from "@/server/db/backup";

const url = inject("databaseUrl");
const admin = inject("adminDatabaseUrl");
const dir = mkdtempSync(path.join(os.tmpdir(), "cds-backup-"));
const target = `cds_restore_${process.pid}_${Date.now()}`;
const targetUrl = (() => {
  const u = new URL(admin);
  u.pathname = `/${target}`;
  return u.toString();
})();

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  await c.end();
  rmSync(dir, { recursive: true, force: true });
});

async function everyTable(connectionString: string) {
  const c = new pg.Client({ connectionString });
  await c.connect();
  const out: Record<string, unknown[]> = {};
  const names = (
    await c.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.table_name);
  for (const t of names) out[t] = (await c.query(`SELECT * FROM "${t}" ORDER BY 1, "${t}"::text`)).rows;
  await c.end();
  return out;
}

describe("db:backup and db:restore", () => {
  it("restore a backup into a fresh database with every row identical", async () => {
    // Tables keyed by two columns (no "id") are paged and restored too.
    const src = new pg.Client({ connectionString: url });
    await src.connect();
    const added = await src.query(
      `INSERT INTO "NotificationPreference" ("userId", category, email, cadence, "updatedAt")
       SELECT id, c, false, 'daily', now() FROM "User", unnest(ARRAY['review', 'comment']) AS c ON CONFLICT DO NOTHING
       RETURNING "userId", category`,
    );
    await src.end();
    const file = path.join(dir, "b.jsonl.gz");
    const counts = await backup(url, file);
    expect(counts.NotificationPreference).toBeGreaterThan(2);
    expect(counts.ObservationRevision).toBeGreaterThan(0);
    expect(counts.AuditLog).toBeGreaterThanOrEqual(0);
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${target}`);
    await c.end();
    await restore(targetUrl, file);
    const [before, after] = await Promise.all([everyTable(url), everyTable(targetUrl)]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
    // Sequences continue after the restored ids: a new row does not collide.
    const r = new pg.Client({ connectionString: targetUrl });
    await r.connect();
    const id = (
      await r.query(`INSERT INTO "AuditLog" (action, "entityType") VALUES ('restore.check', 'Test') RETURNING id`)
    ).rows[0].id;
    expect(BigInt(id)).toBeGreaterThan(
      BigInt(before.AuditLog.length ? (before.AuditLog[before.AuditLog.length - 1] as { id: string }).id : 0),
    );
    await r.end();
    // Later files (they share the database) start from the users' default preferences.
    const undo = new pg.Client({ connectionString: url });
    await undo.connect();
    for (const p of added.rows)
      await undo.query(`DELETE FROM "NotificationPreference" WHERE "userId" = $1 AND category = $2`, [
        p.userId,
        p.category,
      ]);
    await undo.end();
  });

  it("refuses to restore over a database that has data", async () => {
    await expect(restore(url, path.join(dir, "b.jsonl.gz"))).rejects.toThrow(/not empty/);
  });
});
