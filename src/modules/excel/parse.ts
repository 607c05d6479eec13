// Reads an uploaded reporting workbook into rows with their errors. No database access: what the
// agency may report and what is stored now arrive in `ImportContext`, built from the signed-in
// reporter's agency. Nothing in the file chooses the agency or the period; the file's own labels
// are only compared with them so a workbook of another agency or quarter is refused.
import { ValidationError } from "@/server/errors";
import { hasUnstorableChars } from "@/lib/text";
import { en } from "@/messages/en";
import { translate } from "@/i18n/translate";
import { editable, type PeriodDates } from "@/modules/reporting/rules";
import { indicatorRow, taskRow } from "@/modules/reporting/schemas";
import { checkIndicatorRow, checkTaskRow, type RowIssues } from "@/modules/reporting/validate";
import {
  INDICATOR_COLUMNS,
  META,
  SHEETS,
  STATUS_LABELS,
  TASK_COLUMNS,
  TASK_STATUSES,
  normalizeLabel,
  periodKeyOf,
  type ColumnSpec,
  type IndicatorColumn,
  type TaskColumn,
  type TaskStatus,
} from "./layout";
import { excelVi } from "@/messages/excel";
import {
  MAX_CELL_CHARS,
  MAX_CELLS,
  MAX_FILE_BYTES,
  MAX_ROWS_PER_SHEET,
  MAX_UNZIPPED_BYTES,
  MAX_ZIP_ENTRIES,
} from "./limits";
import { IsolatedReadError, readWorkbookIsolated } from "./reader/isolate";
import type { RawCell, RawRow, RawValue, RawWorkbook } from "./reader/workbook";

export type RowError = { field: string | null; message: string };
/** change: would be written; same: nothing to write (ignored); error: blocks the whole import. */
export type RowOutcome = "change" | "same" | "error";

export type IndicatorImportRow = {
  row: number;
  code: string;
  indicatorId: number | null;
  name: string;
  unit: string;
  kind: string;
  version: number;
  /** What would be written, normalised (the value as the reporting rules read it). */
  input: { value: string; source: string; note: string; explanation: string; evidenceUrl: string };
  parsedValue: number | null;
  current: { value: number | null; state: string; version: number } | null;
  outcome: RowOutcome;
  errors: RowError[];
};

export type TaskImportRow = {
  row: number;
  key: string;
  taskId: number | null;
  title: string;
  version: number;
  input: {
    status: TaskStatus | null;
    statusText: string;
    percent: string;
    achieved: string;
    obstacles: string;
    nextSteps: string;
    evidenceUrl: string;
  };
  parsedPercent: number | null;
  current: { status: string; percentComplete: number | null; state: string; version: number } | null;
  outcome: RowOutcome;
  errors: RowError[];
};

export type ParsedImport = {
  fileErrors: string[];
  indicators: IndicatorImportRow[];
  tasks: TaskImportRow[];
  /** Set when the batch was applied with "write and submit". */
  submitted?: boolean;
};

type Editable = { state: string; version: number; reopened: boolean };

export type ImportContext = {
  agencyCode: string;
  year: number;
  quarter: number;
  period: PeriodDates;
  now: Date;
  /** Every indicator by code; `assigned` when this agency reports it. */
  indicators: Map<
    string,
    {
      id: number;
      nameVi: string;
      kind: string;
      unit: string;
      minValue: number | null;
      maxValue: number | null;
      assigned: boolean;
    }
  >;
  /** This agency's observations of the quarter, by indicator id. */
  observations: Map<
    number,
    Editable & {
      value: number | null;
      source: string | null;
      note: string | null;
      explanation: string | null;
      evidenceUrl: string | null;
    }
  >;
  /** Every task by key; `led` when this agency leads it. */
  tasks: Map<string, { id: number; title: string; led: boolean }>;
  /** This agency's progress records of the quarter, by task id. */
  progress: Map<
    number,
    Editable & {
      status: TaskStatus;
      percentComplete: number | null;
      achieved: string | null;
      obstacles: string | null;
      nextSteps: string | null;
      evidenceUrl: string | null;
    }
  >;
};

const NOT_XLSX =
  "Tệp tải lên không phải là tệp Excel (.xlsx). Hãy tải mẫu từ cổng, điền số liệu rồi lưu ở định dạng .xlsx.";
const OLD_XLS = "Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở tệp và lưu lại ở định dạng Excel Workbook (.xlsx).";
const NEW_ROW =
  "Dòng này không có mã (cột ẩn). Không thêm dòng mới vào mẫu: chỉ điền vào các dòng có sẵn của mẫu tải từ cổng.";
const BAD_VERSION = "Cột phiên bản (ẩn) đã bị sửa. Hãy tải mẫu mới từ cổng.";
const READ_ONLY =
  "Mục này đã nộp hoặc đã duyệt nên không sửa được; hãy trả ô về giá trị cũ hoặc liên hệ người thẩm định.";
const LOCKED = "Kỳ báo cáo đã khóa (hoặc chưa mở) nên mục này không sửa được.";

function fileError(message: string): ValidationError {
  return new ValidationError({ file: [message] }, message);
}

/** Refuses what is not a reasonable .xlsx before any unzipping: size, signature, zip directory. */
export function checkFile(bytes: Uint8Array): void {
  if (bytes.length === 0) throw fileError("Tệp tải lên trống.");
  if (bytes.length > MAX_FILE_BYTES) {
    throw fileError(
      `Tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1).replace(".", ",")} MB). Dung lượng tối đa là 5 MB.`,
    );
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw fileError(OLD_XLS);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw fileError(NOT_XLSX);
  // Reads the zip's central directory: a workbook that would unpack to far more than any template
  // (a "zip bomb") is refused before the zip library inflates it.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fileError(NOT_XLSX);
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff || entries > MAX_ZIP_ENTRIES || dirOffset + dirSize > bytes.length)
    throw fileError(NOT_XLSX);
  let p = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw fileError(NOT_XLSX);
    total += view.getUint32(p + 24, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  if (total > MAX_UNZIPPED_BYTES) throw fileError(excelVi.refusals.tooBigUnzipped);
}

/** A number as the reporting rules read it: decimal comma, no grouping, no exponent. */
export function plainNumber(n: number): string {
  let s = String(n);
  if (/e/i.test(s)) s = n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return s.replace(".", ",");
}

type Cell =
  | RawValue
  | null
  | undefined
  | { text?: unknown; hyperlink?: unknown }
  | { richText: { text: string }[] }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: unknown };

/** What a cell shows, as text: numbers with a decimal comma, formulas by their result. */
export function cellText(v: Cell, preferLink = false): string {
  if (v == null) return "";
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n").normalize("NFC");
  if (typeof v === "number") return Number.isFinite(v) ? plainNumber(v) : "";
  if (typeof v === "boolean") return v ? "1" : "0";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return cellText(v.richText.map((r) => r.text).join(""));
    if ("hyperlink" in v && (preferLink || v.text == null))
      return typeof v.hyperlink === "string" ? v.hyperlink.trim() : "";
    if ("text" in v) return cellText(v.text as Cell);
    if ("formula" in v || "sharedFormula" in v) return cellText((v as { result?: unknown }).result as Cell);
    if ("error" in v) return String(v.error);
  }
  return "";
}

/** One sheet as read: its rows by number, each row's cells by column number. */
type Sheet = { name: string; rows: RawRow[]; byRow: Map<number, Map<number, RawCell>> };

function sheetOf(name: string, rows: RawRow[]): Sheet {
  return { name, rows, byRow: new Map(rows.map((r) => [r.n, new Map(r.cells)])) };
}

const valueAt = (ws: Sheet, row: number, col: number): RawValue | undefined => ws.byRow.get(row)?.get(col)?.value;

function headerMap<K extends string>(
  ws: Sheet,
  columns: readonly ColumnSpec<K>[],
  fileErrors: string[],
): Map<K, number> | null {
  const wanted = new Map(columns.map((c) => [normalizeLabel(c.header), c.key]));
  const found = new Map<K, number>();
  let ok = true;
  const header = [...(ws.byRow.get(1) ?? new Map<number, RawCell>())].sort((a, b) => a[0] - b[0]);
  for (const [col, cell] of header) {
    const text = cellText(cell.value).trim();
    if (!text) continue;
    const key = wanted.get(normalizeLabel(text));
    if (!key) {
      fileErrors.push(
        `Trang "${ws.name}": cột "${text}" không thuộc mẫu. Không thêm, đổi tên hay xóa cột; hãy dùng mẫu tải từ cổng.`,
      );
      ok = false;
    } else if (found.has(key)) {
      fileErrors.push(`Trang "${ws.name}": cột "${text}" xuất hiện hai lần.`);
      ok = false;
    } else found.set(key, col);
  }
  for (const c of columns) {
    if (!found.has(c.key)) {
      fileErrors.push(
        `Trang "${ws.name}": thiếu cột "${c.header}". Không xóa hay đổi tên cột; hãy dùng mẫu tải từ cổng.`,
      );
      ok = false;
    }
  }
  return ok ? found : null;
}

type SheetRow<K extends string> = {
  row: number;
  get: (k: K, preferLink?: boolean) => string;
  raw: (k: K) => RawCell | undefined;
  stray: number[];
};

/** Non-empty data rows (from row 2) with their cells by column key and any cell outside the columns. */
function dataRows<K extends string>(ws: Sheet, cols: Map<K, number>): SheetRow<K>[] {
  const known = new Set(cols.values());
  const out: SheetRow<K>[] = [];
  for (const r of ws.rows) {
    if (r.n === 1) continue;
    const stray: number[] = [];
    let any = false;
    for (const [col, cell] of r.cells) {
      if (!cellText(cell.value).trim()) continue;
      any = true;
      if (!known.has(col)) stray.push(col);
    }
    if (!any) continue;
    const cells = ws.byRow.get(r.n)!;
    out.push({
      row: r.n,
      get: (k, preferLink) => cellText(cells.get(cols.get(k)!)?.value, preferLink),
      raw: (k) => cells.get(cols.get(k)!),
      stray: stray.sort((a, b) => a - b),
    });
  }
  return out;
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const clean = (s: string) => (s.trim() ? s.trim() : null);

function parseVersion(raw: string): number | null {
  const s = raw.trim();
  if (s === "") return 0;
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** Length limits of the reporting forms, with their messages. */
function lengthErrors(schema: typeof indicatorRow | typeof taskRow, input: Record<string, unknown>): RowError[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues
    .filter((i) => i.code === "too_big")
    .map((i) => ({ field: String(i.path[0]), message: i.message }));
}

/** The shared row rules' issues, as a preview lists them (always Vietnamese, like the workbook). */
function rowErrors(issues: RowIssues): RowError[] {
  return Object.entries(issues).flatMap(([field, list]) => list.map((m) => ({ field, message: translate("vi", m) })));
}

function editability(item: Editable | undefined, ctx: ImportContext, version: number): RowError[] {
  const errors: RowError[] = [];
  if (item && (item.state === "SUBMITTED" || item.state === "APPROVED"))
    errors.push({ field: null, message: READ_ONLY });
  else if (!editable(item?.state ?? "DRAFT", ctx.period, ctx.now, item?.reopened ?? false))
    errors.push({ field: null, message: LOCKED });
  if ((item?.version ?? 0) !== version) {
    errors.push({
      field: null,
      message: `Mục này đã được cập nhật trên cổng sau khi bạn tải mẫu (phiên bản trong tệp ${version}, hiện tại ${item?.version ?? 0}). Hãy tải mẫu mới, điền lại dòng này rồi tải lên.`,
    });
  }
  return errors;
}

const ROW_TEXTS = {
  ind: {
    unknown: (code: string) => `Không có chỉ tiêu mã "${code}". Không sửa cột mã (ẩn) của mẫu.`,
    notOurs: "Chỉ tiêu này không được giao cho cơ quan của bạn.",
    twice: (row: number) => `Chỉ tiêu này đã có ở dòng ${row}; mỗi chỉ tiêu chỉ nhập một dòng.`,
  },
  task: {
    unknown: (key: string) => `Không có nhiệm vụ mã "${key}". Không sửa cột mã (ẩn) của mẫu.`,
    notOurs: "Nhiệm vụ này không do cơ quan của bạn chủ trì.",
    twice: (row: number) => `Nhiệm vụ này đã có ở dòng ${row}; mỗi nhiệm vụ chỉ nhập một dòng.`,
  },
};

/**
 * The checks before a row's content, for either sheet: cells outside the columns, the (hidden) id,
 * whether this agency reports the item, a second row for the same item, the version cell. Returns
 * the error that stops the row, if one does; the others go into `errors`.
 */
function identify(
  r: { row: number; stray: number[] },
  id: string,
  item: { allowed: boolean } | undefined,
  seen: Map<string, number>,
  rawVersion: number | null,
  errors: RowError[],
  texts: (typeof ROW_TEXTS)["ind"],
): RowError | null {
  if (r.stray.length)
    errors.push({
      field: null,
      message: `Có dữ liệu ở cột ${r.stray.map(columnLetter).join(", ")}, ngoài các cột của mẫu.`,
    });
  if (!id) return { field: null, message: NEW_ROW };
  if (!item) return { field: null, message: texts.unknown(id) };
  if (!item.allowed) return { field: null, message: texts.notOurs };
  if (seen.has(id)) errors.push({ field: null, message: texts.twice(seen.get(id)!) });
  else seen.set(id, r.row);
  if (rawVersion == null) errors.push({ field: null, message: BAD_VERSION });
  return null;
}

/**
 * The data rows of a sheet whose header row is right (none when it is not), each with its version
 * cell read; `seen` follows the ids met so far, for the check of a second row for one item.
 */
function sheetRows<K extends string, Row>(
  ws: Sheet,
  columns: readonly ColumnSpec<K>[],
  fileErrors: string[],
  each: (r: SheetRow<K>, version: { rawVersion: number | null; version: number }, seen: Map<string, number>) => Row,
): Row[] {
  const cols = headerMap<K>(ws, columns, fileErrors);
  if (!cols) return [];
  const seen = new Map<string, number>();
  return dataRows(ws, cols).map((r) => {
    const rawVersion = parseVersion(r.get("version" as K));
    return each(r, { rawVersion, version: rawVersion ?? 0 }, seen);
  });
}

const outcomeOf = (errors: RowError[], changed: boolean) =>
  errors.length ? ("error" as const) : changed ? ("change" as const) : ("same" as const);

function parseIndicators(ws: Sheet, ctx: ImportContext, fileErrors: string[]): IndicatorImportRow[] {
  return sheetRows<IndicatorColumn, IndicatorImportRow>(
    ws,
    INDICATOR_COLUMNS,
    fileErrors,
    (r, { rawVersion, version }, seen) => {
      const errors: RowError[] = [];
      const code = r.get("code").trim();
      const ind = code ? ctx.indicators.get(code) : undefined;
      const input = {
        value: r.get("value").trim(),
        source: r.get("source"),
        note: r.get("note"),
        explanation: r.get("explanation"),
        evidenceUrl: r.get("evidenceUrl", true).trim(),
      };
      const base = {
        row: r.row,
        code,
        indicatorId: null,
        name: ind?.nameVi ?? r.get("name").trim(),
        unit: ind?.unit ?? r.get("unit").trim(),
        kind: ind?.kind ?? "",
        version,
        input,
        parsedValue: null,
        current: null,
      };
      const stop = identify(r, code, ind && { allowed: ind.assigned }, seen, rawVersion, errors, ROW_TEXTS.ind);
      if (stop || !ind) return { ...base, outcome: "error" as const, errors: [...errors, ...(stop ? [stop] : [])] };

      errors.push(...lengthErrors(indicatorRow, { indicatorId: ind.id, version, ...input }));
      const checked = checkIndicatorRow(input, ind);
      const parsedValue = checked.value;
      errors.push(...rowErrors(checked.issues));
      const obs = ctx.observations.get(ind.id);
      const valueOk = !input.value || parsedValue != null;
      let changed: boolean;
      if (!obs) {
        changed = !!input.value || !!clean(input.source) || !!clean(input.note);
        if (!changed && (clean(input.explanation) || clean(input.evidenceUrl))) {
          errors.push({
            field: "value",
            message: "Hãy nhập giá trị (hoặc nguồn, ghi chú) trước khi thêm giải thích hay minh chứng.",
          });
        }
      } else {
        changed =
          !valueOk ||
          obs.value !== parsedValue ||
          obs.source !== clean(input.source) ||
          obs.note !== clean(input.note) ||
          obs.explanation !== clean(input.explanation) ||
          obs.evidenceUrl !== clean(input.evidenceUrl);
      }
      if (changed && rawVersion != null) errors.push(...editability(obs, ctx, version));
      const normal = { ...input, value: parsedValue == null ? input.value : plainNumber(parsedValue) };
      return {
        ...base,
        indicatorId: ind.id,
        input: normal,
        parsedValue,
        current: obs ? { value: obs.value, state: obs.state, version: obs.version } : null,
        outcome: outcomeOf(errors, changed),
        errors,
      };
    },
  );
}

const STATUS_BY_LABEL = new Map<string, TaskStatus>(
  TASK_STATUSES.flatMap((s) => [
    [normalizeLabel(STATUS_LABELS[s]), s],
    [normalizeLabel(en.reporting.taskStatus[s]), s],
    [normalizeLabel(s), s],
  ]),
);

/** "60", 60, "60%", or 0.6 in a percentage-formatted cell → "60"; anything else stays as typed. */
function percentText(cell: RawCell | undefined, text: string): string {
  if (cell && typeof cell.value === "number" && (cell.numFmt ?? "").includes("%"))
    return plainNumber(Math.round(cell.value * 100 * 1e9) / 1e9);
  return text.trim().replace(/\s*%$/, "");
}

function parseTasks(ws: Sheet, ctx: ImportContext, fileErrors: string[]): TaskImportRow[] {
  return sheetRows<TaskColumn, TaskImportRow>(ws, TASK_COLUMNS, fileErrors, (r, { rawVersion, version }, seen) => {
    const errors: RowError[] = [];
    const key = r.get("key").trim();
    const task = key ? ctx.tasks.get(key) : undefined;
    const statusText = r.get("status").trim();
    const status = statusText ? (STATUS_BY_LABEL.get(normalizeLabel(statusText)) ?? null) : null;
    const input = {
      status,
      statusText,
      percent: percentText(r.raw("percent"), r.get("percent")),
      achieved: r.get("achieved"),
      obstacles: r.get("obstacles"),
      nextSteps: r.get("nextSteps"),
      evidenceUrl: r.get("evidenceUrl", true).trim(),
    };
    const base = {
      row: r.row,
      key,
      taskId: null,
      title: task?.title ?? r.get("title").trim(),
      version,
      input,
      parsedPercent: null,
      current: null,
    };
    const stop = identify(r, key, task && { allowed: task.led }, seen, rawVersion, errors, ROW_TEXTS.task);
    if (stop || !task) return { ...base, outcome: "error" as const, errors: [...errors, ...(stop ? [stop] : [])] };

    const tp = ctx.progress.get(task.id);
    const untouched =
      !tp &&
      (!statusText || status === "NOT_STARTED") &&
      !input.percent &&
      !clean(input.achieved) &&
      !clean(input.obstacles) &&
      !clean(input.nextSteps);
    if (untouched) {
      if (clean(input.evidenceUrl))
        errors.push({ field: "status", message: "Hãy chọn tình trạng hoặc nêu kết quả trước khi thêm minh chứng." });
      return { ...base, taskId: task.id, outcome: errors.length ? ("error" as const) : ("same" as const), errors };
    }
    if (!statusText) errors.push({ field: "status", message: "Vui lòng chọn tình trạng của nhiệm vụ." });
    else if (!status) {
      errors.push({
        field: "status",
        message: `Tình trạng "${statusText}" không hợp lệ. Chọn một trong: ${TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(", ")}.`,
      });
    }
    errors.push(...lengthErrors(taskRow, { ...input, taskId: task.id, version, status: status ?? "NOT_STARTED" }));
    const checked = checkTaskRow(input);
    const parsedPercent = checked.percent;
    errors.push(...rowErrors(checked.issues));
    const changed =
      !tp ||
      !status ||
      tp.status !== status ||
      tp.percentComplete !== parsedPercent ||
      tp.achieved !== clean(input.achieved) ||
      tp.obstacles !== clean(input.obstacles) ||
      tp.nextSteps !== clean(input.nextSteps) ||
      tp.evidenceUrl !== clean(input.evidenceUrl);
    if (changed && rawVersion != null) errors.push(...editability(tp, ctx, version));
    return {
      ...base,
      taskId: task.id,
      input: { ...input, percent: parsedPercent == null ? input.percent : String(parsedPercent) },
      parsedPercent,
      current: tp
        ? { status: tp.status, percentComplete: tp.percentComplete, state: tp.state, version: tp.version }
        : null,
      outcome: outcomeOf(errors, changed),
      errors,
    };
  });
}

function metaValues(ws: Sheet): { agencyCode: string | null; period: string | null } {
  const out = { agencyCode: null as string | null, period: null as string | null };
  const agencyLabel = normalizeLabel(META.agencyCode);
  const periodLabel = normalizeLabel(META.period);
  for (let n = 1; n <= 30; n++) {
    const label = normalizeLabel(cellText(valueAt(ws, n, 1)));
    const value = cellText(valueAt(ws, n, 2)).trim();
    if (label === agencyLabel) out.agencyCode = value;
    if (label === periodLabel) out.period = value;
  }
  return out;
}

/**
 * Excel cannot type a control character, but a hand-made file can carry one (the `_x0000_`
 * escape): a NUL failed the preview's save with an internal error, and the stored preview (JSON)
 * cannot hold it. Such a file is refused, naming the first cell (or sheet name) concerned.
 */
function refuseControlCharacters(wb: RawWorkbook): void {
  if (wb.sheetNames.some(hasUnstorableChars))
    throw fileError("Tên một trang tính có ký tự điều khiển hoặc mã Unicode hỏng. Hãy dùng mẫu tải từ cổng.");
  for (const ws of wb.sheets) {
    for (const r of ws.rows) {
      for (const [col, cell] of r.cells) {
        if (hasUnstorableChars(cellText(cell.value, true)) || hasUnstorableChars(cellText(cell.value))) {
          throw fileError(
            `Trang "${ws.name}", ô ${columnLetter(col)}${r.n}: có ký tự điều khiển hoặc mã Unicode hỏng, không phải nội dung gõ từ Excel. Hãy xóa nội dung ô đó rồi tải lên lại.`,
          );
        }
      }
    }
  }
}

const WANTED_SHEETS = Object.values(SHEETS).map(normalizeLabel);
const READ_LIMITS = {
  maxUnzipped: MAX_UNZIPPED_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
  maxRows: MAX_ROWS_PER_SHEET,
  maxCells: MAX_CELLS,
  maxCellChars: MAX_CELL_CHARS,
};
const thousands = (n: number) => n.toLocaleString("vi-VN");

/** Why the reader refused a file, in Vietnamese (the messages are in the excel catalogue). */
function readFailure(err: IsolatedReadError): ValidationError {
  const r = excelVi.refusals;
  switch (err.code) {
    case "TOO_BIG":
      return fileError(r.tooBigUnzipped);
    case "TOO_MANY_ROWS":
      return fileError(fill(r.tooManyRows, { sheet: err.sheet ?? "", max: thousands(MAX_ROWS_PER_SHEET) }));
    case "TOO_MANY_CELLS":
      return fileError(fill(r.tooManyCells, { max: thousands(MAX_CELLS) }));
    case "CELL_TOO_LONG":
      return fileError(fill(r.cellTooLong, { max: thousands(MAX_CELL_CHARS) }));
    case "TIMEOUT":
      return fileError(r.readTimeout);
    default:
      return fileError(NOT_XLSX);
  }
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** Reads the upload's cells in a worker thread (memory and time limits); throws ValidationError. */
export async function readUpload(bytes: Uint8Array): Promise<RawWorkbook> {
  checkFile(bytes);
  try {
    return await readWorkbookIsolated(bytes, READ_LIMITS, WANTED_SHEETS);
  } catch (err) {
    if (err instanceof IsolatedReadError) throw readFailure(err);
    throw err;
  }
}

/** Parses an uploaded workbook. Throws ValidationError for a file that is not a usable .xlsx. */
export async function parseWorkbook(bytes: Uint8Array, ctx: ImportContext): Promise<ParsedImport> {
  return parseRead(await readUpload(bytes), ctx);
}

/** The rows of a workbook already read, checked against what the agency may report (pure). */
export function parseRead(wb: RawWorkbook, ctx: ImportContext): ParsedImport {
  refuseControlCharacters(wb);
  const fileErrors: string[] = [];
  const sheetsByName = new Map<string, Sheet>();
  for (const ws of wb.sheets)
    if (!sheetsByName.has(normalizeLabel(ws.name)))
      sheetsByName.set(normalizeLabel(ws.name), sheetOf(ws.name, ws.rows));
  const known = new Set(WANTED_SHEETS);
  for (const name of wb.sheetNames) {
    if (!known.has(normalizeLabel(name)))
      fileErrors.push(`Trang tính "${name}" không thuộc mẫu. Hãy xóa trang này hoặc dùng mẫu tải từ cổng.`);
  }
  const guide = sheetsByName.get(normalizeLabel(SHEETS.guide));
  const expectedPeriod = periodKeyOf(ctx.year, ctx.quarter);
  if (!guide) fileErrors.push(`Thiếu trang tính "${SHEETS.guide}". Hãy dùng mẫu tải từ cổng.`);
  else {
    const meta = metaValues(guide);
    if (!meta.agencyCode || !meta.period)
      fileErrors.push(
        `Không tìm thấy mã cơ quan và kỳ báo cáo trong trang "${SHEETS.guide}". Hãy dùng mẫu tải từ cổng.`,
      );
    if (meta.agencyCode && meta.agencyCode !== ctx.agencyCode) {
      fileErrors.push(
        `Tệp này là mẫu của cơ quan ${meta.agencyCode}, không phải cơ quan của bạn (${ctx.agencyCode}). Hãy tải mẫu của cơ quan mình.`,
      );
    }
    if (meta.period && meta.period !== expectedPeriod) {
      fileErrors.push(
        `Tệp này là mẫu của kỳ ${meta.period}, trong khi bạn đang nhập cho kỳ ${expectedPeriod}. Hãy chọn đúng kỳ hoặc tải mẫu của kỳ ${expectedPeriod}.`,
      );
    }
  }
  const sheets = {
    indicators: sheetsByName.get(normalizeLabel(SHEETS.indicators)),
    tasks: sheetsByName.get(normalizeLabel(SHEETS.tasks)),
  };
  for (const [k, ws] of Object.entries(sheets)) {
    if (!ws)
      fileErrors.push(
        `Thiếu trang tính "${SHEETS[k as keyof typeof sheets]}". Không đổi tên hay xóa trang tính của mẫu.`,
      );
  }
  return {
    fileErrors,
    indicators: sheets.indicators ? parseIndicators(sheets.indicators, ctx, fileErrors) : [],
    tasks: sheets.tasks ? parseTasks(sheets.tasks, ctx, fileErrors) : [],
  };
}

/** Rows with errors plus problems of the file as a whole; confirmation needs zero. */
export function errorCountOf(p: ParsedImport): number {
  return (
    p.fileErrors.length +
    p.indicators.filter((r) => r.outcome === "error").length +
    p.tasks.filter((r) => r.outcome === "error").length
  );
}
