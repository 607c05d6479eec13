// An upgrade: the database the previous release made (tests/fixtures/release-19.sql.gz: the
// release that landed at commit 2c1649b ran its own migrations and seed, with NOW at the tests'
// date, then an audit row and a sign-in attempt were added as users leave them; pg_dump --inserts)
// is brought to the current release the way `npm start` does it (migrate, then seed) without
// losing a row. The fixture is the old code's output, not the current seed run on old tables.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { listMigrations, migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";

const admin = inject("adminDatabaseUrl");
const name = `cds_upgrade_${process.pid}_${Date.now()}`;
const url = (() => {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
})();
const fixture = path.join(process.cwd(), "tests/fixtures/release-19.sql.gz");

// What this release's seed changes on purpose: the 2024-2025 plan's key and number (4437 → 1437)
// and its data-quality notes; the seed run and the published-data version record the import.
const CHANGED_ON_PURPOSE = new Set(["Document", "DataQualityNote", "SeedRun", "PublicDataVersion"]);

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});

async function everyRow(c: pg.Client): Promise<Record<string, unknown[]>> {
  const names = (
    await c.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.table_name as string);
  const out: Record<string, unknown[]> = {};
  for (const t of names) out[t] = (await c.query(`SELECT * FROM "${t}" ORDER BY 1`)).rows;
  return out;
}

describe("upgrade from the previous release", () => {
  it("migrates and reseeds the previous release's database without losing a row", async () => {
    const c0 = new pg.Client({ connectionString: admin });
    await c0.connect();
    await c0.query(`CREATE DATABASE ${name}`);
    await c0.end();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(gunzipSync(readFileSync(fixture)).toString("utf8"));
      await c.query(`SET search_path TO public`);
      const before = await everyRow(c);
      expect(before.Observation?.length ?? 0).toBeGreaterThan(0);
      expect(before.AuditLog.some((r: any) => r.action === "upgrade.before")).toBe(true);
      const had = new Set(
        ((await c.query(`SELECT migration_name FROM "_prisma_migrations"`)).rows as { migration_name: string }[]).map(
          (r) => r.migration_name,
        ),
      );

      const r = await migrate(url);
      expect(r.applied).toEqual(
        listMigrations()
          .map((m) => m.name)
          .filter((n) => !had.has(n)),
      );
      expect(r.applied.length).toBeGreaterThan(0);
      await runSeed(url);
      // A second start finds nothing left to do.
      expect((await runSeed(url)).changed).toBe(0);

      const after = await everyRow(c);
      expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));
      // Every row kept, every column it had unchanged; columns the migrations add may be filled.
      for (const [t, rows] of Object.entries(before)) {
        if (CHANGED_ON_PURPOSE.has(t)) continue;
        const cols = Object.keys((rows[0] ?? {}) as object);
        const project = (r: unknown) => Object.fromEntries(cols.map((k) => [k, (r as Record<string, unknown>)[k]]));
        // Rows the new release's seed adds (a new demo login, say) come after: kept rows are compared.
        const had = new Set(rows.map((r) => (r as { id?: unknown }).id));
        const kept = cols.includes("id") ? after[t].filter((r) => had.has((r as { id?: unknown }).id)) : after[t];
        expect(kept.map(project), t).toEqual(rows);
      }
      // The renamed plan keeps its row, its tasks and their progress.
      const ids = (rows: any[]) => rows.map((r) => r.id).sort();
      expect(ids(after.Document)).toEqual(ids(before.Document));
      const doc = (rows: unknown[], key: string) =>
        (rows as { id: number; key: string }[]).find((d) => d.key === key)?.id;
      expect(doc(after.Document, "1437-2024")).toBe(doc(before.Document, "4437-2024"));
      expect(after.PublishedFigure.length).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });
});
