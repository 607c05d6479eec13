// The public scorecard's data: the tasks CSV (same filters as /vi/tasks) and the document viewer's
// loader (line numbers as in the file; the file name comes from the database row, never the URL).
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as tasksCsv } from "@/app/api/v1/tasks.csv/route";
import { loadDocumentSource, sourcePath } from "@/modules/documents/source";

let c: pg.Client;
beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
});
afterAll(async () => c.end());

/** RFC 4180: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function csv(query = "") {
  const res = await tasksCsv(new Request(`http://localhost/api/v1/tasks.csv${query}`));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/csv/);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return parseCsv(await res.text());
}

const keys = (rows: Record<string, string>[]) => rows.map((r) => r.key).sort();

describe("GET /api/v1/tasks.csv", () => {
  it("lists every task once when unfiltered, with the lead as named and the deadline", async () => {
    const rows = await csv();
    const db = (
      await c.query(
        `SELECT t.key, t."leadRaw", t."deadlineRaw", t."numberPrinted", d.key AS doc FROM "Task" t JOIN "Document" d ON d.id = t."documentId"`,
      )
    ).rows;
    expect(rows.length).toBe(db.length);
    expect(keys(rows)).toEqual(keys(db));
    expect(Object.keys(rows[0])).toEqual([
      "key",
      "decision",
      "number",
      "title",
      "lead_as_named",
      "lead_agencies_today",
      "deadline_raw",
      "due_date",
      "status",
    ]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const t of db) {
      const r = byKey.get(t.key)!;
      expect({ decision: r.decision, lead: r.lead_as_named, deadline: r.deadline_raw, number: r.number }).toEqual({
        decision: t.doc,
        lead: t.leadRaw ?? "",
        deadline: t.deadlineRaw ?? "",
        number: t.numberPrinted ?? "",
      });
    }
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of statuses)
      expect([
        "DONE_ON_TIME",
        "DONE_LATE",
        "IN_PROGRESS",
        "ONGOING",
        "OVERDUE",
        "NO_REPORT",
        "NOT_STARTED",
        "",
      ]).toContain(s);
    // The 411 task led by "Bộ Thông tin và Truyền thông" is reported today by its successor.
    expect(byKey.get("411-A.I-1")).toMatchObject({
      lead_as_named: "Bộ Thông tin và Truyền thông",
      lead_agencies_today: "BKHCN",
    });
  });

  it("keeps only the tasks of one decision", async () => {
    const rows = await csv("?decision=942-2021");
    const db = (
      await c.query(`SELECT t.key FROM "Task" t JOIN "Document" d ON d.id = t."documentId" WHERE d.key = '942-2021'`)
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(keys(rows)).toEqual(keys(db));
    expect(new Set(rows.map((r) => r.decision))).toEqual(new Set(["942-2021"]));
  });

  it("keeps only the tasks an agency leads today, combined with the other filters", async () => {
    const rows = await csv("?agency=T-HA-NOI");
    const db = (
      await c.query(
        `SELECT DISTINCT t.key FROM "Task" t JOIN "TaskAssignment" ta ON ta."taskId" = t.id JOIN "Agency" a ON a.id = ta."agencyId" WHERE ta.role = 'LEAD' AND a.code = 'T-HA-NOI'`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(keys(rows)).toEqual(keys(db));
    for (const r of rows) expect(r.lead_agencies_today.split("; ")).toContain("T-HA-NOI");

    const both = await csv("?agency=T-HA-NOI&decision=411-2022");
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(rows.length);
    for (const r of both) expect(r.decision).toBe("411-2022");
  });

  it("filters by status and by words, and the filters partition the list", async () => {
    const all = await csv();
    const counts = new Map<string, number>();
    for (const r of all) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    let total = counts.get("") ?? 0;
    for (const s of ["DONE_ON_TIME", "DONE_LATE", "IN_PROGRESS", "ONGOING", "OVERDUE", "NO_REPORT", "NOT_STARTED"]) {
      const rows = await csv(`?status=${s}`);
      expect(rows.length, s).toBe(counts.get(s) ?? 0);
      for (const r of rows) expect(r.status).toBe(s);
      total += rows.length;
    }
    expect(total).toBe(all.length);

    const words = await csv(`?q=${encodeURIComponent("giao dich dien tu")}`);
    expect(words.length).toBeGreaterThan(0);
    const fold = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/gi, "d")
        .toLowerCase();
    for (const r of words)
      for (const w of ["giao", "dich", "dien", "tu"]) expect(fold(`${r.title} ${r.lead_as_named}`)).toContain(w);
    const exact = await csv(`?q=${encodeURIComponent("Luật Giao dịch điện tử")}`);
    expect(exact.map((r) => r.key)).toContain("411-A.I-1");
    expect(exact.length).toBeLessThan(words.length + 1);
  });

  it("ignores filter values it does not understand rather than failing", async () => {
    expect((await csv("?decision=../../etc&status=LATE&agency=<x>")).length).toBe((await csv()).length);
  });
});

describe("document source loader", () => {
  it("numbers the lines exactly as the file, and each target's quote starts on its cited line", async () => {
    const doc = (await loadDocumentSource("411-2022"))!;
    expect(doc.sourceFile).toBe("000_8eabb89d266741a7.txt");
    const file = readFileSync(path.join(process.cwd(), "seeds/documents", doc.sourceFile), "utf8").split("\n");
    expect(doc.lines).toEqual(file);
    expect(doc.targets.length).toBe(37);
    for (const t of doc.targets) {
      const first = t.quote.split(/\s+/).slice(0, 3).join(" ");
      expect(doc.lines[t.line - 1].replace(/\s+/g, " "), t.key).toContain(first);
    }
    const task = doc.tasks.find((t) => t.key === "411-A.I-1")!;
    expect(doc.lines[task.line - 1]).toBe("1");
  });

  it("drops only the empty line after a final newline", async () => {
    const doc = (await loadDocumentSource("draft-cds"))!;
    const text = readFileSync(path.join(process.cwd(), "seeds/documents", doc.sourceFile), "utf8");
    expect(text.endsWith("\n")).toBe(true);
    expect(doc.lines).toEqual(text.slice(0, -1).split("\n"));
  });

  it("refuses path-traversal keys and unknown documents", async () => {
    for (const key of [
      "../../etc/passwd",
      "..%2F..%2Fpackage.json",
      "411-2022/../../package.json",
      "../seeds/documents/000_8eabb89d266741a7.txt",
      "",
      "khong-co",
    ]) {
      expect(await loadDocumentSource(key), key).toBeNull();
    }
  });

  it("reads only plain file names inside seeds/documents, whatever the database row says", async () => {
    expect(sourcePath("000_8eabb89d266741a7.txt")).toBe(
      path.join(process.cwd(), "seeds", "documents", "000_8eabb89d266741a7.txt"),
    );
    for (const name of [
      "../../package.json",
      "/etc/passwd",
      "..",
      "a/../../b.txt",
      "sub/000.txt",
      "x.txt\u0000",
      ".env",
    ])
      expect(sourcePath(name), name).toBeNull();

    await c.query(
      `INSERT INTO "Document" (key, "sourceFile", kind, "inForce", "titleVi", "titleEn", "relatedKeys") VALUES ('test-traversal', '../../package.json', 'DRAFT', false, 't', 't', '{}')`,
    );
    try {
      await expect(loadDocumentSource("test-traversal")).rejects.toThrow(/refused/);
    } finally {
      await c.query(`DELETE FROM "Document" WHERE key = 'test-traversal'`);
    }
  });
});
