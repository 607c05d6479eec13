// Published figures against a real PostgreSQL: reading a series as published on a past date (the
// statistics office revised its 2022 digital-economy share in several releases), and the CSV
// import end to end through its server actions, including a file saved by LibreOffice Calc.
// The table refuses DELETE, so this file imports into a database of its own (migrated and seeded
// like the shared one) instead of leaving rows the other files count.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { confirmFiguresAction, previewFiguresAction, type PreviewData } from "@/modules/figures/actions";
import { CSV_COLUMNS } from "@/modules/figures/parse";
import { dayOf } from "@/lib/published-figure";
import { findFigures, indicatorFigures } from "@/modules/figures/queries";
import type { ActionResult } from "@/server/action";
import { createPrisma, type Db } from "@/server/db";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";
import { actAs } from "../support/session-mock";

const run = promisify(execFile);
const REVIEWER = "reviewer@cds.gov.vn";
const ADMIN = "admin@cds.gov.vn";
const HANOI = "reporter.hanoi@cds.gov.vn";
const IND = "digital-economy-gdp-share";

const holder = globalThis as { __prisma?: unknown };
let shared: unknown;
let own: Db;
let url = "";
let dir = "";
const dbName = `cds_figures_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(inject("adminDatabaseUrl"));
  u.pathname = `/${dbName}`;
  url = u.toString();
  await migrate(url);
  await runSeed(url);
  shared = holder.__prisma;
  own = createPrisma(url);
  holder.__prisma = own;
  dir = mkdtempSync(path.join(os.tmpdir(), "cds-figures-"));
});

afterAll(async () => {
  holder.__prisma = shared;
  await own?.$disconnect();
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;
function csv(rows: Row[], delim = ";"): string {
  const cell = (s: string) => (s.includes(delim) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    "\uFEFF" +
    [CSV_COLUMNS.join(delim), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c] ?? "")).join(delim))].join("\r\n") +
    "\r\n"
  );
}
const fileOf = (text: string | Uint8Array, name = "so-lieu.csv") =>
  new File([typeof text === "string" ? text : Buffer.from(text)], name, { type: "text/csv" });
async function preview(file: File): Promise<ActionResult<PreviewData>> {
  const fd = new FormData();
  fd.set("file", file);
  return previewFiguresAction(null, fd);
}
async function confirm(file: File, digest: string) {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("digest", digest);
  return confirmFiguresAction(null, fd);
}
const count = () => own.publishedFigure.count();
const version = async () => (await own.publicDataVersion.findUnique({ where: { id: 1 } }))?.version ?? 0;

// Rows of a test release: example.test addresses and a title saying so, never mistaken for a real one.
const TEST_URL = "https://example.test/thong-cao-thu-nghiem";
const testRow = (over: Row = {}): Row => ({
  indicator: IND,
  source: "NSO",
  period: "2026-Q1",
  value: "14,5",
  provisional: "có",
  release_title: "Bản công bố thử nghiệm (dữ liệu kiểm thử)",
  release_date: "2026-04-06",
  release_url: TEST_URL,
  quote: "Tỷ trọng kinh tế số quý I ước đạt 14,5% (câu thử nghiệm)",
  printed: "14,5%",
  ...over,
});

describe("reading published figures", () => {
  it("groups an indicator's figures by source with each period's chain of releases", async () => {
    const g = await indicatorFigures(IND);
    expect(g).not.toBeNull();
    const nso = g!.sources.find((s) => s.source.code === "NSO")!;
    const chain = nso.periods.get("2022")!;
    expect(chain.map((f) => [f.releaseDate.toISOString().slice(0, 10), f.value])).toEqual([
      ["2023-09-14", 12.86],
      ["2023-12-04", 12.67],
      ["2024-11-24", 12.63],
      ["2025-01-06", 12.83],
    ]);
    // Every revision points at the release before it in the chain.
    for (let i = 1; i < chain.length; i++) expect(chain[i].revises?.id).toBe(chain[i - 1].id);
    expect(g!.periods.indexOf("2020")).toBeLessThan(g!.periods.indexOf("2025"));
  });

  it("answers the 2022 share differently before and after each revising release", async () => {
    const nso2022 = async (day: string) =>
      (await findFigures({ indicator: IND, source: "NSO", asOf: dayOf(day) }))
        .filter((f) => f.period === "2022")
        .map((f) => f.value);
    expect(await nso2022("2023-09-13")).toEqual([]);
    expect(await nso2022("2023-12-03")).toEqual([12.86]);
    expect(await nso2022("2023-12-04")).toEqual([12.67]);
    expect(await nso2022("2024-11-23")).toEqual([12.67]);
    expect(await nso2022("2024-11-24")).toEqual([12.63]);
    expect(await nso2022("2025-01-06")).toEqual([12.83]);
    // Without a date: the whole history.
    expect((await findFigures({ indicator: IND, source: "NSO" })).filter((f) => f.period === "2022")).toHaveLength(4);
  });
});

describe("importing a release from CSV", () => {
  it("refuses a province's reporter and anonymous visitors, before reading the file", async () => {
    const file = fileOf(csv([testRow()]));
    await actAs(HANOI);
    const r = await preview(file);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/không có quyền/);
    expect((await confirm(file, "0".repeat(64))).ok).toBe(false);
    await actAs(null);
    expect((await preview(file)).message).toMatch(/đăng nhập/);
  });

  it("previews each row with its errors and writes nothing while any row has one", async () => {
    await actAs(REVIEWER);
    const before = await count();
    const text = csv([
      testRow(),
      testRow({ indicator: "khong-co", release_url: `${TEST_URL}/2` }),
      testRow({ value: "abc", release_url: `${TEST_URL}/3` }),
    ]);
    const r = await preview(fileOf(text));
    expect(r.ok).toBe(true);
    expect(r.data!.valid).toBe(1);
    expect(r.data!.rows.map((x) => x.errors.map((e) => e.code))).toEqual([[], ["unknownIndicator"], ["notNumber"]]);
    const c = await confirm(fileOf(text), r.data!.digest);
    expect(c.ok).toBe(false);
    expect(await count()).toBe(before);
  });

  it("refuses a file changed after its preview, an .xlsx named .csv and a file not in UTF-8", async () => {
    await actAs(REVIEWER);
    const before = await count();
    const r = await preview(fileOf(csv([testRow()])));
    const changed = await confirm(fileOf(csv([testRow({ value: "99", printed: "99", quote: "99" })])), r.data!.digest);
    expect(changed.ok).toBe(false);
    expect(changed.message).toMatch(/đã thay đổi/);
    const xlsx = await preview(fileOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), "so-lieu.csv"));
    expect(xlsx.data!.fileErrors.map((e) => e.code)).toEqual(["binary"]);
    const latin1 = await preview(fileOf(new Uint8Array([...Buffer.from("indicator;source\n"), 0xe1, 0x0a])));
    expect(latin1.data!.fileErrors.map((e) => e.code)).toEqual(["notUtf8"]);
    expect(await count()).toBe(before);
  });

  it("confirms a release and its same-file revision in one audited transaction, bumping the public version", async () => {
    await actAs(ADMIN);
    const before = await count();
    const v0 = await version();
    const text = csv([
      testRow(),
      testRow({
        value: "14.6",
        printed: "14,6%",
        quote: "điều chỉnh lên 14,6% (câu thử nghiệm)",
        release_date: "06/05/2026",
        release_url: `${TEST_URL}/dieu-chinh`,
        revises_url: TEST_URL,
        revises_date: "2026-04-06",
        provisional: "không",
      }),
    ]);
    const r = await preview(fileOf(text));
    expect(r.data!.invalid).toBe(0);
    const c = await confirm(fileOf(text), r.data!.digest);
    expect(c.ok, c.message).toBe(true);
    expect(await count()).toBe(before + 2);
    expect(await version()).toBeGreaterThan(v0);
    const added = await own.publishedFigure.findMany({ where: { period: "2026-Q1" }, orderBy: { releaseDate: "asc" } });
    expect(added.map((f) => [f.value, f.provisional])).toEqual([
      [14.5, true],
      [14.6, false],
    ]);
    expect(added[1].revisesId).toBe(added[0].id);
    const log = await own.auditLog.findFirst({ where: { action: "figures.import" }, orderBy: { id: "desc" } });
    expect(log).toMatchObject({ actorEmail: ADMIN, entityType: "PublishedFigure" });
    expect((log!.after as { count: number }).count).toBe(2);
    // Once stored, the same file is a duplicate row by row.
    const again = await preview(fileOf(text));
    expect(again.data!.rows.map((x) => x.errors.map((e) => e.code))).toEqual([
      ["duplicateStored"],
      ["duplicateStored"],
    ]);
    // As published on a date between the two releases, the first value; after, the revision.
    const q1 = async (day: string) =>
      (await findFigures({ indicator: IND, source: "NSO", asOf: dayOf(day) }))
        .filter((f) => f.period === "2026-Q1")
        .map((f) => f.value);
    expect(await q1("2026-04-30")).toEqual([14.5]);
    expect(await q1("2026-05-06")).toEqual([14.6]);
  });

  it("two confirmations of the same release at once: one writes every row, the other nothing", async () => {
    await actAs(REVIEWER);
    const before = await count();
    const text = csv([
      testRow({ period: "2026-Q3", release_url: `${TEST_URL}/cung-luc` }),
      testRow({ period: "2026-Q4", release_url: `${TEST_URL}/cung-luc` }),
    ]);
    const p = await preview(fileOf(text));
    expect(p.data!.invalid).toBe(0);
    const results = await Promise.all([confirm(fileOf(text), p.data!.digest), confirm(fileOf(text), p.data!.digest)]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(await count()).toBe(before + 2);
  });

  it("reads a file saved by LibreOffice Calc as CSV with semicolons", async (ctx) => {
    const has = await run("soffice", ["--version"]).then(
      () => true,
      () => false,
    );
    if (!has && !(process.env.CI === "true" || process.env.CI === "1")) ctx.skip();
    await actAs(REVIEWER);
    // A workbook as a statistics officer types it: text cells, the value a number, the date a date cell.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("so-lieu");
    ws.addRow([...CSV_COLUMNS]);
    const r = testRow({
      period: "2026-Q2",
      release_url: `${TEST_URL}/lo`,
      quote: "Quý II ước đạt 14,8% (câu thử nghiệm; có dấu chấm phẩy)",
      printed: "14,8%",
    });
    const row = ws.addRow(CSV_COLUMNS.map((c) => r[c] ?? ""));
    row.getCell(4).value = 14.8;
    row.getCell(7).value = new Date(Date.UTC(2026, 6, 6));
    row.getCell(7).numFmt = "yyyy-mm-dd";
    const xlsx = path.join(dir, "so-lieu.xlsx");
    await wb.xlsx.writeFile(xlsx);
    await run(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):59,34,76,1",
        "--outdir",
        dir,
        xlsx,
      ],
      { timeout: 120_000 },
    );
    const out = path.join(dir, "so-lieu.csv");
    expect(existsSync(out)).toBe(true);
    const text = readFileSync(out, "utf8");
    // LibreOffice quotes every text cell: the header is "indicator";"source";…
    expect(text.split(/\r?\n/)[0]).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(";"));
    expect(text).toContain(";14.8;");
    const before = await count();
    const p = await preview(fileOf(readFileSync(out)));
    expect(p.data!.rows.map((x) => x.errors)).toEqual([[]]);
    expect(p.data!.rows[0].figure).toMatchObject({ value: 14.8, release: { date: "2026-07-06" }, quote: r.quote });
    expect((await confirm(fileOf(readFileSync(out)), p.data!.digest)).ok).toBe(true);
    expect(await count()).toBe(before + 1);
  });
});
