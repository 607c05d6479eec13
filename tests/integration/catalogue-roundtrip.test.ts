// Seeds and the browser are two doors to one catalogue: a document exported from the database is a
// seed file that imports into an empty database with the same rows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { exportDocument } from "@/modules/catalogue/queries";
import { documentFileSchema } from "@/server/seed/schema";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";

const url = inject("databaseUrl");

/** Every row the seed writes for one document, without database ids, in a stable order. */
async function documentDump(dbUrl: string, key: string) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query(sql, [key])).rows;
    return {
      document: await q(
        `SELECT key, "sourceFile", "numberPrinted", "numberCanonical", kind, "inForce", "issuedOn", "baseYear", issuer, "titleVi", "titleEn", "summaryVi", "summaryEn", "relatedKeys", "taskTable", origin FROM "Document" WHERE key = $1`,
      ),
      targets: await q(
        `SELECT t.key, i.code, t.year, t.comparator, t.value, t."scopeKind", t."scopeLevel", t."scopeOf", t."scopeLabel", t.clause, t.line, t.quote, t.approximate, t."minCoverage", t."noteVi", t."noteEn", t.origin
         FROM "Target" t JOIN "Document" d ON d.id = t."documentId" JOIN "Indicator" i ON i.id = t."indicatorId" WHERE d.key = $1 ORDER BY t.key`,
      ),
      commitments: await q(
        `SELECT c.key, c.year, c.pillar, c.clause, c.line, c.quote, c."titleEn" FROM "Commitment" c JOIN "Document" d ON d.id = c."documentId" WHERE d.key = $1 ORDER BY c.key`,
      ),
      headings: await q(
        `SELECT h.code, h.title, h.line, h.depth, h."sortOrder" FROM "TaskHeading" h JOIN "Document" d ON d.id = h."documentId" WHERE d.key = $1 ORDER BY h.code`,
      ),
      tasks: await q(
        `SELECT t.key, h.code AS heading, t."numberPrinted", t.line, t."sortOrder", t.title, t.product, t."leadRaw", t."partnersRaw", t."deadlineRaw", t."deadlineKind", t."deadlineYear", t."deadlineQuarter", t."deadlineFrom", t."deadlineTo", t."deadlineEvery", t."dueOn"
         FROM "Task" t JOIN "Document" d ON d.id = t."documentId" LEFT JOIN "TaskHeading" h ON h.id = t."headingId" WHERE d.key = $1 ORDER BY t.key`,
      ),
      taskAgencies: await q(
        `SELECT t.key, ta.role, ta.position, a.code, ta."groupCode" FROM "TaskAgency" ta JOIN "Task" t ON t.id = ta."taskId" JOIN "Document" d ON d.id = t."documentId" LEFT JOIN "Agency" a ON a.id = ta."agencyId" WHERE d.key = $1 ORDER BY 1, 2, 3`,
      ),
      assignments: await q(
        `SELECT t.key, a.code, ta.role, ta.via FROM "TaskAssignment" ta JOIN "Task" t ON t.id = ta."taskId" JOIN "Document" d ON d.id = t."documentId" JOIN "Agency" a ON a.id = ta."agencyId" WHERE d.key = $1 ORDER BY 1, 2, 3`,
      ),
      notes: await q(
        `SELECT n.key, n."subjectType", n."subjectKey", n.kind, n.line, n.evidence, n."noteVi", n."noteEn" FROM "DataQualityNote" n JOIN "Document" d ON d.id = n."documentId" WHERE d.key = $1 ORDER BY n.key`,
      ),
    };
  } finally {
    await c.end();
  }
}

describe("a document exported as a seed file", () => {
  it("is the seed file's content, and imports into an empty database with the same rows (411/QĐ-TTg)", async () => {
    const exported = await exportDocument("411-2022");
    expect(exported).not.toBeNull();
    // A valid seed file, holding what the reviewed file holds.
    const parsed = documentFileSchema.parse(exported);
    const original = documentFileSchema.parse(
      JSON.parse(readFileSync(path.join(process.cwd(), "seeds/data/doc-411-2022.json"), "utf8")),
    );
    expect(parsed.targets).toHaveLength(original.targets.length);
    expect(parsed.taskTable?.tasks).toHaveLength(original.taskTable!.tasks.length);
    expect(parsed.taskTable?.tasks.map((t) => [t.id, t.leads, t.partners, t.deadline])).toEqual(
      original.taskTable!.tasks.map((t) => [t.id, t.leads, t.partners, t.deadline]),
    );
    expect(parsed.targets.map((t) => [t.id, t.indicator, t.year, t.comparator, t.value, t.scope, t.quote])).toEqual(
      original.targets.map((t) => [t.id, t.indicator, t.year, t.comparator, t.value, t.scope, t.quote]),
    );

    // The seeds with 411's file replaced by the export, imported into a new, empty database.
    const dir = mkdtempSync(path.join(os.tmpdir(), "cds-export-"));
    const admin = inject("adminDatabaseUrl");
    const name = `cds_roundtrip_${process.pid}_${Date.now()}`;
    const fresh = new URL(admin);
    fresh.pathname = `/${name}`;
    const a = new pg.Client({ connectionString: admin });
    await a.connect();
    await a.query(`CREATE DATABASE ${name}`);
    try {
      cpSync(path.join(process.cwd(), "seeds"), dir, { recursive: true });
      writeFileSync(path.join(dir, "data", "doc-411-2022.json"), JSON.stringify(exported, null, 2));
      await migrate(fresh.toString());
      await runSeed(fresh.toString(), { dir, withDemo: false });
      const [before, after] = await Promise.all([
        documentDump(url, "411-2022"),
        documentDump(fresh.toString(), "411-2022"),
      ]);
      expect(after.targets.length).toBe(37);
      expect(after.tasks.length).toBeGreaterThan(50);
      expect(after).toEqual(before);
    } finally {
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
