// An upgrade: a database made by the previous release's migrations (every committed migration but
// the newest) and the seed, with reporting activity in it, is brought to the current release the
// way `npm start` does it (migrate, then seed) without losing or changing a row.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { listMigrations, migrate, migrationsDir } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";

const admin = inject("adminDatabaseUrl");
const name = `cds_upgrade_${process.pid}_${Date.now()}`;
const url = (() => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
})();
const dir = mkdtempSync(path.join(os.tmpdir(), "cds-upgrade-"));

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
  rmSync(dir, { recursive: true, force: true });
});

async function everyRow(c: pg.Client): Promise<Record<string, unknown[]>> {
  const names = (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`)).rows.map((r) => r.table_name as string);
  const out: Record<string, unknown[]> = {};
  for (const t of names) out[t] = (await c.query(`SELECT * FROM "${t}" ORDER BY 1`)).rows;
  return out;
}

describe("upgrade from the previous release", () => {
  it("migrates and reseeds a previous release's database without losing a row", async () => {
    const all = listMigrations();
    expect(all.length).toBeGreaterThan(1);
    // The previous release: its migrations only.
    const previous = path.join(dir, "migrations");
    for (const m of all.slice(0, -1)) cpSync(path.join(migrationsDir(), m.name), path.join(previous, m.name), { recursive: true });
    const c0 = new pg.Client({ connectionString: admin });
    await c0.connect();
    await c0.query(`CREATE DATABASE ${name}`);
    await c0.end();
    expect((await migrate(url, previous)).applied).toHaveLength(all.length - 1);
    await runSeed(url);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      // Activity the seed does not make: an audit row and a sign-in attempt, as users leave them.
      await c.query(`INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('upgrade.before', 'Test', 'x')`);
      await c.query(`INSERT INTO "LoginAttempt" (email, ip, success, at) VALUES ('someone@example.vn', '10.0.0.1', false, now())`);
      const before = await everyRow(c);
      expect(before.Observation?.length ?? 0).toBeGreaterThan(0);
      expect(Object.keys(before)).not.toContain("AuthSession");

      const r = await migrate(url);
      expect(r.applied).toEqual([all[all.length - 1].name]);
      const report = await runSeed(url);
      expect(report.changed).toBe(0);

      const after = await everyRow(c);
      expect(Object.keys(after)).toContain("AuthSession");
      for (const [t, rows] of Object.entries(before)) expect(after[t], t).toEqual(rows);
    } finally {
      await c.end();
    }
  });
});
