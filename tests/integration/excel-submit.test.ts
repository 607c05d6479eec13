// "Write and submit" from an Excel preview: the rows go through the same reporting mutations as
// the form, so the form's submission rules refuse here too (a value far from last quarter's needs
// an explanation), with the row named, and nothing written; once explained, the rows are written
// and submitted in one transaction. A reporter of its own (Quảng Ninh, which no other test file
// reports for) keeps the other files' rows untouched.
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
vi.mock("@/server/session", () => import("../support/session-mock"));
import { actAs } from "../support/session-mock";
import { GET as templateGET } from "@/app/api/reporting/template/route";
import { confirmImportAction, uploadImportAction } from "@/modules/excel/actions";
import { getImportBatch } from "@/modules/excel/import";
import { requireUser } from "@/server/current-user";
import { openQuarter } from "../support/periods";
import { translate } from "@/i18n/translate";

// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
const REPORTER = "reporter.excel-submit@cds.gov.vn";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ids = { agency: 0, indicator: 0, code: "" };
let c: pg.Client;
const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  ids.agency = (await one(`SELECT id FROM "Agency" WHERE code = 'T-QUANG-NINH'`)).id;
  const ind = await one(
    `SELECT id, code FROM "Indicator" WHERE kind = 'PERCENT' AND "minValue" IS NOT DISTINCT FROM 0 ORDER BY code DESC LIMIT 1`,
  );
  Object.assign(ids, { indicator: ind.id, code: ind.code });
  await c.query(
    `INSERT INTO "IndicatorAssignment" ("indicatorId", "agencyId") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [ids.indicator, ids.agency],
  );
  // Last quarter, approved at 50%: what the explanation rule compares with.
  await c.query(
    `INSERT INTO "Observation" ("indicatorId", "agencyId", year, quarter, value, "approvedValue", state, "approvedAt", "updatedAt") VALUES ($1, $2, 2026, 2, 50, 50, 'APPROVED', now(), now()) ON CONFLICT DO NOTHING`,
    [ids.indicator, ids.agency],
  );
  const hash = (await one(`SELECT "passwordHash" FROM "User" WHERE email = 'reviewer@cds.gov.vn'`)).passwordHash;
  await c.query(
    `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Excel submit test', $2, 'REPORTER', $3) ON CONFLICT (email) DO NOTHING`,
    [REPORTER, hash, ids.agency],
  );
});

afterAll(async () => {
  await c.end();
});

async function template() {
  const res = await templateGET(new Request(`http://localhost/api/reporting/template?period=${PERIOD}`));
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}

function cell(wb: ExcelJS.Workbook, sheet: string, key: string, header: string) {
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(1).eachCell((x, n) => {
    if (x.value === header) col = n;
  });
  let row = 0;
  ws.eachRow((r, n) => {
    if (n > 1 && r.getCell(1).value === key) row = n;
  });
  expect(row && col, `${sheet} ${key} ${header}`).toBeTruthy();
  return { cell: ws.getRow(row).getCell(col), row };
}

async function upload(wb: ExcelJS.Workbook) {
  const fd = new FormData();
  fd.set("period", PERIOD);
  fd.set("file", new File([Buffer.from(await wb.xlsx.writeBuffer())], "bao-cao.xlsx", { type: XLSX }));
  const r = await uploadImportAction(null, fd);
  expect(r.ok, r.message).toBe(true);
  return (await getImportBatch(await requireUser(), r.data!.batchId))!;
}

const confirm = (batchId: number, mode?: string) => {
  const fd = new FormData();
  fd.set("batchId", String(batchId));
  if (mode) fd.set("mode", mode);
  return confirmImportAction(null, fd);
};

async function stored() {
  const obs = await one(
    `SELECT state, value, version, explanation FROM "Observation" WHERE "agencyId" = $1 AND "indicatorId" = $2 AND year = 2026 AND quarter = 3`,
    [ids.agency, ids.indicator],
  );
  const revisions = Number(
    (
      await one(
        `SELECT count(*) FROM "ObservationRevision" r JOIN "Observation" o ON o.id = r."observationId" WHERE o."agencyId" = $1`,
        [ids.agency],
      )
    ).count,
  );
  const progress = Number(
    (
      await one(`SELECT count(*) FROM "TaskProgress" WHERE "agencyId" = $1 AND year = 2026 AND quarter = 3`, [
        ids.agency,
      ])
    ).count,
  );
  return { obs, revisions, progress };
}

describe("Excel import: write and submit", () => {
  it("refuses to submit a far-off value without an explanation (row named, nothing written), then writes and submits once explained", async () => {
    await actAs(REPORTER);
    const wb = await template();
    const taskKey = (() => {
      const ws = wb.getWorksheet("Nhiệm vụ")!;
      expect(ws.rowCount).toBeGreaterThan(1);
      return String(ws.getRow(ws.rowCount).getCell(1).value);
    })();
    const value = cell(wb, "Chỉ tiêu", ids.code, "Giá trị kỳ này");
    value.cell.value = "95";
    cell(wb, "Nhiệm vụ", taskKey, "Tình trạng").cell.value = "Đang thực hiện";
    cell(wb, "Nhiệm vụ", taskKey, "% hoàn thành").cell.value = 30;
    cell(wb, "Nhiệm vụ", taskKey, "Kết quả đạt được").cell.value = "Đã triển khai tại 3 huyện.";

    const batch = await upload(wb);
    expect(batch.errorCount).toBe(0); // a draft may differ from last quarter; a submission may not, unexplained
    expect(batch.summary.changes).toBe(2);
    const before = await stored();

    const refused = await confirm(batch.id, "submit");
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/từ chối nộp.*Không có gì được ghi/);
    const label = Object.keys(refused.fieldErrors ?? {}).find((k) => k.includes(`(dòng ${value.row})`));
    expect(label, JSON.stringify(refused.fieldErrors)).toBeDefined();
    expect(refused.fieldErrors![label!].join(" ")).toMatch(/50 → 95.*giải thích trước khi nộp/);
    expect(await stored()).toEqual(before);
    expect((await getImportBatch(await requireUser(), batch.id))!.status).toBe("PREVIEW");

    cell(wb, "Chỉ tiêu", ids.code, "Giải thích biến động").cell.value =
      "Hoàn thành kết nối cổng dịch vụ công toàn tỉnh.";
    const explained = await upload(wb);
    expect(explained.errorCount).toBe(0);
    const done = await confirm(explained.id, "submit");
    expect(done).toMatchObject({ ok: true, data: { indicators: 1, tasks: 1, submit: true } });
    expect(done.message).toMatch(/Đã ghi và nộp 1 chỉ tiêu và 1 nhiệm vụ/);

    const after = await stored();
    expect(after.obs).toMatchObject({
      state: "SUBMITTED",
      value: 95,
      explanation: "Hoàn thành kết nối cổng dịch vụ công toàn tỉnh.",
    });
    expect(after.revisions).toBe(before.revisions + 1);
    expect(after.progress).toBe(before.progress + 1);
    const tp = await one(
      `SELECT p.state, p.status, p."percentComplete", p."submittedAt" FROM "TaskProgress" p JOIN "Task" t ON t.id = p."taskId" WHERE p."agencyId" = $1 AND t.key = $2 AND year = 2026 AND quarter = 3`,
      [ids.agency, taskKey],
    );
    expect(tp).toMatchObject({ state: "SUBMITTED", status: "IN_PROGRESS", percentComplete: 30 });
    expect(tp.submittedAt).not.toBeNull();
    const audits = await one(
      `SELECT count(*) FROM "AuditLog" WHERE action IN ('observation.submit', 'taskProgress.submit') AND "agencyId" = $1`,
      [ids.agency],
    );
    expect(Number(audits.count)).toBe(2);
    const applied = (await getImportBatch(await requireUser(), explained.id))!;
    expect(applied.status).toBe("APPLIED");
    expect(applied.parsed.submitted).toBe(true);

    // Submitted rows are read-only: the same file again, changed, is refused row by row.
    value.cell.value = "96";
    const again = await upload(wb);
    expect(translate("vi", again.parsed.indicators.find((r) => r.code === ids.code)!.errors[0].message)).toMatch(
      /đã nộp hoặc đã duyệt/,
    );
  });

  it("an unknown mode writes drafts, as before", async () => {
    await actAs(REPORTER);
    const wb = await template();
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    const key = String(ws.getRow(ws.rowCount - 1).getCell(1).value);
    cell(wb, "Nhiệm vụ", key, "Tình trạng").cell.value = "Gặp vướng mắc";
    cell(wb, "Nhiệm vụ", key, "Khó khăn, vướng mắc").cell.value = "Thiếu kinh phí.";
    const batch = await upload(wb);
    const r = await confirm(batch.id, "nop-luon");
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.mode).toBeDefined();
    const drafts = await confirm(batch.id);
    expect(drafts).toMatchObject({ ok: true, data: { tasks: 1, submit: false } });
    const tp = await one(
      `SELECT p.state FROM "TaskProgress" p JOIN "Task" t ON t.id = p."taskId" WHERE p."agencyId" = $1 AND t.key = $2 AND year = 2026 AND quarter = 3`,
      [ids.agency, key],
    );
    expect(tp.state).toBe("DRAFT");
  });
});
