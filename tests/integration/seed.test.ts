import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { migrate } from "@/server/db/migrate";
import { runSeed, SeedError } from "@/server/seed";
import { dumpFingerprint } from "../support/dump";

const url = inject("databaseUrl");
const seedsDir = path.join(process.cwd(), "seeds");
let tmp: string | null = null;

/** A copy of seeds/ with one data file changed by `edit`. */
function brokenSeeds(file: string, edit: (json: any) => void): string {
  tmp = mkdtempSync(path.join(os.tmpdir(), "cds-seeds-"));
  cpSync(seedsDir, tmp, { recursive: true });
  const p = path.join(tmp, "data", file);
  const json = JSON.parse(readFileSync(p, "utf8"));
  edit(json);
  writeFileSync(p, JSON.stringify(json));
  return tmp;
}

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = null;
});

describe("db:seed", () => {
  it("is idempotent: a second run writes nothing", async () => {
    const before = await dumpFingerprint(url);
    const report = await runSeed(url);
    expect(report.changed).toBe(0);
    expect(await dumpFingerprint(url)).toEqual(before);
    expect(report.totals.documents).toBe(5);
  });

  it("upgrades a database that holds the plan under its misprinted key 4437-2024 without losing its tasks or their progress", async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const count = async () =>
        (
          await c.query(
            `SELECT count(DISTINCT t.id)::int AS tasks, count(u.id)::int AS updates FROM "Task" t JOIN "Document" d ON d.id = t."documentId" LEFT JOIN "TaskProgress" u ON u."taskId" = t.id WHERE d.key = $1`,
            ["1437-2024"],
          )
        ).rows[0];
      const before = await count();
      expect(before.tasks).toBe(32);
      // The database as the previous release left it.
      await c.query(
        `UPDATE "Document" SET key = '4437-2024', "numberCanonical" = '4437/QĐ-TTg' WHERE key = '1437-2024'`,
      );
      const sql = readFileSync(
        path.join(process.cwd(), "prisma/migrations/20261203140000_document_key_1437/migration.sql"),
        "utf8",
      );
      await c.query(sql);
      await runSeed(url);
      const docs = await c.query(
        `SELECT key, "numberCanonical" FROM "Document" WHERE key IN ('1437-2024', '4437-2024')`,
      );
      expect(docs.rows).toEqual([{ key: "1437-2024", numberCanonical: "1437/QĐ-TTg" }]);
      expect(await count()).toEqual(before);
    } finally {
      await c.end();
    }
  });

  it("imports every published figure with its release and quote, revisions linked to what they revise", async () => {
    const file = JSON.parse(readFileSync(path.join(seedsDir, "data/published-figures.json"), "utf8"));
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const rows = (
        await c.query(
          `SELECT f.*, i.code AS indicator, s.code AS source FROM "PublishedFigure" f JOIN "Indicator" i ON i.id = f."indicatorId" JOIN "Source" s ON s.id = f."sourceId"`,
        )
      ).rows;
      expect(rows).toHaveLength(file.figures.length);
      expect(new Set(rows.map((r) => r.indicator)).size).toBeGreaterThanOrEqual(25);
      for (const r of rows) {
        expect(r.quote, r.key).toContain(r.printed);
        expect(r.releaseUrl, r.key).toMatch(/^https?:\/\//);
      }
      const revisions = rows.filter((r) => r.revisesId !== null);
      expect(revisions).toHaveLength(file.figures.filter((f: any) => f.revises).length);
      for (const r of revisions) {
        const earlier = rows.find((x) => x.id === r.revisesId)!;
        expect([earlier.indicator, earlier.source, earlier.period]).toEqual([r.indicator, r.source, r.period]);
        expect(earlier.releaseDate.getTime()).toBeLessThan(r.releaseDate.getTime());
      }
      // A published figure is a fact: the database refuses to change it.
      await expect(
        c.query(`UPDATE "PublishedFigure" SET value = value + 1 WHERE id = $1`, [rows[0].id]),
      ).rejects.toThrow(/immutable/);
    } finally {
      await c.end();
    }
  });

  it("refuses a figure whose number as printed is not in its quote", async () => {
    const dir = brokenSeeds("published-figures.json", (j) => (j.figures[0].printed = "99,99%"));
    await expect(runSeed(url, { dir })).rejects.toThrow(/published-figures\.json › figures\[0\].*not in the quote/);
  });

  it("DEMO_DATA=0: a new database gets the catalogue, the published figures and the logins, and no illustrative values", async () => {
    const admin = inject("adminDatabaseUrl");
    const name = `cds_nodemo_${process.pid}_${Date.now()}`;
    const u = new URL(admin);
    u.pathname = `/${name}`;
    const a = new pg.Client({ connectionString: admin });
    await a.connect();
    await a.query(`CREATE DATABASE ${name}`);
    try {
      await migrate(u.toString());
      await runSeed(u.toString(), { demoValues: false });
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      const n = async (sql: string) => (await c.query(sql)).rows[0].n as number;
      try {
        expect(await n(`SELECT count(*)::int AS n FROM "Observation"`)).toBe(0);
        expect(await n(`SELECT count(*)::int AS n FROM "TaskProgress"`)).toBe(0);
        expect(await n(`SELECT count(*)::int AS n FROM "Target"`)).toBeGreaterThan(100);
        expect(await n(`SELECT count(*)::int AS n FROM "PublishedFigure"`)).toBeGreaterThan(100);
        expect(await n(`SELECT count(*)::int AS n FROM "User"`)).toBeGreaterThan(0);
      } finally {
        await c.end();
      }
    } finally {
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    }
  });

  it("imports every target and task of the seed files", async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const targets = await c.query(`SELECT count(*)::int AS n FROM "Target"`);
    const tasks = await c.query(`SELECT count(*)::int AS n FROM "Task"`);
    const orphan = await c.query(
      `SELECT t.key FROM "Task" t WHERE NOT EXISTS (SELECT 1 FROM "TaskAssignment" a WHERE a."taskId" = t.id AND a.role = 'LEAD')`,
    );
    await c.end();
    let expectedTargets = 0;
    let expectedTasks = 0;
    for (const f of [
      "doc-411-2022.json",
      "doc-1437-2024.json",
      "doc-749-2020.json",
      "doc-942-2021.json",
      "doc-draft-cds.json",
    ]) {
      const d = JSON.parse(readFileSync(path.join(seedsDir, "data", f), "utf8"));
      expectedTargets += d.targets.length;
      expectedTasks += d.taskTable?.tasks.length ?? 0;
    }
    expect(targets.rows[0].n).toBe(expectedTargets);
    expect(tasks.rows[0].n).toBe(expectedTasks);
    expect(orphan.rows).toEqual([]);
  });

  it.each([
    [
      "a quote that is not in the document",
      "doc-411-2022.json",
      (j: any) => (j.targets[0].quote = "Tỷ trọng kinh tế số đạt 25% GDP"),
      /doc-411-2022\.json › target 411-2025-de-gdp-share: quote is not found verbatim/,
    ],
    [
      "an unknown indicator",
      "doc-942-2021.json",
      (j: any) => (j.targets[1].indicator = "no-such-indicator"),
      /doc-942-2021\.json › target .*: indicator no-such-indicator is not defined/,
    ],
    [
      "a comparator that does not exist",
      "doc-749-2020.json",
      (j: any) => (j.targets[0].comparator = "ABOUT"),
      /doc-749-2020\.json › targets\[0\]\.comparator \(749-2020-2025-dvc-level4\)/,
    ],
    [
      "a percentage above 100",
      "doc-749-2020.json",
      (j: any) => (j.targets[0].value = 180),
      /outside the indicator's bounds/,
    ],
    [
      "an unknown lead agency",
      "doc-1437-2024.json",
      (j: any) => (j.taskTable.tasks[0].leads = ["BO-KHONG-CO"]),
      /doc-1437-2024\.json › task .*: agency BO-KHONG-CO is not defined/,
    ],
    [
      "a duplicated task id",
      "doc-942-2021.json",
      (j: any) => (j.taskTable.tasks[1].id = j.taskTable.tasks[0].id),
      /id is used twice/,
    ],
  ])("rejects %s with the file, item and reason, and changes nothing", async (_name, file, edit, message) => {
    const before = await dumpFingerprint(url);
    const dir = brokenSeeds(file, edit);
    const err = await runSeed(url, { dir }).catch((e) => e);
    expect(err).toBeInstanceOf(SeedError);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/nothing was imported/);
    expect(await dumpFingerprint(url)).toEqual(before);
  });

  it("reports malformed JSON with the file name", async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "cds-seeds-"));
    cpSync(seedsDir, tmp, { recursive: true });
    writeFileSync(path.join(tmp, "data", "indicators.json"), '{"indicators": [');
    const err = await runSeed(url, { dir: tmp }).catch((e) => e);
    expect(err).toBeInstanceOf(SeedError);
    expect(err.issues[0]).toMatchObject({ file: "seeds/data/indicators.json", item: "(file)" });
  });

  it("rolls back everything when the import fails half-way", async () => {
    const before = await dumpFingerprint(url);
    // Valid files, but a document the database holds is missing: the import fails after it has
    // already written the changed agency name, inside the same transaction.
    tmp = mkdtempSync(path.join(os.tmpdir(), "cds-seeds-"));
    cpSync(seedsDir, tmp, { recursive: true });
    rmSync(path.join(tmp, "data", "doc-draft-cds.json"));
    const agencies = JSON.parse(readFileSync(path.join(tmp, "data", "agencies.json"), "utf8"));
    agencies.agencies[0].nameEn = "Renamed during a failed import";
    writeFileSync(path.join(tmp, "data", "agencies.json"), JSON.stringify(agencies));
    await expect(runSeed(url, { dir: tmp })).rejects.toThrow(/not in seeds/);
    expect(await dumpFingerprint(url)).toEqual(before);
  });
});

describe("history tables", () => {
  it("refuses to update or delete audit log rows", async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const r = await c.query(`INSERT INTO "AuditLog" (action, "entityType") VALUES ('test', 'Test') RETURNING id`);
      await expect(c.query(`UPDATE "AuditLog" SET action = 'x' WHERE id = $1`, [r.rows[0].id])).rejects.toThrow(
        /append-only/,
      );
      await expect(c.query(`DELETE FROM "AuditLog" WHERE id = $1`, [r.rows[0].id])).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });
});
