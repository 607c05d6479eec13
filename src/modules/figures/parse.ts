// Pure logic of published figures: reading a statistics office's CSV as Excel or LibreOffice
// writes it (BOM or not, comma or semicolon), checking each row against the catalogue and what is
// stored, and answering "what did the series say on date D". No database access: the module's
// queries and mutations feed it, and its unit tests run without one.
import { publishedPeriodRange } from "@/lib/periods";
import { figureKey, type FigureFacts } from "@/lib/published-figure";
import { hasUnstorableChars } from "@/lib/text";

export const CSV_COLUMNS = [
  "indicator",
  "source",
  "period",
  "value",
  "provisional",
  "release_title",
  "release_date",
  "release_url",
  "quote",
  "printed",
  "revises_url",
  "revises_date",
  "definition_note",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Bounds of an upload: the front server refuses bodies over 1 MB on other paths too. */
export const MAX_CSV_BYTES = 1_000_000;
export const MAX_CSV_ROWS = 2_000;

const REQUIRED: CsvColumn[] = [
  "indicator",
  "source",
  "period",
  "value",
  "release_title",
  "release_date",
  "release_url",
  "quote",
  "printed",
];
const MAX_LEN: Partial<Record<CsvColumn, number>> = {
  release_title: 500,
  release_url: 2_000,
  revises_url: 2_000,
  quote: 5_000,
  printed: 100,
  definition_note: 2_000,
};

/** An error of a row or of the whole file: a code of the message catalogue and its values. */
export type FigureIssue = { code: FigureErrorCode; column?: CsvColumn; values?: Record<string, string | number> };
export type FigureErrorCode =
  | "binary"
  | "notUtf8"
  | "empty"
  | "tooManyRows"
  | "badQuotes"
  | "missingColumn"
  | "unknownColumn"
  | "duplicateColumn"
  | "required"
  | "tooLong"
  | "badChars"
  | "unknownIndicator"
  | "unknownSource"
  | "badPeriod"
  | "notNumber"
  | "outOfBounds"
  | "badBoolean"
  | "badDate"
  | "futureDate"
  | "badUrl"
  | "printedNotInQuote"
  | "revisesIncomplete"
  | "revisesLater"
  | "revisesNowhere"
  | "duplicateStored"
  | "duplicateInFile"
  | "wrongCellCount";

// ---- CSV ------------------------------------------------------------------------------------

/**
 * Splits CSV text into rows of cells (RFC 4180 quoting, CRLF or LF). The delimiter is the one of
 * comma and semicolon that the header line uses more: Excel in a Vietnamese locale writes ";"
 * because "," is the decimal mark there. Stops after `maxRows` + 1 rows (header included), so an
 * oversized file is never held as rows.
 */
export function splitCsv(
  text: string,
  maxRows = MAX_CSV_ROWS + 1,
): { rows: string[][]; truncated: boolean; badQuotes: boolean } {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = s.slice(0, Math.max(0, s.search(/\r?\n/)) || s.length);
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delim = count(";") > count(",") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  let truncated = false;
  const endRow = () => {
    row.push(cell);
    cell = "";
    // Blank lines (Excel leaves some at the end) are not rows.
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === delim) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      endRow();
      if (rows.length > maxRows) {
        truncated = true;
        break;
      }
    } else cell += ch;
    i++;
  }
  if (!truncated && (cell !== "" || row.length)) endRow();
  if (rows.length > maxRows) {
    truncated = true;
    rows.length = maxRows + 1;
  }
  return { rows, truncated, badQuotes: quoted };
}

/** "12,5" (Vietnamese), "12.5", "1.000,5", "12,67%" → a number; null when it is not one. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, "").replace(/%$/, "");
  if (!s || s.length > 30) return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)$/.test(s)) normal = s.replace(/,/g, "");
  else normal = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** A calendar day as YYYY-MM-DD or as Vietnamese spreadsheets show it, DD/MM/YYYY; null otherwise. */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) [d, m, y] = [+match[1], +match[2], +match[3]];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return date.toISOString().slice(0, 10);
}

const TRUE = new Set(["true", "1", "yes", "x", "có", "co", "đúng"]);
const FALSE = new Set(["", "false", "0", "no", "không", "khong", "sai"]);

function parseBoolean(raw: string): boolean | null {
  const s = raw.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && !/\s/.test(s);
  } catch {
    return false;
  }
}

// ---- Checking rows --------------------------------------------------------------------------

export type IndicatorBounds = { min: number | null; max: number | null };
/** What the rows are checked against: the catalogue and the figures already stored. */
export type CheckContext = {
  indicators: Map<string, IndicatorBounds>;
  sources: Set<string>;
  /** Stored figures: key, and the series and release each belongs to. */
  stored: { key: string; indicator: string; source: string; period: string; releaseUrl: string; releaseDate: string }[];
  /** Today in YYYY-MM-DD (the portal's clock): a release cannot be dated later. */
  today: string;
};

/** A checked row: the figure's facts (as the seed file holds them) and the release it revises. */
export type FigureInput = FigureFacts & { revises: { url: string; date: string } | null };

export type CheckedRow = {
  line: number;
  cells: Record<CsvColumn, string>;
  figure: FigureInput | null;
  errors: FigureIssue[];
};
export type CheckedFile = { fileErrors: FigureIssue[]; rows: CheckedRow[]; valid: number; invalid: number };

/** Reads and checks a whole upload. Nothing here throws on bad input: every problem is an issue. */
export function checkCsv(text: string, ctx: CheckContext): CheckedFile {
  const { rows, truncated, badQuotes } = splitCsv(text);
  const fileErrors: FigureIssue[] = [];
  if (truncated) fileErrors.push({ code: "tooManyRows", values: { max: MAX_CSV_ROWS } });
  if (badQuotes) fileErrors.push({ code: "badQuotes" });
  if (rows.length < 2) fileErrors.push({ code: "empty" });
  if (fileErrors.length) return { fileErrors, rows: [], valid: 0, invalid: 0 };
  const header = rows[0].map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\ufeff/, ""),
  );
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    // Excel writes a trailing ";" for a formatted but empty column: a nameless column is no column.
    if (h === "") return;
    if (index.has(h)) fileErrors.push({ code: "duplicateColumn", values: { column: h } });
    else if (!(CSV_COLUMNS as readonly string[]).includes(h))
      fileErrors.push({ code: "unknownColumn", values: { column: h.slice(0, 40) } });
    index.set(h, i);
  });
  for (const c of REQUIRED) if (!index.has(c)) fileErrors.push({ code: "missingColumn", values: { column: c } });
  if (fileErrors.length) return { fileErrors, rows: [], valid: 0, invalid: 0 };

  const checked: CheckedRow[] = rows.slice(1).map((r, i) => {
    const cells = Object.fromEntries(
      CSV_COLUMNS.map((c) => [c, index.has(c) ? (r[index.get(c)!] ?? "").trim() : ""]),
    ) as Record<CsvColumn, string>;
    const errors =
      r.length > header.length && r.slice(header.length).some((x) => x.trim())
        ? [{ code: "wrongCellCount" as const, values: { count: r.length, expected: header.length } }]
        : [];
    return { line: i + 2, cells, figure: null, errors };
  });
  for (const row of checked) row.figure = checkCells(row.cells, ctx, row.errors);

  // Checks across rows: a release gives one value per series, and a revision may point at a row
  // of the same file (a release and its correction uploaded together).
  const storedKeys = new Set(ctx.stored.map((s) => s.key));
  const releases = new Set(
    ctx.stored.map((s) => `${s.indicator}|${s.source}|${s.period}|${s.releaseUrl}|${s.releaseDate}`),
  );
  const seen = new Map<string, number>();
  for (const row of checked) {
    if (!row.figure) continue;
    const f = row.figure;
    releases.add(`${f.indicator}|${f.source}|${f.period}|${f.release.url}|${f.release.date}`);
  }
  for (const row of checked) {
    const f = row.figure;
    if (!f) continue;
    const key = figureKey(f);
    if (storedKeys.has(key)) row.errors.push({ code: "duplicateStored" });
    else if (seen.has(key)) row.errors.push({ code: "duplicateInFile", values: { line: seen.get(key)! } });
    else seen.set(key, row.line);
    if (f.revises && !releases.has(`${f.indicator}|${f.source}|${f.period}|${f.revises.url}|${f.revises.date}`))
      row.errors.push({ code: "revisesNowhere", column: "revises_url" });
  }
  for (const row of checked) if (row.errors.length) row.figure = null;
  const invalid = checked.filter((r) => r.errors.length).length;
  return { fileErrors, rows: checked, valid: checked.length - invalid, invalid };
}

function checkCells(c: Record<CsvColumn, string>, ctx: CheckContext, errors: FigureIssue[]): FigureInput | null {
  const before = errors.length;
  const err = (code: FigureErrorCode, column: CsvColumn, values?: Record<string, string | number>) =>
    errors.push({ code, column, ...(values ? { values } : {}) });
  for (const col of CSV_COLUMNS) {
    const v = c[col];
    if (hasUnstorableChars(v)) err("badChars", col);
    else if (MAX_LEN[col] && v.length > MAX_LEN[col]!) err("tooLong", col, { max: MAX_LEN[col]! });
    else if (REQUIRED.includes(col) && !v) err("required", col);
  }
  if (errors.length > before) return null;
  const bounds = ctx.indicators.get(c.indicator);
  if (!bounds) err("unknownIndicator", "indicator", { code: c.indicator.slice(0, 80) });
  if (!ctx.sources.has(c.source)) err("unknownSource", "source", { code: c.source.slice(0, 40) });
  if (!publishedPeriodRange(c.period)) err("badPeriod", "period");
  const value = parseNumber(c.value);
  if (value === null) err("notNumber", "value");
  else if (bounds && ((bounds.min != null && value < bounds.min) || (bounds.max != null && value > bounds.max))) {
    err("outOfBounds", "value", { min: bounds.min ?? "−∞", max: bounds.max ?? "∞" });
  }
  const provisional = parseBoolean(c.provisional);
  if (provisional === null) err("badBoolean", "provisional");
  const date = parseDay(c.release_date);
  if (!date) err("badDate", "release_date");
  else if (date > ctx.today) err("futureDate", "release_date");
  if (!isHttpUrl(c.release_url)) err("badUrl", "release_url");
  if (!c.quote.includes(c.printed)) err("printedNotInQuote", "printed");
  let revises: FigureInput["revises"] = null;
  if (c.revises_url || c.revises_date) {
    const rdate = parseDay(c.revises_date);
    if (!c.revises_url || !c.revises_date) err("revisesIncomplete", c.revises_url ? "revises_date" : "revises_url");
    else if (!isHttpUrl(c.revises_url)) err("badUrl", "revises_url");
    else if (!rdate) err("badDate", "revises_date");
    else if (date && rdate > date) err("revisesLater", "revises_date");
    else revises = { url: c.revises_url, date: rdate };
  }
  if (errors.length > before) return null;
  return {
    indicator: c.indicator,
    source: c.source,
    period: c.period,
    value: value!,
    provisional: provisional!,
    release: { title: c.release_title, date: date!, url: c.release_url },
    quote: c.quote,
    printed: c.printed,
    revises,
    definitionNote: c.definition_note || null,
  };
}

// ---- Reading a series at a past date ----------------------------------------------------------

type Dated = { id: number; indicatorId: number; sourceId: number; period: string; releaseDate: Date };

/**
 * What the series said on `asOf`: for each (indicator, source, period), the figure of the latest
 * release dated on or before that day (releases are calendar days, so the whole day counts).
 * Two releases on the same day: the later-stored one, which is how a same-day correction lands.
 */
export function asPublishedOn<T extends Dated>(figures: readonly T[], asOf: Date): T[] {
  const limit = asOf.getTime();
  const best = new Map<string, T>();
  for (const f of figures) {
    if (f.releaseDate.getTime() > limit) continue;
    const k = `${f.indicatorId}|${f.sourceId}|${f.period}`;
    const cur = best.get(k);
    if (
      !cur ||
      f.releaseDate.getTime() > cur.releaseDate.getTime() ||
      (f.releaseDate.getTime() === cur.releaseDate.getTime() && f.id > cur.id)
    )
      best.set(k, f);
  }
  return figures.filter((f) => best.get(`${f.indicatorId}|${f.sourceId}|${f.period}`) === f);
}

/** Periods in reading order: by first year, then a single year before a quarter of it, then a span. */
export function comparePeriods(a: string, b: string): number {
  const ra = publishedPeriodRange(a);
  const rb = publishedPeriodRange(b);
  if (!ra || !rb) return a.localeCompare(b);
  return ra.end.getTime() - rb.end.getTime() || rb.start.getTime() - ra.start.getTime();
}

/**
 * The template users download: the header and one real stored figure (the statistics office's
 * revision of 2022), with a revision filled in, so it shows every column. Uploaded unchanged it is
 * refused as a duplicate: the template can never add a figure nobody published.
 */
export function csvTemplate(): string {
  const example = [
    "digital-economy-gdp-share",
    "NSO",
    "2022",
    "12,83",
    "không",
    "Kinh tế số năm 2024 góp 1,5 triệu tỷ đồng, chiếm 13,17% GDP (Báo Mới aggregator, reporting the GSO release of 6 January 2025)",
    "2025-01-06",
    "https://baomoi.net.vn/kinh-te-so-nam-2024-gop-1-5-trieu-ty-dong-chiem-13-17-gdp-c51176088.epi",
    "Theo Tổng cục Thống kê, tỷ trọng giá trị tăng thêm của kinh tế số trong GDP các năm từ 2020 - 2024 lần lượt là 12,66%, 12,87%, 12,83%, 12,87% và 13,17%.",
    "12,83%",
    "https://congthuong.vn/kinh-te-so-chiem-20-gdp-vao-nam-2025-thach-thuc-khong-nho-296320.html&mobile=yes&amp=1",
    "2024-11-24",
    "Release date is the GSO announcement date ('Sáng 6/1') stated in the article.",
  ];
  const cell = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return "\uFEFF" + [CSV_COLUMNS.join(";"), example.map(cell).join(";")].join("\r\n") + "\r\n";
}
