// The Excel round trip as a reporter does it: download the quarter's template, fill it in with
// exceljs, upload, read the preview, confirm or cancel, against the real database. Other test
// files may report for the same agency and quarter, so every check of what was written compares
// counts before and after, and the rows used are the ones still untouched in the template.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/server/session", () => import("../support/session-mock"));
import { actAs } from "../support/session-mock";
import { GET as templateGET } from "@/app/api/reporting/template/route";
import { cancelImportAction, confirmImportAction, uploadImportAction } from "@/modules/excel/actions";
import { confirmImport, getImportBatch, previewImport } from "@/modules/excel/import";
import { loadImportPage } from "@/modules/excel/queries";
import { saveTaskProgress } from "@/modules/reporting/mutations";
import { defaultPeriod } from "@/modules/periods/queries";
import { requireUser } from "@/server/current-user";
import { db } from "@/server/db";
import { lockedQuarter, openQuarter } from "../support/periods";
import type { Lang } from "@/i18n/config";
import { translate, type Text } from "@/i18n/translate";

/** A stored preview message as a Vietnamese page shows it. */
const inVi = (t: Text) => translate("vi", t);

const HANOI = "reporter.hanoi@cds.gov.vn";
const HCM = "reporter.hcm@cds.gov.vn";
const REVIEWER = "reviewer@cds.gov.vn";
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let hanoiId: number;

async function download(query: string) {
  const res = await templateGET(new Request(`http://localhost/api/reporting/template?${query}`));
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes };
}

async function workbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as any);
  return wb;
}

async function template(query = `period=${PERIOD}`) {
  const { res, bytes } = await download(query);
  expect(res.status).toBe(200);
  return workbook(bytes);
}

/** A sheet's rows by their hidden key, and its columns by header text. */
function sheet(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name)!;
  expect(ws, name).toBeDefined();
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => col.set(String(c.value), n));
  const rows = new Map<string, number>();
  ws.eachRow((r, n) => {
    if (n > 1) rows.set(String(r.getCell(1).value), n);
  });
  const cell = (key: string, header: string) => {
    expect(rows.has(key), key).toBe(true);
    expect(col.has(header), header).toBe(true);
    return ws.getRow(rows.get(key)!).getCell(col.get(header)!);
  };
  const text = (key: string, header: string) => String(cell(key, header).value ?? "");
  return { ws, col, rows, cell, text };
}

async function bytesOf(wb: ExcelJS.Workbook) {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function upload(bytes: Uint8Array, period = PERIOD, name = "bao-cao-da-dien.xlsx") {
  const fd = new FormData();
  fd.set("period", period);
  fd.set("file", new File([Buffer.from(bytes)], name, { type: XLSX }));
  return uploadImportAction(null, fd);
}

function batchForm(batchId: number) {
  const fd = new FormData();
  fd.set("batchId", String(batchId));
  return fd;
}

async function batchOf(batchId: number) {
  const b = await getImportBatch(await requireUser(), batchId);
  expect(b).not.toBeNull();
  return b!;
}

/** Everything an import could write for Hà Nội. */
async function written() {
  const agency = { agencyId: (await db.agency.findUniqueOrThrow({ where: { code: "T-HA-NOI" } })).id };
  const [obs, obsRev, tp, tpRev] = await Promise.all([
    db.observation.count({ where: agency }),
    db.observationRevision.count({ where: { observation: agency } }),
    db.taskProgress.count({ where: agency }),
    db.taskProgressRevision.count({ where: { taskProgress: agency } }),
  ]);
  return { obs, obsRev, tp, tpRev };
}

/** Editable rows nobody has reported yet this quarter (other test files may have used some). */
function freshRows(s: ReturnType<typeof sheet>, count: number, fromEnd = false) {
  const keys = [...s.rows.keys()].filter((k) => s.text(k, "Trạng thái") === "Chưa bắt đầu");
  expect(keys.length).toBeGreaterThanOrEqual(count);
  return (fromEnd ? keys.reverse() : keys).slice(0, count);
}

/** An indicator row this reporter may still edit this quarter. */
function editableIndicator(s: ReturnType<typeof sheet>) {
  const key = [...s.rows.keys()].find((k) => !/chỉ xem/.test(s.text(k, "Trạng thái")));
  expect(key).toBeDefined();
  return key!;
}

beforeAll(async () => {
  const p = await defaultPeriod();
  expect(p && `${p.year}-Q${p.quarter}`).toBe(PERIOD);
  hanoiId = (await db.user.findUniqueOrThrow({ where: { email: HANOI } })).id;
});

describe("template download", () => {
  it("gives a reporter their agency's quarter: guide, assigned indicators, led tasks, prefilled", async () => {
    await actAs(HANOI);
    const { res, bytes } = await download(`period=${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="bao-cao-T-HA-NOI-${PERIOD}.xlsx"`);
    const wb = await workbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hướng dẫn", "Chỉ tiêu", "Nhiệm vụ"]);
    const guide = wb.getWorksheet("Hướng dẫn")!;
    const guideText: string[] = [];
    guide.eachRow((r) => guideText.push(r.values!.toString()));
    expect(guideText.join("\n")).toMatch(/T-HA-NOI/);
    expect(guideText.join("\n")).toMatch(/dấu phẩy thập phân/);
    expect(guideText.join("\n")).toMatch(/nền xám/);

    const ind = sheet(wb, "Chỉ tiêu");
    expect([...ind.rows.keys()].sort()).toEqual([
      "digital-inspections-share",
      "online-public-services-level4-share",
      "work-records-processed-online-share",
    ]);
    expect(ind.ws.getColumn(1).hidden).toBe(true);
    expect(ind.ws.getColumn(2).hidden).toBe(true);
    expect(ind.text("online-public-services-level4-share", "Giá trị quý trước")).toBe("88%");
    expect(ind.text("online-public-services-level4-share", "Mục tiêu 2030")).toMatch(/100%/);
    const editable = ind.cell("digital-inspections-share", "Giá trị kỳ này");
    expect(editable.protection?.locked).toBe(false);
    expect(ind.cell("digital-inspections-share", "Chỉ tiêu").protection?.locked ?? true).toBe(true);

    const tasks = sheet(wb, "Nhiệm vụ");
    const led = await db.taskAssignment.count({ where: { agency: { code: "T-HA-NOI" }, role: "LEAD" } });
    expect(tasks.rows.size).toBe(led);
    const someKey = [...tasks.rows.keys()][0];
    expect(tasks.cell(someKey, "Tình trạng").dataValidation?.formulae?.[0]).toBe(
      '"Chưa triển khai,Đang thực hiện,Đã hoàn thành,Gặp vướng mắc"',
    );
  });

  it("marks items of a locked quarter as read-only", async () => {
    await actAs(HANOI);
    const wb = await template(`period=${lockedQuarter().key}`);
    const ind = sheet(wb, "Chỉ tiêu");
    expect(ind.text("online-public-services-level4-share", "Trạng thái")).toMatch(/Đã duyệt — chỉ xem/);
    expect(ind.text("online-public-services-level4-share", "Giá trị kỳ này")).toBe("88");
    expect(ind.cell("online-public-services-level4-share", "Giá trị kỳ này").protection?.locked ?? true).toBe(true);
  });

  it("refuses anonymous visitors and bad periods", async () => {
    await actAs(null);
    const anon = await download(`period=${PERIOD}`);
    expect(anon.res.status).toBe(401);
    expect(JSON.parse(new TextDecoder().decode(anon.bytes)).error.message).toMatch(/đăng nhập/);
    await actAs(HANOI);
    expect((await download("period=2026-Q9")).res.status).toBe(400);
    expect((await download("period=1999-Q1")).res.status).toBe(404);
  });

  it("lets national roles choose an agency, and gives everyone else their own", async () => {
    await actAs(HCM);
    const own = await download(`period=${PERIOD}&agency=T-HA-NOI`);
    expect(own.res.headers.get("content-disposition")).toContain(`bao-cao-T-HO-CHI-MINH-${PERIOD}.xlsx`);
    const hcmWb = await workbook(own.bytes);
    const hcmLed = await db.taskAssignment.count({ where: { agency: { code: "T-HO-CHI-MINH" }, role: "LEAD" } });
    expect(sheet(hcmWb, "Nhiệm vụ").rows.size).toBe(hcmLed);

    await actAs(REVIEWER);
    const chosen = await download(`period=${PERIOD}&agency=T-HA-NOI`);
    expect(chosen.res.status).toBe(200);
    expect(chosen.res.headers.get("content-disposition")).toContain(`bao-cao-T-HA-NOI-${PERIOD}.xlsx`);
    expect((await download(`period=${PERIOD}&agency=NO-SUCH`)).res.status).toBe(404);
  });
});

describe("upload, preview, confirm", () => {
  it("round trip: an error writes nothing; the fixed file is written as drafts with revisions and audit rows", async () => {
    await actAs(HANOI);
    const wb = await template();
    const ind = sheet(wb, "Chỉ tiêu");
    const tasks = sheet(wb, "Nhiệm vụ");
    const indicator = editableIndicator(ind);
    const indicatorId = (await db.indicator.findUniqueOrThrow({ where: { code: indicator } })).id;
    const existing = await db.observation.findFirst({
      where: { indicatorId, agency: { code: "T-HA-NOI" }, year: openQuarter().year, quarter: openQuarter().quarter },
    });
    const [taskA, taskB] = freshRows(tasks, 2, true);
    expect(existing?.value).not.toBe(41.5);
    ind.cell(indicator, "Giá trị kỳ này").value = "41,5";
    ind.cell(indicator, "Nguồn / phương pháp").value = "Hệ thống báo cáo của Sở (kiểm thử nhập Excel)";
    tasks.cell(taskA, "Tình trạng").value = "Đang thực hiện";
    tasks.cell(taskA, "% hoàn thành").value = 120;
    tasks.cell(taskA, "Kết quả đạt được").value = "Đã triển khai thí điểm tại 5 quận.";
    tasks.cell(taskB, "Tình trạng").value = "Đã hoàn thành";
    tasks.cell(taskB, "Kết quả đạt được").value = "Đã ban hành kế hoạch.";

    const before = await written();
    const first = await upload(await bytesOf(wb));
    expect(first.ok).toBe(true);
    const bad = await batchOf(first.data!.batchId);
    expect(bad.status).toBe("PREVIEW");
    expect(bad.errorCount).toBeGreaterThan(0);
    const badRow = bad.parsed.tasks.find((r) => r.key === taskA)!;
    expect(badRow.outcome).toBe("error");
    expect(badRow.errors).toContainEqual({ field: "percent", message: { key: "errors.reporting.percent" } });
    expect(inVi(badRow.errors.find((e) => e.field === "percent")!.message)).toBe(
      "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.",
    );
    expect(bad.parsed.tasks.find((r) => r.key === taskB)!.outcome).toBe("change");
    expect(bad.parsed.indicators.find((r) => r.code === indicator)).toMatchObject({
      outcome: "change",
      parsedValue: 41.5,
    });
    expect(bad.summary.invalid).toBe(1);

    const refused = await confirmImportAction(null, batchForm(bad.id));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/còn 1 lỗi/);
    await expect(confirmImport(await requireUser(), bad.id)).rejects.toThrow(/còn 1 lỗi/);
    expect(await written()).toEqual(before);
    expect((await batchOf(bad.id)).status).toBe("PREVIEW");

    tasks.cell(taskA, "% hoàn thành").value = 60;
    const second = await upload(await bytesOf(wb));
    expect(second.ok).toBe(true);
    const good = await batchOf(second.data!.batchId);
    expect(good.errorCount).toBe(0);
    expect(good.summary).toMatchObject({ invalid: 0, changes: 3 });
    expect(await written()).toEqual(before);

    const confirmed = await confirmImportAction(null, batchForm(good.id));
    expect(confirmed).toMatchObject({ ok: true, data: { indicators: 1, tasks: 2 } });

    const after = await written();
    expect(after).toEqual({
      obs: before.obs + (existing ? 0 : 1),
      obsRev: before.obsRev + 1,
      tp: before.tp + 2,
      tpRev: before.tpRev + 2,
    });
    const obs = await db.observation.findFirstOrThrow({
      where: { indicatorId, agency: { code: "T-HA-NOI" }, year: openQuarter().year, quarter: openQuarter().quarter },
      include: { revisions: { orderBy: { version: "desc" } } },
    });
    const version = (existing?.version ?? 0) + 1;
    expect(obs).toMatchObject({
      value: 41.5,
      state: "DRAFT",
      source: "Hệ thống báo cáo của Sở (kiểm thử nhập Excel)",
      updatedById: hanoiId,
      version,
    });
    expect(obs.revisions[0]).toMatchObject({ version, value: 41.5, state: "DRAFT", authorId: hanoiId });
    expect(obs.revisions[0].comment).toContain(`lô #${good.id}`);
    const audits = await db.auditLog.findMany({
      where: { action: "observation.save", entityType: "Observation", entityId: String(obs.id), actorId: hanoiId },
      orderBy: { id: "desc" },
    });
    expect(audits[0]?.after).toMatchObject({ value: 41.5, state: "DRAFT", version });

    const progress = await db.taskProgress.findMany({
      where: {
        task: { key: { in: [taskA, taskB] } },
        agency: { code: "T-HA-NOI" },
        year: openQuarter().year,
        quarter: openQuarter().quarter,
      },
      include: { task: true },
    });
    const byKey = new Map(progress.map((p) => [p.task.key, p]));
    expect(byKey.get(taskA)).toMatchObject({
      status: "IN_PROGRESS",
      percentComplete: 60,
      achieved: "Đã triển khai thí điểm tại 5 quận.",
      state: "DRAFT",
    });
    expect(byKey.get(taskB)).toMatchObject({ status: "DONE", percentComplete: 100, state: "DRAFT" });
    for (const p of progress)
      expect(await db.auditLog.count({ where: { action: "taskProgress.save", entityId: String(p.id) } })).toBe(1);

    expect((await batchOf(good.id)).status).toBe("APPLIED");
    expect(
      await db.auditLog.count({
        where: { action: "import.confirm", entityType: "ImportBatch", entityId: String(good.id) },
      }),
    ).toBe(1);
    expect(
      await db.auditLog.count({
        where: { action: "import.preview", entityType: "ImportBatch", entityId: String(good.id) },
      }),
    ).toBe(1);

    // A second confirmation, and the old batch with errors, still write nothing.
    const again = await confirmImportAction(null, batchForm(good.id));
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/đã được xác nhận/);
    expect(await written()).toEqual(after);

    // The same file again: unchanged rows are skipped whatever their (now stale) version…
    const same = await batchOf((await upload(await bytesOf(wb))).data!.batchId);
    expect(same.errorCount).toBe(0);
    expect(same.summary.changes).toBe(0);
    // …and a change to a row edited since the download is a conflict.
    ind.cell(indicator, "Giá trị kỳ này").value = "43";
    const stale = await batchOf((await upload(await bytesOf(wb))).data!.batchId);
    expect(inVi(stale.parsed.indicators.find((r) => r.code === indicator)!.errors[0].message)).toMatch(
      /đã được cập nhật trên cổng sau khi bạn tải mẫu/,
    );
    expect(await written()).toEqual(after);
  });

  it("applies nothing when one part is refused at confirmation (indicators and tasks together)", async () => {
    await actAs(HANOI);
    const user = await requireUser();
    const wb = await template();
    const ind = sheet(wb, "Chỉ tiêu");
    const tasks = sheet(wb, "Nhiệm vụ");
    const indicator = editableIndicator(ind);
    const [task] = freshRows(tasks, 1);
    const indicatorId = (await db.indicator.findUniqueOrThrow({ where: { code: indicator } })).id;
    const obsBefore = await db.observation.findFirst({
      where: { indicatorId, agencyId: user.agencyId, year: openQuarter().year, quarter: openQuarter().quarter },
    });
    ind.cell(indicator, "Giá trị kỳ này").value = obsBefore?.value === 12 ? "13" : "12";
    tasks.cell(task, "Tình trạng").value = "Gặp vướng mắc";
    tasks.cell(task, "Khó khăn, vướng mắc").value = "Chưa bố trí được kinh phí.";
    const r = await upload(await bytesOf(wb));
    const batch = await batchOf(r.data!.batchId);
    expect(batch.errorCount).toBe(0);
    expect(batch.summary.changes).toBe(2);

    // Someone saves the task on the portal between the preview and the confirmation.
    const taskId = (await db.task.findUniqueOrThrow({ where: { key: task } })).id;
    await saveTaskProgress(user, {
      year: 2026,
      quarter: 3,
      rows: [
        {
          taskId,
          version: 0,
          status: "IN_PROGRESS",
          percent: "10",
          achieved: "Lưu trên cổng",
          obstacles: "",
          nextSteps: "",
          evidenceUrl: "",
          submit: false,
        },
      ],
    });
    const before = await written();
    const refused = await confirmImportAction(null, batchForm(batch.id));
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/Không có gì được ghi/);
    expect(Object.keys(refused.fieldErrors ?? {}).join(" ")).toContain(`dòng ${tasks.rows.get(task)}`);
    expect(await written()).toEqual(before);
    const obsAfter = await db.observation.findFirst({
      where: { indicatorId, agencyId: user.agencyId, year: openQuarter().year, quarter: openQuarter().quarter },
    });
    expect(obsAfter?.version ?? null).toBe(obsBefore?.version ?? null);
    expect(obsAfter?.value ?? null).toBe(obsBefore?.value ?? null);
    expect((await batchOf(batch.id)).status).toBe("PREVIEW");
  });

  it("cancelling a preview writes nothing and it can no longer be confirmed", async () => {
    await actAs(HANOI);
    const wb = await template();
    const ind = sheet(wb, "Chỉ tiêu");
    const indicator = editableIndicator(ind);
    ind.cell(indicator, "Giá trị kỳ này").value = 55.25; // a number cell, as a spreadsheet may store it
    const batch = await batchOf((await upload(await bytesOf(wb))).data!.batchId);
    expect(batch.errorCount).toBe(0);
    expect(batch.parsed.indicators.find((r) => r.code === indicator)).toMatchObject({
      outcome: "change",
      parsedValue: 55.25,
    });
    const before = await written();
    const cancelled = await cancelImportAction(null, batchForm(batch.id));
    expect(cancelled.ok).toBe(true);
    expect((await batchOf(batch.id)).status).toBe("CANCELLED");
    expect(await db.auditLog.count({ where: { action: "import.cancel", entityId: String(batch.id) } })).toBe(1);
    const late = await confirmImportAction(null, batchForm(batch.id));
    expect(late.ok).toBe(false);
    expect(late.message).toMatch(/đã bị hủy/);
    expect(await written()).toEqual(before);
  });
});

describe("what the file may not do", () => {
  it("reports rows for unknown, unassigned or not-led items, bad labels and foreign columns and sheets", async () => {
    await actAs(HANOI);
    const user = await requireUser();
    const wb = await template();
    const ind = sheet(wb, "Chỉ tiêu");
    const tasks = sheet(wb, "Nhiệm vụ");
    const unassigned = await db.indicator.findFirstOrThrow({
      where: { assignments: { none: { agencyId: user.agencyId } } },
    });
    const notLed = await db.task.findFirstOrThrow({
      where: { assignees: { none: { agencyId: user.agencyId, role: "LEAD" } } },
    });
    const [i1, i2] = [...ind.rows.keys()];
    ind.ws.getRow(ind.rows.get(i1)!).getCell(1).value = unassigned.code;
    ind.cell(i2, "Giá trị kỳ này").value = "nhiều";
    const [t1, t2, t3] = freshRows(tasks, 3);
    tasks.ws.getRow(tasks.rows.get(t1)!).getCell(1).value = notLed.key;
    tasks.ws.getRow(tasks.rows.get(t2)!).getCell(1).value = "khong-ton-tai";
    tasks.cell(t3, "Tình trạng").value = "Sắp xong";
    tasks.cell(t3, "Bước tiếp theo").value = "x".repeat(4001);
    wb.addWorksheet("Nháp");
    const before = await written();
    const batch = await batchOf((await upload(await bytesOf(wb))).data!.batchId);
    // The stored rows hold messages by key; the preview reads them in the page's language.
    const errorsOf = (
      rows: { code?: string; key?: string; errors: { message: Text }[] }[],
      k: string,
      lang: Lang = "vi",
    ) =>
      rows
        .find((r) => r.code === k || r.key === k)!
        .errors.map((e) => translate(lang, e.message))
        .join(" | ");
    expect(errorsOf(batch.parsed.indicators, unassigned.code)).toMatch(/không được giao cho cơ quan của bạn/);
    expect(errorsOf(batch.parsed.indicators, i2)).toMatch(/phải là một số/);
    expect(errorsOf(batch.parsed.tasks, notLed.key)).toMatch(/không do cơ quan của bạn chủ trì/);
    expect(errorsOf(batch.parsed.tasks, "khong-ton-tai")).toMatch(/Không có nhiệm vụ mã/);
    expect(errorsOf(batch.parsed.tasks, t3)).toMatch(/Tình trạng "Sắp xong" không hợp lệ/);
    expect(errorsOf(batch.parsed.tasks, t3)).toMatch(/Bước tiếp theo quá dài/);
    expect(batch.parsed.fileErrors.map((e) => translate("vi", e)).join(" ")).toMatch(
      /Trang tính "Nháp" không thuộc mẫu/,
    );
    // An English page shows the same stored errors in English (the workbook's own names stay as typed).
    expect(errorsOf(batch.parsed.indicators, unassigned.code, "en")).toBe(
      "This indicator is not assigned to your agency.",
    );
    expect(errorsOf(batch.parsed.tasks, t3, "en")).toMatch(/Status "Sắp xong" is not valid/);
    expect(errorsOf(batch.parsed.tasks, t3, "en")).toMatch(/Next steps is too long \(at most 4000 characters\)/);
    expect(batch.parsed.fileErrors.map((e) => translate("en", e)).join(" ")).toMatch(
      /Sheet "Nháp" is not part of the template/,
    );
    expect(batch.errorCount).toBe(6);
    expect((await confirmImportAction(null, batchForm(batch.id))).ok).toBe(false);
    expect(await written()).toEqual(before);
  });

  it("refuses a renamed or added column", async () => {
    await actAs(HANOI);
    const wb = await template();
    const ind = sheet(wb, "Chỉ tiêu");
    ind.ws.getRow(1).getCell(ind.col.size + 1).value = "Cột thêm";
    ind.ws.getRow(1).getCell(ind.col.get("Ghi chú")!).value = "Ghi chú của tôi";
    const batch = await batchOf((await upload(await bytesOf(wb))).data!.batchId);
    const all = batch.parsed.fileErrors.map(inVi).join(" | ");
    expect(all).toMatch(/cột "Cột thêm" không thuộc mẫu/);
    expect(all).toMatch(/thiếu cột "Ghi chú"/);
    expect(batch.errorCount).toBeGreaterThan(0);
  });

  it("ignores unchanged read-only rows and refuses changed ones; refuses another quarter's file", async () => {
    await actAs(HANOI);
    const wb = await template(`period=${lockedQuarter().key}`);
    const unchanged = await batchOf((await upload(await bytesOf(wb), lockedQuarter().key)).data!.batchId);
    expect(unchanged.errorCount).toBe(0);
    expect(unchanged.summary.changes).toBe(0);
    expect(unchanged.parsed.indicators.every((r) => r.outcome === "same")).toBe(true);

    const ind = sheet(wb, "Chỉ tiêu");
    ind.cell("online-public-services-level4-share", "Giá trị kỳ này").value = "90";
    const changed = await batchOf((await upload(await bytesOf(wb), lockedQuarter().key)).data!.batchId);
    expect(
      inVi(changed.parsed.indicators.find((r) => r.code === "online-public-services-level4-share")!.errors[0].message),
    ).toMatch(/đã nộp hoặc đã duyệt/);

    const wrongQuarter = await batchOf((await upload(await bytesOf(wb), PERIOD)).data!.batchId);
    expect(wrongQuarter.parsed.fileErrors.map(inVi).join(" ")).toMatch(new RegExp(`mẫu của kỳ ${lockedQuarter().key}`));
    expect(wrongQuarter.errorCount).toBeGreaterThan(0);
  });

  it("gives a clear error for a file that is not an .xlsx, an old .xls, or a file over 5 MB, and stores nothing", async () => {
    await actAs(HANOI);
    const batches = await db.importBatch.count();
    const text = await upload(new TextEncoder().encode("Đây không phải tệp Excel"), PERIOD, "bao-cao.xlsx");
    expect(text.ok).toBe(false);
    expect(text.fieldErrors?.file?.[0]).toMatch(/không phải là tệp Excel \(\.xlsx\)/);
    const xls = await upload(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      PERIOD,
      "bao-cao.xls",
    );
    expect(xls.fieldErrors?.file?.[0]).toMatch(/\.xls.*không được hỗ trợ/);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const tooBig = await upload(big);
    expect(tooBig.ok).toBe(false);
    expect(tooBig.fieldErrors?.file?.[0]).toMatch(/tối đa là 5 MB/);
    await expect(
      previewImport(await requireUser(), {
        year: openQuarter().year,
        quarter: openQuarter().quarter,
        fileName: "x.xlsx",
        bytes: big,
      }),
    ).rejects.toThrow(/tối đa là 5 MB/);
    const empty = await uploadImportAction(
      null,
      (() => {
        const fd = new FormData();
        fd.set("period", PERIOD);
        return fd;
      })(),
    );
    expect(empty.fieldErrors?.file?.[0]).toMatch(/chọn tệp Excel/);
    expect(await db.importBatch.count()).toBe(batches);
  });
});

describe("who may do what", () => {
  it("another agency's reporter can neither see, confirm nor cancel a Hà Nội batch, nor import a Hà Nội file", async () => {
    await actAs(HANOI);
    const wb = await template();
    const ind = sheet(wb, "Chỉ tiêu");
    const indicator = editableIndicator(ind);
    ind.cell(indicator, "Giá trị kỳ này").value = "33";
    const hanoiFile = await bytesOf(wb);
    const batch = await batchOf((await upload(hanoiFile)).data!.batchId);
    expect(batch.errorCount).toBe(0);

    await actAs(HCM);
    const hcm = await requireUser();
    const before = await written();
    expect(await getImportBatch(hcm, batch.id)).toBeNull();
    expect((await loadImportPage(hcm, { batch: String(batch.id) })).batchMissing).toBe(true);
    const confirm = await confirmImportAction(null, batchForm(batch.id));
    expect(confirm.ok).toBe(false);
    expect(confirm.message).toMatch(/Không tìm thấy lô nhập/);
    expect((await cancelImportAction(null, batchForm(batch.id))).ok).toBe(false);
    expect(await written()).toEqual(before);

    // The file names Hà Nội; the import is for the signed-in reporter's agency and refuses it.
    const own = await upload(hanoiFile);
    const foreign = await getImportBatch(hcm, own.data!.batchId);
    expect(foreign!.parsed.fileErrors.map(inVi).join(" ")).toMatch(
      /mẫu của cơ quan T-HA-NOI, không phải cơ quan của bạn \(T-HO-CHI-MINH\)/,
    );
    expect(foreign!.errorCount).toBeGreaterThan(0);

    await actAs(HANOI);
    expect((await batchOf(batch.id)).status).toBe("PREVIEW");
    expect((await cancelImportAction(null, batchForm(batch.id))).ok).toBe(true);
  });

  it("refuses anonymous visitors and roles that do not report", async () => {
    await actAs(HANOI);
    const file = await bytesOf(await template());
    await actAs(null);
    const anon = await upload(file);
    expect(anon.ok).toBe(false);
    expect(anon.message).toMatch(/đăng nhập/);
    await actAs(REVIEWER);
    const reviewer = await upload(file);
    expect(reviewer.ok).toBe(false);
    expect(reviewer.message).toMatch(/không có quyền/);
  });
});
