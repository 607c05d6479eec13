// The Excel template through the programs reporters really use, not only the library that wrote
// it: filled in and saved by openpyxl (a workbook library, Debian's python3-openpyxl), then
// re-saved by LibreOffice Calc (headless soffice) as .xlsx and through .ods and back. Every version
// must import without errors and read exactly as the original. CI installs both programs
// (.ci/run); there the tests fail if a program is missing instead of skipping.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/server/session", () => import("../support/session-mock"));
import { actAs } from "../support/session-mock";
import { GET as templateGET } from "@/app/api/reporting/template/route";
import { cancelImportAction, confirmImportAction, uploadImportAction } from "@/modules/excel/actions";
import { getImportBatch } from "@/modules/excel/import";
import type { ParsedImport } from "@/modules/excel/parse";
import { requireUser } from "@/server/current-user";
import { db } from "@/server/db";

const run = promisify(execFile);
const HANOI = "reporter.hanoi@cds.gov.vn";
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
const PYTHON = "/usr/bin/python3";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function has(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const tools = { openpyxl: false, soffice: false };
let dir: string;

/** Fills cells of the file at `src` by sheet, row key (hidden column A) and header, with openpyxl. */
const FILL_PY = `
import json, sys, openpyxl
src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
for sheet, rows in spec.items():
    ws = wb[sheet]
    cols = {c.value: c.column for c in ws[1] if c.value}
    keys = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for key, cells in rows.items():
        for header, value in cells.items():
            ws.cell(row=keys[key], column=cols[header]).value = value
wb.save(dst)
`;
import { openQuarter } from "../support/periods";

async function openpyxlFill(
  src: string,
  dst: string,
  spec: Record<string, Record<string, Record<string, string | number>>>,
) {
  await run(PYTHON, [path.join(dir, "fill.py"), src, dst, JSON.stringify(spec)], { timeout: 60_000 });
}

/** soffice --convert-to, with a profile of its own (parallel runs must not share one). */
async function soffice(file: string, to: "xlsx" | "ods", outDir: string): Promise<string> {
  await run(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--convert-to",
      to,
      "--outdir",
      outDir,
      file,
    ],
    { timeout: 120_000 },
  );
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${to}`);
  expect(existsSync(out), `soffice wrote ${out}`).toBe(true);
  return out;
}

async function upload(bytes: Uint8Array, name: string) {
  const fd = new FormData();
  fd.set("period", PERIOD);
  fd.set("file", new File([Buffer.from(bytes)], name, { type: XLSX }));
  const r = await uploadImportAction(null, fd);
  expect(r.ok, `${name}: ${r.message} ${JSON.stringify(r.fieldErrors)}`).toBe(true);
  const b = await getImportBatch(await requireUser(), r.data!.batchId);
  return b!;
}

/** What a preview says about each row, without the row numbers' context. */
function reading(p: ParsedImport) {
  return {
    fileErrors: p.fileErrors,
    indicators: p.indicators.map((r) => ({
      code: r.code,
      version: r.version,
      outcome: r.outcome,
      input: r.input,
      parsedValue: r.parsedValue,
      errors: r.errors,
    })),
    tasks: p.tasks.map((r) => ({
      key: r.key,
      version: r.version,
      outcome: r.outcome,
      input: r.input,
      parsedPercent: r.parsedPercent,
      errors: r.errors,
    })),
  };
}

const batchForm = (id: number, mode?: string) => {
  const fd = new FormData();
  fd.set("batchId", String(id));
  if (mode) fd.set("mode", mode);
  return fd;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cds-excel-programs-"));
  writeFileSync(path.join(dir, "fill.py"), FILL_PY);
  tools.openpyxl = await has(PYTHON, ["-c", "import openpyxl"]);
  tools.soffice = await has("soffice", ["--version"]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const required = process.env.CI === "true" || process.env.CI === "1";

describe("spreadsheet programs", () => {
  it("are installed (required in CI)", (ctx) => {
    if (!required && !(tools.openpyxl && tools.soffice)) ctx.skip();
    expect(tools.openpyxl, "python3-openpyxl (/usr/bin/python3 -c 'import openpyxl')").toBe(true);
    expect(tools.soffice, "soffice (libreoffice-calc-nogui)").toBe(true);
  });

  it("the template filled by openpyxl, and re-saved by LibreOffice (.xlsx, and .ods and back), imports without errors and reads the same", async (ctx) => {
    if (!required && !(tools.openpyxl && tools.soffice)) ctx.skip();
    await actAs(HANOI);
    const res = await templateGET(new Request(`http://localhost/api/reporting/template?period=${PERIOD}`));
    expect(res.status).toBe(200);
    const templateBytes = new Uint8Array(await res.arrayBuffer());
    const templatePath = path.join(dir, "template.xlsx");
    writeFileSync(templatePath, templateBytes);

    // Rows still untouched this quarter (other test files report for Hà Nội too).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(templateBytes) as never);
    const keysOf = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const state = ws.getRow(1).values as unknown[];
      const stateCol = state.indexOf("Trạng thái");
      const out: string[] = [];
      ws.eachRow((r, n) => {
        if (n > 1 && r.getCell(stateCol).value === "Chưa bắt đầu") out.push(String(r.getCell(1).value));
      });
      return out;
    };
    const indicator = keysOf("Chỉ tiêu")[0];
    const [taskA, taskB] = keysOf("Nhiệm vụ").slice(-4, -2);
    expect(indicator && taskA && taskB, "fresh rows to fill").toBeTruthy();

    const filled = path.join(dir, "openpyxl.xlsx");
    await openpyxlFill(templatePath, filled, {
      "Chỉ tiêu": {
        [indicator]: {
          "Giá trị kỳ này": "37,5",
          "Nguồn / phương pháp": "Sở Khoa học và Công nghệ — openpyxl",
          "Đường dẫn minh chứng": "https://hanoi.gov.vn/bao-cao",
        },
      },
      "Nhiệm vụ": {
        [taskA]: {
          "Tình trạng": "Đang thực hiện",
          "% hoàn thành": 40,
          "Kết quả đạt được": "Đã khảo sát 12 quận, huyện.\nĐang xây dựng nền tảng.",
        },
        [taskB]: { "Tình trạng": "Đã hoàn thành", "Kết quả đạt được": "Đã ban hành kế hoạch & quy chế." },
      },
    });

    const lo = path.join(dir, "lo");
    const viaOds = path.join(dir, "ods");
    const loXlsx = await soffice(filled, "xlsx", lo);
    const ods = await soffice(filled, "ods", viaOds);
    const odsXlsx = await soffice(ods, "xlsx", path.join(dir, "ods-xlsx"));

    const fromOpenpyxl = await upload(new Uint8Array(readFileSync(filled)), "openpyxl.xlsx");
    expect(fromOpenpyxl.parsed.fileErrors).toEqual([]);
    expect(fromOpenpyxl.errorCount).toBe(0);
    expect(fromOpenpyxl.summary.changes).toBe(3);
    expect(fromOpenpyxl.parsed.indicators.find((r) => r.code === indicator)).toMatchObject({
      outcome: "change",
      parsedValue: 37.5,
      input: { source: "Sở Khoa học và Công nghệ — openpyxl", evidenceUrl: "https://hanoi.gov.vn/bao-cao" },
    });
    expect(fromOpenpyxl.parsed.tasks.find((r) => r.key === taskA)).toMatchObject({
      outcome: "change",
      parsedPercent: 40,
      input: { status: "IN_PROGRESS" },
    });
    expect(fromOpenpyxl.parsed.tasks.find((r) => r.key === taskB)).toMatchObject({
      outcome: "change",
      parsedPercent: 100,
      input: { status: "DONE" },
    });

    const fromLibreOffice = await upload(new Uint8Array(readFileSync(loXlsx)), "libreoffice.xlsx");
    const throughOds = await upload(new Uint8Array(readFileSync(odsXlsx)), "ods.xlsx");
    expect(reading(fromLibreOffice.parsed)).toEqual(reading(fromOpenpyxl.parsed));
    expect(reading(throughOds.parsed)).toEqual(reading(fromOpenpyxl.parsed));

    // The most travelled file is the one written: the values land as typed.
    for (const b of [fromOpenpyxl, fromLibreOffice])
      expect((await cancelImportAction(null, batchForm(b.id))).ok).toBe(true);
    const confirmed = await confirmImportAction(null, batchForm(throughOds.id));
    expect(confirmed).toMatchObject({ ok: true, data: { indicators: 1, tasks: 2 } });
    const hanoi = await db.agency.findUniqueOrThrow({ where: { code: "T-HA-NOI" } });
    const obs = await db.observation.findFirstOrThrow({
      where: {
        indicator: { code: indicator },
        agencyId: hanoi.id,
        year: openQuarter().year,
        quarter: openQuarter().quarter,
      },
    });
    expect(obs).toMatchObject({
      value: 37.5,
      state: "DRAFT",
      source: "Sở Khoa học và Công nghệ — openpyxl",
      evidenceUrl: "https://hanoi.gov.vn/bao-cao",
    });
    const tp = await db.taskProgress.findFirstOrThrow({
      where: { task: { key: taskA }, agencyId: hanoi.id, year: openQuarter().year, quarter: openQuarter().quarter },
    });
    expect(tp).toMatchObject({
      status: "IN_PROGRESS",
      percentComplete: 40,
      achieved: "Đã khảo sát 12 quận, huyện.\nĐang xây dựng nền tảng.",
      state: "DRAFT",
    });
    const done = await db.taskProgress.findFirstOrThrow({
      where: { task: { key: taskB }, agencyId: hanoi.id, year: openQuarter().year, quarter: openQuarter().quarter },
    });
    expect(done).toMatchObject({ status: "DONE", percentComplete: 100, achieved: "Đã ban hành kế hoạch & quy chế." });
  }, 240_000);
});
