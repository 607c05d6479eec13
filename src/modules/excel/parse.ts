// Reads an uploaded reporting workbook into rows with their errors. No database access: what the
// agency may report and what is stored now arrive in `ImportContext`, built from the signed-in
// reporter's agency. Nothing in the file chooses the agency or the period; the file's own labels
// are only compared with them so a workbook of another agency or quarter is refused.
import { ValidationError } from "@/server/errors";
import { hasUnstorableChars } from "@/lib/text";
import { en } from "@/messages/en";
import type { Messages } from "@/i18n/messages";
import { msg, type Msg, type MsgParam, type Text } from "@/i18n/translate";
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

/**
 * One row's problem. `message` is a message by key (translated where the preview shows it); a
 * batch stored before messages were keys holds Vietnamese text, which is shown as it is.
 */
export type RowError = { field: string | null; message: Text };
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
  fileErrors: Text[];
  indicators: IndicatorImportRow[];
  tasks: TaskImportRow[];
  /** Set when the batch was applied with "write and submit". */
  submitted?: boolean;
};

type Editable = { state: string; version: number; reopened: boolean };

type IndicatorInfo = {
  id: number;
  nameVi: string;
  kind: string;
  unit: string;
  minValue: number | null;
  maxValue: number | null;
  /** This agency reports it. */
  assigned: boolean;
};
type TaskInfo = { id: number; title: string; /** This agency leads it. */ led: boolean };

export type ImportContext = {
  agencyCode: string;
  year: number;
  quarter: number;
  period: PeriodDates;
  now: Date;
  /** Every indicator by code. */
  indicators: Map<string, IndicatorInfo>;
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
  /** Every task by key. */
  tasks: Map<string, TaskInfo>;
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

const refusal = (key: keyof Messages["excel"]["refusals"], params?: Record<string, MsgParam>) =>
  msg(`excel.refusals.${key}`, params);

function fileError(message: Msg): ValidationError {
  return new ValidationError({ file: [message] }, message);
}

/** Refuses what is not a reasonable .xlsx before any unzipping: size, signature, zip directory. */
export function checkFile(bytes: Uint8Array): void {
  if (bytes.length === 0) throw fileError(refusal("empty"));
  if (bytes.length > MAX_FILE_BYTES)
    throw fileError(refusal("fileTooBig", { mb: Math.round((bytes.length / 1024 / 1024) * 10) / 10 }));
  const notXlsx = () => fileError(refusal("notXlsx"));
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw fileError(refusal("oldXls"));
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw notXlsx();
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
  if (eocd < 0) throw notXlsx();
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || dirOffset === 0xffffffff || entries > MAX_ZIP_ENTRIES || dirOffset + dirSize > bytes.length)
    throw notXlsx();
  let p = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw notXlsx();
    total += view.getUint32(p + 24, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  if (total > MAX_UNZIPPED_BYTES) throw fileError(refusal("tooBigUnzipped"));
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
  fileErrors: Text[],
): Map<K, number> | null {
  const wanted = new Map(columns.map((c) => [normalizeLabel(c.header), c.key]));
  const found = new Map<K, number>();
  const before = fileErrors.length;
  const header = [...(ws.byRow.get(1) ?? new Map<number, RawCell>())].sort((a, b) => a[0] - b[0]);
  for (const [col, cell] of header) {
    const text = cellText(cell.value).trim();
    if (!text) continue;
    const key = wanted.get(normalizeLabel(text));
    if (!key) fileErrors.push(refusal("unknownColumn", { sheet: ws.name, column: text }));
    else if (found.has(key)) fileErrors.push(refusal("columnTwice", { sheet: ws.name, column: text }));
    else found.set(key, col);
  }
  for (const c of columns)
    if (!found.has(c.key)) fileErrors.push(refusal("missingColumn", { sheet: ws.name, column: c.header }));
  return fileErrors.length === before ? found : null;
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

type FieldLabel = keyof Messages["errors"]["fields"];

const clean = (s: string) => (s.trim() ? s.trim() : null);

function parseVersion(raw: string): number | null {
  const s = raw.trim();
  if (s === "") return 0;
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** Length limits of the reporting forms, named by key like the forms' own messages. */
function lengthErrors(schema: typeof indicatorRow | typeof taskRow, input: Record<string, unknown>): RowError[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.flatMap((i) => {
    if (i.code !== "too_big") return [];
    const field = String(i.path[0]) as FieldLabel;
    const label = msg(`errors.fields.${field}`);
    return [{ field, message: msg("errors.field.tooLong", { label, max: String(i.maximum) }) }];
  });
}

/** The shared row rules' issues, as a preview lists them. */
function rowErrors(issues: RowIssues): RowError[] {
  return Object.entries(issues).flatMap(([field, list]) => list.map((message) => ({ field, message })));
}

function editability(item: Editable | undefined, ctx: ImportContext, version: number): RowError[] {
  const errors: RowError[] = [];
  if (item && (item.state === "SUBMITTED" || item.state === "APPROVED"))
    errors.push({ field: null, message: msg("excel.rows.readOnly") });
  else if (!editable(item?.state ?? "DRAFT", ctx.period, ctx.now, item?.reopened ?? false))
    errors.push({ field: null, message: msg("excel.rows.locked") });
  const now = item?.version ?? 0;
  if (now !== version)
    errors.push({ field: null, message: msg("excel.rows.stale", { file: String(version), now: String(now) }) });
  return errors;
}

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
  kind: keyof Kinds,
): RowError | null {
  if (r.stray.length)
    errors.push({ field: null, message: msg("excel.rows.stray", { columns: r.stray.map(columnLetter).join(", ") }) });
  if (!id) return { field: null, message: msg("excel.rows.newRow") };
  if (!item) return { field: null, message: msg(`excel.rows.${kind}.unknown`, { id }) };
  if (!item.allowed) return { field: null, message: msg(`excel.rows.${kind}.notOurs`) };
  if (seen.has(id))
    errors.push({ field: null, message: msg(`excel.rows.${kind}.twice`, { row: String(seen.get(id)) }) });
  else seen.set(id, r.row);
  if (rawVersion == null) errors.push({ field: null, message: msg("excel.rows.badVersion") });
  return null;
}

const outcomeOf = (errors: RowError[], changed: boolean) =>
  errors.length ? ("error" as const) : changed ? ("change" as const) : ("same" as const);

/** The cells a reporter types freely (as typed) and the evidence link (the link of a linked cell). */
const entered = <K extends string, T extends K>(r: SheetRow<K | "evidenceUrl">, texts: readonly T[]) => ({
  ...(Object.fromEntries(texts.map((k) => [k, r.get(k)])) as Record<T, string>),
  evidenceUrl: r.get("evidenceUrl", true).trim(),
});

/** Whether a stored record's text fields differ from the row's (blank cells read as null). */
const textsDiffer = <F extends string>(
  stored: Record<F, string | null>,
  input: Record<F, string>,
  keys: readonly F[],
) => keys.some((k) => stored[k] !== clean(input[k]));

type ImportRow = IndicatorImportRow | TaskImportRow;
type Read<Row extends ImportRow> = Omit<Row, "outcome" | "errors">;

/**
 * How a sheet's rows name their item: the columns, the hidden id column, the context's items by id
 * and this agency's records of the quarter by item id, and the flag that lets the agency write it.
 */
const SHEET_ITEMS = {
  indicator: { columns: INDICATOR_COLUMNS, id: "code", items: "indicators", records: "observations", flag: "assigned" },
  task: { columns: TASK_COLUMNS, id: "key", items: "tasks", records: "progress", flag: "led" },
} as const;

type Kinds = {
  indicator: { column: IndicatorColumn; item: IndicatorInfo; stored: MapValue<ImportContext["observations"]> };
  task: { column: TaskColumn; item: TaskInfo; stored: MapValue<ImportContext["progress"]> };
};
type MapValue<M> = M extends Map<unknown, infer V> ? V : never;

/**
 * What differs between the two sheets' rows: how a row is read and checked. Everything else
 * (header, data rows, version cell, id and permission checks, editability, outcome) is one
 * pipeline, `parseSheet`.
 */
type RowKind<
  N extends keyof Kinds,
  Row extends ImportRow,
  K extends string = Kinds[N]["column"],
  Item = Kinds[N]["item"],
  Stored = Kinds[N]["stored"],
> = {
  name: N;
  /** The row as read, before any check (what an unusable row shows), but for line, version and current. */
  read: (r: SheetRow<K>, id: string, item: Item | undefined) => Omit<Read<Row>, "row" | "version" | "current">;
  /** A row left as the template had it: its errors (it writes nothing), or null when it was filled in. */
  untouched?: (input: Row["input"], stored: Stored | undefined) => RowError[] | null;
  /** The reporting form's rules: their errors and the figure as they read it. */
  rules: (input: Row["input"], item: Item, version: number) => { parsed: number | null; errors: RowError[] };
  /** Whether the row changes what is stored; may add an error that needs the answer. */
  changes: (input: Row["input"], parsed: number | null, stored: Stored | undefined, errors: RowError[]) => boolean;
  /** The row to show once checked: normalised input, the figure read, what is stored now. */
  checked: (read: Read<Row>, item: Item, parsed: number | null, stored: Stored | undefined) => Read<Row>;
};

function parseSheet<N extends keyof Kinds, Row extends ImportRow>(
  ws: Sheet,
  kind: RowKind<N, Row>,
  ctx: ImportContext,
  fileErrors: Text[],
): Row[] {
  type Item = Kinds[N]["item"] & { id: number };
  const sheet = SHEET_ITEMS[kind.name];
  const items = ctx[sheet.items] as Map<string, Item>;
  const records = ctx[sheet.records] as Map<number, Kinds[N]["stored"]>;
  const cols = headerMap(ws, sheet.columns as readonly ColumnSpec<Kinds[N]["column"]>[], fileErrors);
  if (!cols) return [];
  const seen = new Map<string, number>();
  return dataRows(ws, cols).map((r) => {
    const rawVersion = parseVersion(r.get("version"));
    const version = rawVersion ?? 0;
    const id = r.get(sheet.id).trim();
    const item = id ? items.get(id) : undefined;
    const read = { row: r.row, version, current: null, ...kind.read(r, id, item) } as Read<Row>;
    const errors: RowError[] = [];
    const permitted = item && { allowed: (item as Record<string, unknown>)[sheet.flag] === true };
    const stop = identify(r, id, permitted, seen, rawVersion, errors, kind.name);
    if (stop || !item) return { ...read, outcome: "error", errors: [...errors, ...(stop ? [stop] : [])] } as Row;
    const stored = records.get(item.id);
    const untouched = kind.untouched?.(read.input, stored);
    if (untouched) {
      errors.push(...untouched);
      return { ...kind.checked(read, item, null, stored), outcome: outcomeOf(errors, false), errors } as Row;
    }
    const rules = kind.rules(read.input, item, version);
    errors.push(...rules.errors);
    const changed = kind.changes(read.input, rules.parsed, stored, errors);
    if (changed && rawVersion != null) errors.push(...editability(stored, ctx, version));
    return { ...kind.checked(read, item, rules.parsed, stored), outcome: outcomeOf(errors, changed), errors } as Row;
  });
}

const INDICATOR_TEXTS = ["source", "note", "explanation"] as const;

const indicatorKind: RowKind<"indicator", IndicatorImportRow> = {
  name: "indicator",
  read: (r, code, ind) => ({
    code,
    indicatorId: null,
    name: ind?.nameVi ?? r.get("name").trim(),
    unit: ind?.unit ?? r.get("unit").trim(),
    kind: ind?.kind ?? "",
    input: { value: r.get("value").trim(), ...entered(r, INDICATOR_TEXTS) },
    parsedValue: null,
  }),
  rules: (input, ind, version) => {
    const checked = checkIndicatorRow(input, ind);
    const errors = lengthErrors(indicatorRow, { indicatorId: ind.id, version, ...input });
    return { parsed: checked.value, errors: [...errors, ...rowErrors(checked.issues)] };
  },
  changes: (input, parsedValue, obs, errors) => {
    if (obs) {
      const valueOk = !input.value || parsedValue != null;
      return !valueOk || obs.value !== parsedValue || textsDiffer(obs, input, [...INDICATOR_TEXTS, "evidenceUrl"]);
    }
    const changed = !!input.value || !!clean(input.source) || !!clean(input.note);
    if (!changed && (clean(input.explanation) || clean(input.evidenceUrl)))
      errors.push({ field: "value", message: msg("excel.rows.valueFirst") });
    return changed;
  },
  checked: (read, ind, parsedValue, obs) => ({
    ...read,
    indicatorId: ind.id,
    input: { ...read.input, value: parsedValue == null ? read.input.value : plainNumber(parsedValue) },
    parsedValue,
    current: obs ? { value: obs.value, state: obs.state, version: obs.version } : null,
  }),
};

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

const TASK_TEXTS = ["achieved", "obstacles", "nextSteps"] as const;

/** The status cell's errors: none when it names a status. */
function statusErrors(statusText: string, status: TaskStatus | null): RowError[] {
  if (!statusText) return [{ field: "status", message: msg("excel.rows.statusRequired") }];
  if (status) return [];
  // The choices are the workbook's drop-down, which is Vietnamese whatever the page's language.
  const choices = TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(", ");
  return [{ field: "status", message: msg("excel.rows.statusInvalid", { status: statusText, choices }) }];
}

const taskKind: RowKind<"task", TaskImportRow> = {
  name: "task",
  read: (r, key, task) => {
    const statusText = r.get("status").trim();
    const status = statusText ? (STATUS_BY_LABEL.get(normalizeLabel(statusText)) ?? null) : null;
    const percent = percentText(r.raw("percent"), r.get("percent"));
    const title = task?.title ?? r.get("title").trim();
    return {
      key,
      taskId: null,
      title,
      input: { status, statusText, percent, ...entered(r, TASK_TEXTS) },
      parsedPercent: null,
    };
  },
  // Nothing stored and nothing but "not started" typed: the row is as the template had it.
  untouched: (input, tp) => {
    const blank = !input.percent && !TASK_TEXTS.some((k) => clean(input[k]));
    if (tp || (input.statusText && input.status !== "NOT_STARTED") || !blank) return null;
    return clean(input.evidenceUrl) ? [{ field: "status", message: msg("excel.rows.statusFirst") }] : [];
  },
  rules: (input, task, version) => {
    const status = input.status ?? "NOT_STARTED";
    const checked = checkTaskRow(input);
    return {
      parsed: checked.percent,
      errors: [
        ...statusErrors(input.statusText, input.status),
        ...lengthErrors(taskRow, { ...input, taskId: task.id, version, status }),
        ...rowErrors(checked.issues),
      ],
    };
  },
  changes: (input, parsedPercent, tp) =>
    !tp ||
    !input.status ||
    tp.status !== input.status ||
    tp.percentComplete !== parsedPercent ||
    textsDiffer(tp, input, [...TASK_TEXTS, "evidenceUrl"]),
  checked: (read, task, parsedPercent, tp) => ({
    ...read,
    taskId: task.id,
    input: { ...read.input, percent: parsedPercent == null ? read.input.percent : String(parsedPercent) },
    parsedPercent,
    current: tp
      ? { status: tp.status, percentComplete: tp.percentComplete, state: tp.state, version: tp.version }
      : null,
  }),
};

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
  if (wb.sheetNames.some(hasUnstorableChars)) throw fileError(refusal("badSheetName"));
  for (const ws of wb.sheets) {
    for (const r of ws.rows) {
      for (const [col, cell] of r.cells) {
        if (hasUnstorableChars(cellText(cell.value, true)) || hasUnstorableChars(cellText(cell.value)))
          throw fileError(refusal("badCell", { sheet: ws.name, cell: `${columnLetter(col)}${r.n}` }));
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

/** Why the reader refused a file (the limits are numbers, written the reader's way when shown). */
function readFailure(err: IsolatedReadError): ValidationError {
  switch (err.code) {
    case "TOO_BIG":
      return fileError(refusal("tooBigUnzipped"));
    case "TOO_MANY_ROWS":
      return fileError(refusal("tooManyRows", { sheet: err.sheet ?? "", max: MAX_ROWS_PER_SHEET }));
    case "TOO_MANY_CELLS":
      return fileError(refusal("tooManyCells", { max: MAX_CELLS }));
    case "CELL_TOO_LONG":
      return fileError(refusal("cellTooLong", { max: MAX_CELL_CHARS }));
    case "TIMEOUT":
      return fileError(refusal("readTimeout"));
    default:
      return fileError(refusal("notXlsx"));
  }
}

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
  const fileErrors: Text[] = [];
  const sheetsByName = new Map<string, Sheet>();
  for (const ws of wb.sheets)
    if (!sheetsByName.has(normalizeLabel(ws.name)))
      sheetsByName.set(normalizeLabel(ws.name), sheetOf(ws.name, ws.rows));
  const known = new Set(WANTED_SHEETS);
  for (const name of wb.sheetNames)
    if (!known.has(normalizeLabel(name))) fileErrors.push(refusal("unknownSheet", { sheet: name }));
  const guide = sheetsByName.get(normalizeLabel(SHEETS.guide));
  if (!guide) fileErrors.push(refusal("missingGuide", { sheet: SHEETS.guide }));
  else fileErrors.push(...metaErrors(metaValues(guide), ctx));
  const sheets = {
    indicators: sheetsByName.get(normalizeLabel(SHEETS.indicators)),
    tasks: sheetsByName.get(normalizeLabel(SHEETS.tasks)),
  };
  for (const [k, ws] of Object.entries(sheets))
    if (!ws) fileErrors.push(refusal("missingSheet", { sheet: SHEETS[k as keyof typeof sheets] }));
  return {
    fileErrors,
    indicators: sheets.indicators ? parseSheet(sheets.indicators, indicatorKind, ctx, fileErrors) : [],
    tasks: sheets.tasks ? parseSheet(sheets.tasks, taskKind, ctx, fileErrors) : [],
  };
}

/** The guide sheet's agency and period compared with the reporter's own. */
function metaErrors(meta: { agencyCode: string | null; period: string | null }, ctx: ImportContext): Msg[] {
  const out: Msg[] = [];
  const own = periodKeyOf(ctx.year, ctx.quarter);
  if (!meta.agencyCode || !meta.period) out.push(refusal("missingMeta", { sheet: SHEETS.guide }));
  if (meta.agencyCode && meta.agencyCode !== ctx.agencyCode)
    out.push(refusal("otherAgency", { file: meta.agencyCode, own: ctx.agencyCode }));
  if (meta.period && meta.period !== own) out.push(refusal("otherPeriod", { file: meta.period, own }));
  return out;
}

/** Rows with errors plus problems of the file as a whole; confirmation needs zero. */
export function errorCountOf(p: ParsedImport): number {
  return (
    p.fileErrors.length +
    p.indicators.filter((r) => r.outcome === "error").length +
    p.tasks.filter((r) => r.outcome === "error").length
  );
}
