// Builds an agency's quarter as an .xlsx to fill offline: a guide in Vietnamese, one sheet of
// assigned indicators and one of the tasks the agency leads, prefilled with what is stored now.
// Grey columns and read-only rows are locked (sheet protection without a password: it prevents
// slips, the parser is what enforces the rules).
import { msg } from "@/i18n/translate";
import "server-only";
import { clockNow } from "@/server/clock";
import ExcelJS from "exceljs";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { vi } from "@/messages/vi";
import { formatDate, formatThreshold, formatValue, type Comparator } from "@/lib/format";
import { formatQuarter, previousQuarter } from "@/lib/periods";
import { scopeText } from "@/modules/indicators/labels";
import { requirePeriod } from "@/modules/periods/queries";
import { indicatorItems, taskItems, type IndicatorItem, type TaskItem } from "@/modules/reporting/queries";
import { editable, type PeriodDates } from "@/modules/reporting/rules";
import {
  INDICATOR_COLUMNS,
  META,
  SHEETS,
  STATE_LABELS,
  STATUS_LABELS,
  TASK_COLUMNS,
  TASK_STATUSES,
  periodKeyOf,
  type ColumnSpec,
} from "./layout";
import { plainNumber } from "./parse";

const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
const HEADER_GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFCBD5E1" } };
const HEADER_EDIT: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDBEAFE" } };
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
};

export function templateFileName(agencyCode: string, year: number, quarter: number): string {
  return `bao-cao-${agencyCode.replace(/[^A-Za-z0-9-]/g, "")}-${periodKeyOf(year, quarter)}.xlsx`;
}

function stateText(state: string, canEdit: boolean): string {
  const label = STATE_LABELS[state] ?? state;
  if (state === "SUBMITTED" || state === "APPROVED") return `${label} — chỉ xem`;
  if (!canEdit) return `${label} — kỳ đã khóa, chỉ xem`;
  return label;
}

function targetText(item: IndicatorItem, year: number): string {
  const m = vi;
  return item.targets
    .filter((t) => t.year === year)
    .map((t) => {
      const threshold = formatThreshold(
        { comparator: t.comparator as Comparator, value: t.value },
        item.indicator.unit,
        item.indicator.kind,
        "vi",
      );
      const scope = t.scopeKind === "NATIONAL" ? "" : ` — ${scopeText({ ...t, scopeOf: null, scopeLabel: null }, m)}`;
      return `${threshold}${scope} (${t.document.numberCanonical ?? t.document.key})`;
    })
    .join("; ");
}

function deadlineText(t: TaskItem["task"]): string {
  if (t.deadlineRaw) return t.deadlineRaw;
  if (t.deadlineKind === "RECURRING")
    return t.deadlineEvery === "YEAR" ? vi.task.recurring.YEAR : vi.task.recurring.CONTINUOUS;
  return t.dueOn ? formatDate(t.dueOn, "vi") : vi.task.noDeadline;
}

function addTableSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec<K>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden ?? false }));
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = c.editable ? HEADER_EDIT : HEADER_GREY;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  header.height = 32;
  return ws;
}

/** Locks and greys the fixed columns; editable cells stay open unless the row is read-only. */
function styleRow<K extends string>(row: ExcelJS.Row, columns: readonly ColumnSpec<K>[], canEdit: boolean): void {
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const open = c.editable && canEdit;
    cell.protection = { locked: !open };
    if (!open) cell.fill = GREY;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
}

function addGuide(
  wb: ExcelJS.Workbook,
  agency: { code: string; nameVi: string },
  year: number,
  quarter: number,
  period: PeriodDates,
  counts: { indicators: number; tasks: number },
) {
  const ws = wb.addWorksheet(SHEETS.guide);
  ws.columns = [{ width: 30 }, { width: 110 }];
  const statuses = TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(", ");
  ws.addRow([`Mẫu báo cáo chuyển đổi số — ${agency.nameVi} — ${formatQuarter({ year, quarter }, "vi")}`]).font = {
    bold: true,
    size: 14,
  };
  ws.addRow([]);
  const meta: [string, string][] = [
    ["Cơ quan", agency.nameVi],
    [META.agencyCode, agency.code],
    [META.period, periodKeyOf(year, quarter)],
    ["Hạn nộp", formatDate(period.dueAt, "vi")],
    ["Khóa sổ", formatDate(period.locksAt, "vi")],
    ["Ngày tạo tệp", formatDate(clockNow(), "vi")],
    ["Số dòng", `${counts.indicators} chỉ tiêu, ${counts.tasks} nhiệm vụ`],
  ];
  for (const [k, v] of meta) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow(["Cách điền"]).font = { bold: true, size: 12 };
  const steps = [
    `Tệp có hai trang cần điền: "${SHEETS.indicators}" (các chỉ tiêu được giao cho cơ quan) và "${SHEETS.tasks}" (các nhiệm vụ cơ quan chủ trì). Số liệu đã có trên cổng cho kỳ này đã được điền sẵn.`,
    "Chỉ nhập vào các ô nền trắng. Không sửa các cột nền xám và các cột ẩn (mã, phiên bản): cổng dùng chúng để nhận diện từng dòng. Không thêm, xóa, đổi tên hay đổi thứ tự cột, dòng và trang tính.",
    `Giá trị: nhập số theo đơn vị ghi ở cột "Đơn vị". Chấp nhận dấu phẩy thập phân (20,5) hoặc dấu chấm (20.5); dấu chấm phân cách hàng nghìn (1.000). Tỷ lệ phần trăm nhập từ 0 đến 100, không kèm ký hiệu %. Số lượng và thứ hạng là số nguyên; chỉ tiêu có/không nhập 1 (có) hoặc 0 (không).`,
    'Để trống ô giá trị nếu chưa có số liệu. Ghi rõ nguồn số liệu hoặc phương pháp tính ở cột "Nguồn / phương pháp".',
    'Nếu giá trị thay đổi nhiều so với quý trước, hãy giải thích ở cột "Giải thích biến động" (bắt buộc khi nộp).',
    `Tình trạng nhiệm vụ: chọn một trong: ${statuses}. "% hoàn thành" là số nguyên từ 0 đến 100; nhiệm vụ đã hoàn thành thì là 100 (để trống sẽ được hiểu là 100).`,
    "Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://. Tệp minh chứng được tải lên trực tiếp trên cổng.",
    "Độ dài tối đa: nguồn 500 ký tự; ghi chú, giải thích 2.000 ký tự; kết quả, khó khăn, bước tiếp theo 4.000 ký tự mỗi ô.",
    `Cột "Trạng thái" cho biết tình trạng duyệt của từng mục: ${Object.values(STATE_LABELS).join(", ")}. Mục đã nộp hoặc đã duyệt chỉ để xem: dòng đó được bỏ qua nếu không thay đổi, và bị báo lỗi nếu bị sửa.`,
    'Tải tệp đã điền lên trang "Nhập từ Excel" của cổng. Cổng hiển thị bản xem trước với lỗi của từng dòng; không có gì được ghi cho tới khi bạn xác nhận, và nếu còn dòng lỗi thì không dòng nào được ghi.',
    'Khi xác nhận, bạn chọn "Xác nhận ghi" (lưu bản nháp, nộp sau trên cổng) hoặc "Ghi và nộp" (nộp luôn cho người thẩm định, với cùng quy tắc như khi nộp trên cổng).',
    "Tệp chỉ dùng cho đúng cơ quan và kỳ báo cáo ghi ở trên, dung lượng tối đa 5 MB, định dạng .xlsx (lưu từ Excel, LibreOffice Calc hay chương trình bảng tính khác đều được).",
    "Nếu một mục được sửa trên cổng sau khi bạn tải mẫu, dòng đó sẽ bị báo xung đột: hãy tải mẫu mới và điền lại dòng đó.",
  ];
  steps.forEach((s, i) => {
    const r = ws.addRow([`${i + 1}.`, s]);
    r.getCell(2).alignment = { wrapText: true, vertical: "top" };
    r.getCell(1).alignment = { vertical: "top" };
  });
  return ws;
}

export type TemplateFile = { fileName: string; bytes: Uint8Array };

// Over 80 lines on purpose: the workbook is written top to bottom in sheet order (guide, indicators,
// tasks); the cell styles and columns it uses are already declared in layout.ts.
/** The workbook for one agency and quarter. Reading rules (own agency, national roles) apply. */
/** The reporter's text answers in a record, blank where there is none (or no record yet). */
function answers<K extends string>(c: Partial<Record<K, string | null>> | null, keys: K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, c?.[k] ?? ""])) as Record<K, string>;
}

export async function buildTemplate(
  user: SessionUser,
  opts: { agencyId: number; year: number; quarter: number; now?: Date },
): Promise<TemplateFile> {
  const { agencyId, year, quarter } = opts;
  const now = opts.now ?? clockNow();
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { code: true, nameVi: true } });
  if (!agency) throw new NotFoundError(msg("errors.api.agencyMissing"));
  const period = await requirePeriod({ year, quarter });
  const [indicators, tasks] = await Promise.all([
    indicatorItems(user, agencyId, year, quarter),
    taskItems(user, agencyId, year, quarter, { skip: 0, take: 5_000 }),
  ]);

  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng theo dõi Chuyển đổi số quốc gia";
  wb.created = now;
  wb.title = `Báo cáo ${agency.code} ${periodKeyOf(year, quarter)}`;
  const guide = addGuide(wb, agency, year, quarter, period, {
    indicators: indicators.length,
    tasks: tasks.items.length,
  });

  const prev = formatQuarter(previousQuarter({ year, quarter }), "vi");
  const ind = addTableSheet(wb, SHEETS.indicators, INDICATOR_COLUMNS);
  ind.getRow(1).getCell(INDICATOR_COLUMNS.findIndex((c) => c.key === "previous") + 1).note =
    `Giá trị ${prev} (đã duyệt nếu có).`;
  // A row is editable in the file exactly when the portal would let the reporter edit it.
  const canEditNow = (c: { state: string; reopened: boolean } | null) =>
    editable(c?.state ?? "DRAFT", period, now, c?.reopened ?? false);
  for (const item of indicators) {
    const c = item.current;
    const canEdit = canEditNow(c);
    const row = ind.addRow({
      code: item.indicator.code,
      version: c?.version ?? 0,
      name: item.indicator.nameVi,
      unit: item.indicator.unit,
      previous:
        item.previousValue == null
          ? ""
          : formatValue(item.previousValue, item.indicator.unit, item.indicator.kind, "vi"),
      target2025: targetText(item, 2025),
      target2030: targetText(item, 2030),
      value: c?.value == null ? "" : plainNumber(c.value),
      ...answers(c, ["source", "note", "explanation", "evidenceUrl"]),
      state: stateText(item.state, canEdit),
    });
    styleRow(row, INDICATOR_COLUMNS, canEdit);
    // Text format keeps "20,5" as typed whatever the spreadsheet's locale.
    row.getCell("value").numFmt = "@";
  }

  const tsk = addTableSheet(wb, SHEETS.tasks, TASK_COLUMNS);
  const statusList = `"${TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(",")}"`;
  for (const item of tasks.items) {
    const c = item.current;
    const canEdit = canEditNow(c);
    const row = tsk.addRow({
      key: item.task.key,
      version: c?.version ?? 0,
      document: item.task.documentNumber ?? item.task.documentKey,
      number: item.task.numberPrinted ?? "",
      title: item.task.title,
      deadline: deadlineText(item.task),
      status: STATUS_LABELS[(c?.status ?? "NOT_STARTED") as keyof typeof STATUS_LABELS],
      percent: c?.percentComplete ?? null,
      ...answers(c, ["achieved", "obstacles", "nextSteps", "evidenceUrl"]),
      state: stateText(item.state, canEdit),
    });
    styleRow(row, TASK_COLUMNS, canEdit);
    if (canEdit) {
      row.getCell("status").dataValidation = {
        type: "list",
        allowBlank: false,
        formulae: [statusList],
        showErrorMessage: true,
        errorTitle: "Tình trạng không hợp lệ",
        error: "Chọn một tình trạng trong danh sách.",
      };
      row.getCell("percent").dataValidation = {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [0, 100],
        showErrorMessage: true,
        errorTitle: "% hoàn thành không hợp lệ",
        error: "Nhập số nguyên từ 0 đến 100.",
      };
    }
  }

  await Promise.all([guide.protect("", PROTECTION), ind.protect("", PROTECTION), tsk.protect("", PROTECTION)]);
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName: templateFileName(agency.code, year, quarter), bytes: new Uint8Array(buffer as ArrayBuffer) };
}
