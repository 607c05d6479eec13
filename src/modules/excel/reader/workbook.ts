// Reads the cells of an .xlsx as written by any spreadsheet program (Excel, LibreOffice Calc,
// openpyxl, WPS, Google Sheets): the workbook, its relationships, the styles (for percentage and
// date formats), the wanted sheets streamed row by row, then only the shared strings those rows
// use. Everything else in the zip (pictures, comments, drawings, printer settings) is never
// inflated. Limits (bytes inflated, rows, cells, characters in a cell) are enforced while reading,
// so a hostile file stops costing anything as soon as it passes one.
import { decodeXstring, tagsOf, XmlError, XmlTokenizer, type Attrs, type XmlHandler } from "./xml";
import { entryText, inflateEntry, readCentralDirectory, ZipError, type Budget, type ZipEntry } from "./zip";

export type RawValue =
  string | number | boolean | Date | { error: string } | { text: string | number | boolean | Date; hyperlink: string };
export type RawCell = { value: RawValue; numFmt?: string };
export type RawRow = { n: number; cells: [col: number, cell: RawCell][] };
export type RawSheet = { name: string; rows: RawRow[] };
/** Every sheet's name in workbook order; the rows of the wanted ones only. */
export type RawWorkbook = { sheetNames: string[]; sheets: RawSheet[] };

export type ReadLimits = {
  /** Bytes inflated in total, whatever the zip declares. */
  maxUnzipped: number;
  maxEntries: number;
  /** Data rows per sheet (the header row comes on top). */
  maxRows: number;
  maxCells: number;
  maxCellChars: number;
};

export type ReadErrorCode = "NOT_XLSX" | "TOO_BIG" | "TOO_MANY_ROWS" | "TOO_MANY_CELLS" | "CELL_TOO_LONG";

export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly sheet: string | null = null,
  ) {
    super(code);
  }
}

const SMALL_PART = 2 * 1024 * 1024;
const MAX_HYPERLINKS = 20_000;

/** "xl/worksheets/sheet1.xml" relative to "xl/", or absolute "/xl/…", as a zip entry name. */
export function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${baseDir}${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);
const relsOf = (part: string) => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** "AB12" → [28, 12]; null for anything that is not a cell reference. */
export function parseRef(ref: string): [col: number, row: number] | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col, Number(m[2])];
}

const BUILTIN_FORMATS: Record<number, string> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** A number format that shows a date or time (quoted text and [colour] sections aside). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return !/general/i.test(bare) && /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** A spreadsheet serial number as a date (1900 or 1904 system). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

type PendingShared = { cell: RawCell; index: number };

/**
 * Which of some elements are open now. A flag element is open or not (a second opening changes
 * nothing and one closing ends it); a nesting one counts its depth, never below zero.
 */
class OpenElements<N extends string> {
  private readonly depth = new Map<string, number>();
  constructor(
    private readonly flags: readonly N[],
    nesting: readonly N[],
  ) {
    for (const n of [...flags, ...nesting]) this.depth.set(n, 0);
  }

  private isFlag(name: string): boolean {
    return (this.flags as readonly string[]).includes(name);
  }

  enter(name: string): void {
    const d = this.depth.get(name);
    if (d !== undefined) this.depth.set(name, this.isFlag(name) ? 1 : d + 1);
  }

  leave(name: string): void {
    const d = this.depth.get(name);
    if (d !== undefined) this.depth.set(name, this.isFlag(name) ? 0 : Math.max(0, d - 1));
  }

  has(name: N): boolean {
    return (this.depth.get(name) ?? 0) > 0;
  }

  reset(...names: N[]): void {
    for (const n of names) this.depth.set(n, 0);
  }
}

class SheetHandler implements XmlHandler {
  rows: RawRow[] = [];
  hyperlinks: { ref: string; id: string; location: string }[] = [];
  private row: RawRow | null = null;
  private lastRow = 0;
  private col = 0;
  private cell: { col: number; t: string; s: number } | null = null;
  private buf = "";
  /** A cell's text is in <v>, or in an inline string's <is><t> outside its phonetic runs (<rPh>). */
  private readonly elements = new OpenElements(["v", "t"], ["is", "rPh"]);

  constructor(
    private readonly name: string,
    private readonly limits: ReadLimits,
    private readonly counter: { cells: number },
    private readonly formats: string[],
    private readonly date1904: boolean,
    private readonly shared: PendingShared[],
  ) {}

  capturing(): boolean {
    const e = this.elements;
    return this.cell != null && (e.has("v") || (e.has("is") && e.has("t") && !e.has("rPh")));
  }

  text(s: string): void {
    this.buf += s;
    if (this.buf.length > this.limits.maxCellChars) throw new XmlError("CELL_TOO_LONG");
  }

  open(name: string, a: Attrs): void {
    this.elements.enter(name);
    switch (name) {
      case "row": {
        const n = a.r != null ? Number(a.r) : this.lastRow + 1;
        if (!Number.isInteger(n) || n < 1 || n > 1_048_576 || n <= this.lastRow) throw new XmlError("MALFORMED");
        this.lastRow = n;
        this.row = { n, cells: [] };
        this.col = 0;
        break;
      }
      case "c": {
        if (!this.row) throw new XmlError("MALFORMED");
        let col = this.col + 1;
        if (a.r != null) {
          const ref = parseRef(a.r);
          if (!ref) throw new XmlError("MALFORMED");
          col = ref[0];
        }
        if (col > 16_384) throw new XmlError("MALFORMED");
        this.col = col;
        this.cell = { col, t: a.t ?? "n", s: a.s != null ? Number(a.s) || 0 : 0 };
        this.buf = "";
        break;
      }
      case "hyperlink":
        if (this.hyperlinks.length < MAX_HYPERLINKS && a.ref)
          this.hyperlinks.push({ ref: a.ref, id: a.id ?? "", location: a.location ?? "" });
        break;
    }
  }

  close(name: string): void {
    this.elements.leave(name);
    switch (name) {
      case "c":
        if (this.cell && this.row) this.finishCell(this.row, this.cell);
        this.cell = null;
        this.elements.reset("v", "is");
        break;
      case "row":
        if (this.row && this.row.cells.length) {
          if (this.row.n > this.limits.maxRows + 1) throw new ReadError("TOO_MANY_ROWS", this.name);
          this.rows.push(this.row);
        }
        this.row = null;
        break;
    }
  }

  private finishCell(row: RawRow, c: { col: number; t: string; s: number }): void {
    const text = this.buf;
    const numFmt = this.formats[c.s];
    let value: RawValue | null = null;
    const out: RawCell = { value: "" };
    switch (c.t) {
      case "s": {
        const index = Number(text.trim());
        if (text.trim() === "" || !Number.isInteger(index) || index < 0) throw new XmlError("MALFORMED");
        this.shared.push({ cell: out, index });
        value = "";
        break;
      }
      case "inlineStr":
      case "str":
        value = text === "" ? null : decodeXstring(text);
        break;
      case "b":
        value = text === "" ? null : text.trim() === "1" || text.trim().toLowerCase() === "true";
        break;
      case "e":
        value = text === "" ? null : { error: text.trim() };
        break;
      case "d": {
        const d = new Date(text.trim());
        value = text === "" ? null : Number.isNaN(d.getTime()) ? text : d;
        break;
      }
      default: {
        const t = text.trim();
        if (t === "") break;
        const n = Number(t);
        if (!Number.isFinite(n)) value = decodeXstring(text);
        else value = numFmt && isDateFormat(numFmt) ? serialToDate(n, this.date1904) : n;
      }
    }
    if (value == null) return;
    if (++this.counter.cells > this.limits.maxCells) throw new ReadError("TOO_MANY_CELLS", this.name);
    out.value = value;
    if (numFmt) out.numFmt = numFmt;
    row.cells.push([c.col, out]);
  }
}

/** Shared strings, keeping only the indexes the read rows use, and stopping after the last one. */
class SharedStringsHandler implements XmlHandler {
  out = new Map<number, string>();
  done = false;
  private index = -1;
  private readonly elements = new OpenElements(["si", "t"], ["rPh"]);
  private keep = false;
  private buf = "";
  private readonly last: number;

  constructor(
    private readonly needed: Set<number>,
    private readonly maxChars: number,
  ) {
    this.last = needed.size ? Math.max(...needed) : -1;
    if (this.last < 0) this.done = true;
  }

  capturing(): boolean {
    return this.keep && this.elements.has("si") && this.elements.has("t") && !this.elements.has("rPh");
  }

  text(s: string): void {
    this.buf += s;
    if (this.buf.length > this.maxChars) throw new XmlError("CELL_TOO_LONG");
  }

  open(name: string): void {
    this.elements.enter(name);
    if (name === "si") {
      this.index++;
      this.keep = this.needed.has(this.index);
      this.buf = "";
    }
  }

  close(name: string): void {
    this.elements.leave(name);
    if (name === "si") {
      if (this.keep) this.out.set(this.index, decodeXstring(this.buf));
      this.keep = false;
      if (this.index >= this.last) this.done = true;
    }
  }
}

/** Number formats by cell style index (the `s` of a cell), from cellXfs. */
class StylesHandler implements XmlHandler {
  custom = new Map<number, string>();
  xfs: number[] = [];
  private inCellXfs = false;
  capturing = () => false;
  text(): void {}
  open(name: string, a: Attrs): void {
    if (name === "numFmt" && a.numFmtId != null) this.custom.set(Number(a.numFmtId), a.formatCode ?? "");
    else if (name === "cellXfs") this.inCellXfs = true;
    else if (name === "xf" && this.inCellXfs) this.xfs.push(Number(a.numFmtId ?? 0) || 0);
  }
  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }
  formats(): string[] {
    return this.xfs.map((id) => this.custom.get(id) ?? BUILTIN_FORMATS[id] ?? "");
  }
}

/** Streams an entry through a handler; `stop` ends inflation early. */
async function scan(
  bytes: Uint8Array,
  e: ZipEntry,
  budget: Budget,
  h: XmlHandler,
  stop: () => boolean = () => false,
): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  const t = new XmlTokenizer(h);
  let stopped = false;
  await inflateEntry(bytes, e, budget, (chunk) => {
    t.push(decoder.decode(chunk, { stream: true }));
    if (stop()) {
      stopped = true;
      return false;
    }
  });
  if (!stopped) {
    t.push(decoder.decode());
    t.end();
  }
}

/**
 * Reads a workbook's sheet names and the rows of the sheets whose name `want` accepts. Throws
 * ReadError; its code says why (not a workbook, too big once inflated, too many rows…).
 */
export async function readWorkbook(
  bytes: Uint8Array,
  limits: ReadLimits,
  want: (sheetName: string) => boolean,
): Promise<RawWorkbook> {
  try {
    return await read(bytes, limits, want);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    if (err instanceof ZipError) throw new ReadError(err.code === "TOO_BIG" ? "TOO_BIG" : "NOT_XLSX");
    if (err instanceof XmlError) throw new ReadError(err.code === "MALFORMED" ? "NOT_XLSX" : err.code);
    throw err;
  }
}

async function read(bytes: Uint8Array, limits: ReadLimits, want: (sheetName: string) => boolean): Promise<RawWorkbook> {
  const entries = readCentralDirectory(bytes, limits.maxEntries);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.replace(/\\/g, "/").replace(/^\//, "").toLowerCase();
    if (!byName.has(key)) byName.set(key, e);
  }
  const entry = (part: string) => byName.get(part.toLowerCase());
  const budget: Budget = { remaining: limits.maxUnzipped };
  const text = async (part: string) => {
    const e = entry(part);
    return e ? entryText(bytes, e, budget, SMALL_PART) : null;
  };
  const rels = async (part: string) => {
    const xml = await text(relsOf(part));
    if (xml == null) return [];
    return tagsOf(xml, new Set(["Relationship"])).map(({ attrs }) => ({
      id: attrs.Id ?? "",
      type: attrs.Type ?? "",
      target: attrs.Target ?? "",
      external: attrs.TargetMode === "External",
    }));
  };

  // The workbook part is named by the package relationships; every writer calls it xl/workbook.xml
  // today, but the relationship is what the format defines.
  const rootRel = (await rels("")).find((r) => r.type.endsWith("/officeDocument"));
  const workbookPart = rootRel ? resolvePart("", rootRel.target) : "xl/workbook.xml";
  const workbookXml = await text(workbookPart);
  if (workbookXml == null) throw new ReadError("NOT_XLSX");
  const tags = tagsOf(workbookXml, new Set(["sheet", "workbookPr"]));
  const date1904 = tags.some(
    (t) => t.name === "workbookPr" && (t.attrs.date1904 === "1" || t.attrs.date1904 === "true"),
  );
  const sheetTags = tags.filter((t) => t.name === "sheet");
  if (sheetTags.length === 0) throw new ReadError("NOT_XLSX");
  const wbRels = await rels(workbookPart);
  const wbDir = dirOf(workbookPart);
  const relTarget = (type: string, fallback: string) => {
    const r = wbRels.find((x) => x.type.endsWith(type));
    return r ? resolvePart(wbDir, r.target) : fallback;
  };

  const stylesPart = entry(relTarget("/styles", `${wbDir}styles.xml`));
  const styles = new StylesHandler();
  if (stylesPart) await scan(bytes, stylesPart, budget, styles);
  const formats = styles.formats();

  const shared: PendingShared[] = [];
  const counter = { cells: 0 };
  const sheetNames = sheetTags.map((t) => t.attrs.name ?? "");
  const sheets: RawSheet[] = [];
  for (const t of sheetTags) {
    const name = t.attrs.name ?? "";
    if (!want(name)) continue;
    const rel = wbRels.find((r) => r.id === t.attrs.id);
    if (!rel) throw new ReadError("NOT_XLSX");
    const part = resolvePart(wbDir, rel.target);
    const e = entry(part);
    if (!e) throw new ReadError("NOT_XLSX");
    const h = new SheetHandler(name, limits, counter, formats, date1904, shared);
    await scan(bytes, e, budget, h);
    if (h.hyperlinks.length) applyHyperlinks(h, await rels(part));
    sheets.push({ name, rows: h.rows });
  }

  if (shared.length) {
    const sstPart = entry(relTarget("/sharedStrings", `${wbDir}sharedStrings.xml`));
    if (!sstPart) throw new ReadError("NOT_XLSX");
    const h = new SharedStringsHandler(new Set(shared.map((s) => s.index)), limits.maxCellChars);
    await scan(bytes, sstPart, budget, h, () => h.done);
    for (const s of shared) {
      const v = h.out.get(s.index);
      if (v == null) throw new ReadError("NOT_XLSX");
      const cell = s.cell;
      if (typeof cell.value === "object" && cell.value && "hyperlink" in cell.value)
        cell.value = { text: v, hyperlink: cell.value.hyperlink };
      else cell.value = v;
    }
  }
  return { sheetNames, sheets };
}

/** A cell with a link reads as { text, hyperlink } (the link's target, or "#place" inside the file). */
function applyHyperlinks(h: SheetHandler, rels: { id: string; target: string }[]): void {
  const targets = new Map(rels.map((r) => [r.id, r.target]));
  for (const link of h.hyperlinks) {
    const target = link.id ? targets.get(link.id) : link.location ? `#${link.location}` : undefined;
    if (!target) continue;
    const [from, to = from] = link.ref.split(":");
    const a = parseRef(from);
    const b = parseRef(to);
    if (!a || !b) continue;
    // Only cells that hold something can carry a link; a range is walked over the stored cells.
    for (const row of h.rows) {
      if (row.n < a[1] || row.n > b[1]) continue;
      for (const [col, cell] of row.cells) {
        if (col < a[0] || col > b[0]) continue;
        const text = cell.value;
        if (typeof text === "object" && !(text instanceof Date)) continue;
        cell.value = { text, hyperlink: target };
      }
    }
  }
}
