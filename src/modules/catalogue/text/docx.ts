// The text of a .docx as Word shows it, flattened the way the seed documents flatten theirs
// (seeds/documents/INDEX.md; 001 and 002 are the model): one line per paragraph, one line per table
// row with its cells separated by a tab, so a task table's rows start "1<TAB>…" and a seed-style
// `rowStartPattern` such as ^\d+\t finds them. A cell merged across N grid columns is followed by
// N−1 empty cells (every row then has the table's width, as in 001); a cell's own paragraphs and
// line breaks are joined by a space, and a tab inside a cell becomes a space, so a row stays on
// one line and its columns stay where they are (quotes are matched with whitespace collapsed, so
// nothing a quote could need is lost). Word's automatic numbering ("1.", "a)", "Điều 3.") is not
// in the XML as text: it is computed here from numbering.xml as Word shows it, because task tables
// often number their TT column that way.
//
// Only the main document part, its relationships, numbering and styles are inflated; pictures,
// headers, footers and comments cost nothing. The zip reader and the XML tokenizer are the Excel
// import's (src/modules/excel/reader/): they count inflated bytes as they come out, never trusting
// the sizes a zip declares, and the tokenizer expands no entities and refuses a DTD.
import { resolvePart } from "../../excel/reader/workbook";
import { tagsOf, XmlError, XmlTokenizer, type Attrs, type XmlHandler } from "../../excel/reader/xml";
import {
  entryText,
  inflateEntry,
  readCentralDirectory,
  ZipError,
  type Budget,
  type ZipEntry,
} from "../../excel/reader/zip";
import type { ExtractLimits } from "./limits";
import { TextError, warn, type TextNotice } from "./result";

const MB = 1024 * 1024;
/** Relationships, content types, styles and numbering of a genuine document are a few hundred KB. */
const SMALL_PART = 4 * MB;
/** Text held back waiting for a ">" before it is handed to the tokenizer anyway. */
const MAX_PENDING = 256 * 1024;

export type DocxText = { text: string; warnings: TextNotice[] };

// ---------------------------------------------------------------------------------------------
// Numbering (numbering.xml, and the numbering a paragraph style carries, styles.xml)

type Level = { start: number; fmt: string; text: string; suffix: string; isLgl: boolean };
type Num = { abstractId: string; overrides: Map<number, number> };
export type Numbering = { abstract: Map<string, Map<number, Level>>; nums: Map<string, Num> };
type StyleNum = { numId?: string; ilvl?: number; basedOn?: string };

class NumberingHandler implements XmlHandler {
  readonly abstract = new Map<string, Map<number, Level>>();
  readonly nums = new Map<string, Num>();
  private levels: Map<number, Level> | null = null;
  private level: Level | null = null;
  private num: Num | null = null;
  private overrideLevel: number | null = null;
  capturing = () => false;
  text(): void {}
  open(name: string, a: Attrs): void {
    if (name === "abstractNum") {
      this.levels = new Map();
      this.abstract.set(a.abstractNumId ?? "", this.levels);
    } else if (name === "lvl" && this.levels && this.overrideLevel == null) {
      this.level = { start: 1, fmt: "decimal", text: "", suffix: "\t", isLgl: false };
      this.levels.set(Number(a.ilvl ?? 0), this.level);
    } else if (this.level) {
      if (name === "start") this.level.start = Number(a.val ?? 1) || 0;
      else if (name === "numFmt") this.level.fmt = a.val ?? "decimal";
      else if (name === "lvlText") this.level.text = a.val ?? "";
      else if (name === "suff") this.level.suffix = a.val === "space" ? " " : a.val === "nothing" ? "" : "\t";
      else if (name === "isLgl") this.level.isLgl = a.val !== "0" && a.val !== "false";
    } else if (name === "num") {
      this.num = { abstractId: "", overrides: new Map() };
      this.nums.set(a.numId ?? "", this.num);
    } else if (this.num) {
      if (name === "abstractNumId") this.num.abstractId = a.val ?? "";
      else if (name === "lvlOverride") this.overrideLevel = Number(a.ilvl ?? 0);
      else if (name === "startOverride" && this.overrideLevel != null)
        this.num.overrides.set(this.overrideLevel, Number(a.val ?? 1) || 0);
    }
  }
  close(name: string): void {
    if (name === "abstractNum") this.levels = null;
    else if (name === "lvl") this.level = null;
    else if (name === "num") this.num = null;
    else if (name === "lvlOverride") this.overrideLevel = null;
  }
}

class StylesHandler implements XmlHandler {
  readonly styles = new Map<string, StyleNum>();
  private current: StyleNum | null = null;
  capturing = () => false;
  text(): void {}
  open(name: string, a: Attrs): void {
    if (name === "style") {
      this.current = {};
      if (a.type === "paragraph") this.styles.set(a.styleId ?? "", this.current);
    } else if (this.current) {
      if (name === "basedOn") this.current.basedOn = a.val;
      else if (name === "numId") this.current.numId = a.val;
      else if (name === "ilvl") this.current.ilvl = Number(a.val ?? 0);
    }
  }
  close(name: string): void {
    if (name === "style") this.current = null;
  }
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN) {
    const times = Math.floor(n / v);
    out += s.repeat(times);
    n -= times * v;
  }
  return out;
}

/** Word's letters: 1 → A, 26 → Z, 27 → AA, 28 → BB. */
const letter = (n: number) =>
  n < 1 ? "" : String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** Bullets drawn from a symbol font sit in the private-use area: show them as the bullet they draw. */
const bullet = (s: string) => (/^[\uf000-\uf0ff]$/.test(s) ? "•" : s);

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter(n);
    case "lowerLetter":
      return letter(n).toLowerCase();
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      // decimal, and the formats this portal's documents never use (ordinal, cardinalText…)
      return String(n);
  }
}

/** Counters in document order, as Word runs them: one set per list, lower levels restarting. */
export class Numberer {
  private counters = new Map<string, number[]>();
  constructor(private readonly n: Numbering) {}

  /** The label ("1.", "a)", "Điều 3.") and the separator Word puts after it; null when none. */
  next(numId: string, ilvl: number): { label: string; suffix: string } | null {
    const num = this.n.nums.get(numId);
    const levels = num && this.n.abstract.get(num.abstractId);
    const lvl = levels?.get(ilvl);
    if (!num || !levels || !lvl) return null;
    // Lists that restart their numbering (a startOverride) count on their own; the others share
    // their abstract definition's counters, as Word continues them.
    const key = num.overrides.size ? `n${numId}` : `a${num.abstractId}`;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    c[ilvl] = c[ilvl] == null ? startOf(ilvl) : c[ilvl] + 1;
    c.length = ilvl + 1;
    if (lvl.fmt === "bullet") return { label: bullet(lvl.text), suffix: lvl.suffix };
    const label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const v = c[l] ?? startOf(l);
      return formatNumber(v, lvl.isLgl ? "decimal" : (levels.get(l)?.fmt ?? "decimal"));
    });
    return { label, suffix: lvl.suffix };
  }
}

// ---------------------------------------------------------------------------------------------
// The document body

/**
 * Elements whose content is not part of the text Word shows once changes are accepted: deleted
 * and moved-away text, the fallback copy of a text box (its first rendition is read), field codes,
 * and the previous formatting that tracked changes keep.
 */
const SKIP = new Set([
  "Fallback",
  "del",
  "moveFrom",
  "instrText",
  "delInstrText",
  "pPrChange",
  "rPrChange",
  "tcPrChange",
  "trPrChange",
  "tblPrChange",
  "sectPrChange",
  "numberingChange",
]);
const TRACKED = new Set(["ins", "del", "moveFrom", "moveTo"]);

type Para = { text: string; cellDepth: number; numId?: string; ilvl?: number; style?: string; markDeleted: boolean };
type Cell = { paras: string[]; span: number };
type Row = { cells: string[]; before: number; after: number };

const inCell = (s: string) => s.replace(/[\t\n]/g, " ");

export class BodyHandler implements XmlHandler {
  readonly lines: string[] = [];
  tracked = false;
  numbered = 0;
  symbols = 0;
  private chars = 0;
  private paras: Para[] = [];
  private cells: Cell[] = [];
  private rows: Row[] = [];
  private skip = 0;
  private inT = false;
  private inPPr = 0;
  private inRPr = 0;
  private inTcPr = 0;
  private inTrPr = 0;
  private runHidden = false;
  /** Text of paragraphs whose mark was deleted: it runs on into the next paragraph. */
  private carry = "";
  private readonly numberer: Numberer;

  constructor(
    private readonly maxChars: number,
    numbering: Numbering,
    private readonly styles: Map<string, StyleNum>,
  ) {
    this.numberer = new Numberer(numbering);
  }

  capturing = () => this.inT && this.skip === 0 && !this.runHidden && this.paras.length > 0;

  text(s: string): void {
    this.add(s);
  }

  private add(s: string): void {
    const p = this.paras[this.paras.length - 1];
    if (!p) return;
    this.chars += s.length;
    if (this.chars > this.maxChars) throw new TextError("textTooLong", { max: this.maxChars });
    p.text += s;
  }

  open(name: string, a: Attrs): void {
    if (TRACKED.has(name) && !this.inPPr) this.tracked = true;
    if (name === "del" && this.inPPr && this.inRPr) {
      // The paragraph mark itself was deleted: the paragraph joins the next one.
      const p = this.paras[this.paras.length - 1];
      if (p) p.markDeleted = true;
      this.tracked = true;
    }
    if (SKIP.has(name)) {
      this.skip++;
      return;
    }
    if (this.skip > 0) return;
    const p = this.paras[this.paras.length - 1];
    switch (name) {
      case "p":
        this.paras.push({ text: "", cellDepth: this.cells.length, markDeleted: false });
        return;
      case "pPr":
        this.inPPr++;
        return;
      case "rPr":
        this.inRPr++;
        return;
      case "tcPr":
        this.inTcPr++;
        return;
      case "trPr":
        this.inTrPr++;
        return;
      case "r":
        this.runHidden = false;
        return;
      case "vanish":
      case "specVanish":
        if (this.inRPr && !this.inPPr) this.runHidden = a.val !== "0" && a.val !== "false";
        return;
      case "t":
        this.inT = true;
        return;
      case "tab":
        // A tab stop definition (pPr > tabs > tab) is not a tab character.
        if (!this.inPPr && !this.runHidden) this.add("\t");
        return;
      case "br":
      case "cr":
        if (!this.runHidden && a.type !== "page" && a.type !== "column") this.add("\n");
        return;
      case "noBreakHyphen":
        // Word shows, copies and saves as plain text a hyphen.
        if (!this.runHidden) this.add("-");
        return;
      case "sym":
        this.symbols++;
        return;
      case "pStyle":
        if (this.inPPr && p) p.style = a.val;
        return;
      case "numId":
        if (this.inPPr && p) p.numId = a.val;
        return;
      case "ilvl":
        if (this.inPPr && p) p.ilvl = Number(a.val ?? 0) || 0;
        return;
      case "tr":
        this.rows.push({ cells: [], before: 0, after: 0 });
        return;
      case "gridBefore":
      case "gridAfter": {
        const row = this.rows[this.rows.length - 1];
        const n = Math.min(Math.max(Number(a.val ?? 0) || 0, 0), 64);
        if (row && this.inTrPr) row[name === "gridBefore" ? "before" : "after"] = n;
        return;
      }
      case "tc":
        this.cells.push({ paras: [], span: 1 });
        return;
      case "gridSpan": {
        const cell = this.cells[this.cells.length - 1];
        if (cell && this.inTcPr) cell.span = Math.min(Math.max(Number(a.val ?? 1) || 1, 1), 64);
        return;
      }
    }
  }

  close(name: string): void {
    if (SKIP.has(name)) {
      this.skip--;
      return;
    }
    if (this.skip > 0) return;
    switch (name) {
      case "t":
        this.inT = false;
        return;
      case "pPr":
        this.inPPr--;
        return;
      case "rPr":
        this.inRPr--;
        return;
      case "tcPr":
        this.inTcPr--;
        return;
      case "trPr":
        this.inTrPr--;
        return;
      case "r":
        this.runHidden = false;
        return;
      case "p":
        return this.endParagraph();
      case "tc": {
        const cell = this.cells.pop();
        const row = this.rows[this.rows.length - 1];
        if (!cell || !row) return;
        row.cells.push(cell.paras.map(inCell).join(" "));
        for (let i = 1; i < cell.span; i++) row.cells.push("");
        return;
      }
      case "tr": {
        const row = this.rows.pop();
        if (!row) return;
        const line = [...Array<string>(row.before).fill(""), ...row.cells, ...Array<string>(row.after).fill("")].join(
          "\t",
        );
        const outer = this.cells[this.cells.length - 1];
        // A table inside a cell: its rows are paragraphs of that cell.
        if (outer) outer.paras.push(line);
        else this.lines.push(line);
        return;
      }
    }
  }

  private endParagraph(): void {
    const p = this.paras.pop();
    if (!p) return;
    let text = p.text;
    const num = this.numberOf(p);
    if (num) {
      this.numbered++;
      const inTable = p.cellDepth > 0;
      // In a cell whose paragraph is only its number (a TT column), the separator would end the cell.
      text = num.label + (inTable && text === "" ? "" : num.suffix) + text;
    }
    text = this.carry + text;
    this.carry = "";
    if (p.markDeleted) {
      this.carry = text;
      return;
    }
    const cell = this.cells[this.cells.length - 1];
    if (cell && p.cellDepth === this.cells.length) cell.paras.push(text);
    else this.lines.push(...text.split("\n"));
  }

  private numberOf(p: Para): { label: string; suffix: string } | null {
    let numId = p.numId;
    let ilvl = p.ilvl;
    // Numbering a paragraph style carries (headings, "List Number"), through its basedOn chain.
    for (let s = p.style, hops = 0; s && hops < 20 && (numId == null || ilvl == null); hops++) {
      const st = this.styles.get(s);
      if (!st) break;
      numId ??= st.numId;
      if (st.numId != null) ilvl ??= st.ilvl;
      s = st.basedOn;
    }
    if (!numId || numId === "0") return null;
    return this.numberer.next(numId, ilvl ?? 0);
  }

  end(): void {
    if (this.carry) this.lines.push(...this.carry.split("\n"));
    this.carry = "";
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Streams an entry through the tokenizer, handing it text that ends just after a ">" so that no
 * tag is ever cut between two pushes. The tokenizer joins a cut tag to the next chunk with `+`,
 * and V8 then runs its many `startsWith` calls on the joined (rope) string without flattening it:
 * a 5.6 MB document.xml took 12 s that way, 0.2 s this way.
 */
async function scan(bytes: Uint8Array, e: ZipEntry, budget: Budget, h: XmlHandler): Promise<void> {
  const decoder = new TextDecoder("utf-8");
  const t = new XmlTokenizer(h);
  let pending = "";
  await inflateEntry(bytes, e, budget, (chunk) => {
    const text = pending + decoder.decode(chunk, { stream: true });
    const cut = text.lastIndexOf(">") + 1;
    // A run of text with no ">" at all is only ever held up to the tokenizer's own bound.
    if (cut === 0 && text.length <= MAX_PENDING) {
      pending = text;
      return;
    }
    const upTo = cut === 0 ? text.length : cut;
    t.push(text.slice(0, upTo));
    pending = text.slice(upTo);
  });
  t.push(pending + decoder.decode());
  t.end();
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);
const relsOf = (part: string) => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** What a zip that is not a Word document is, for the refusal ("XLSX", "ODT"…). */
async function otherZip(names: Set<string>, text: (part: string) => Promise<string | null>): Promise<string> {
  if (names.has("xl/workbook.xml")) return "XLSX";
  if (names.has("ppt/presentation.xml")) return "PPTX";
  if (names.has("mimetype")) {
    const m = (await text("mimetype").catch(() => null))?.trim() ?? "";
    if (m.endsWith("opendocument.text")) return "ODT";
    if (m.endsWith("opendocument.spreadsheet")) return "ODS";
    if (m.endsWith("opendocument.presentation")) return "ODP";
    if (m === "application/epub+zip") return "EPUB";
  }
  return "ZIP";
}

/** Reads the text of a .docx; throws TextError (damaged, too big, not a Word document…). */
export async function readDocx(bytes: Uint8Array, limits: ExtractLimits): Promise<DocxText> {
  try {
    return await read(bytes, limits);
  } catch (err) {
    if (err instanceof TextError) throw err;
    if (err instanceof ZipError)
      throw err.code === "TOO_BIG"
        ? new TextError("docxTooBig", { maxMb: Math.round(limits.maxDocxXmlBytes / MB) })
        : new TextError("docxDamaged");
    if (err instanceof XmlError) throw new TextError("docxDamaged");
    throw err;
  }
}

async function read(bytes: Uint8Array, limits: ExtractLimits): Promise<DocxText> {
  const entries = readCentralDirectory(bytes, limits.maxZipEntries);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.replace(/\\/g, "/").replace(/^\//, "").toLowerCase();
    if (!byName.has(key)) byName.set(key, e);
  }
  const entry = (part: string) => byName.get(part.toLowerCase());
  // The main part may inflate to maxDocxXmlBytes; the small parts around it share a few MB more.
  const budget: Budget = { remaining: limits.maxDocxXmlBytes + 4 * SMALL_PART };
  const text = async (part: string) => {
    const e = entry(part);
    return e ? entryText(bytes, e, budget, SMALL_PART) : null;
  };
  const rels = async (part: string) => {
    const xml = await text(relsOf(part));
    if (xml == null) return [];
    return tagsOf(xml, new Set(["Relationship"])).map(({ attrs }) => ({
      type: attrs.Type ?? "",
      target: attrs.Target ?? "",
      external: attrs.TargetMode === "External",
    }));
  };

  const rootRel = (await rels("")).find((r) => r.type.endsWith("/officeDocument") && !r.external);
  const mainPart = rootRel ? resolvePart("", rootRel.target) : "word/document.xml";
  const main = entry(mainPart);
  if (!main || !/\.xml$/i.test(mainPart) || entry("xl/workbook.xml") || entry("ppt/presentation.xml"))
    throw new TextError("unsupported", { format: await otherZip(new Set(byName.keys()), text) });
  // The declared size is a claim: refuse early when it is already too much, and count anyway.
  if (main.declaredSize > limits.maxDocxXmlBytes)
    throw new TextError("docxTooBig", { maxMb: Math.round(limits.maxDocxXmlBytes / MB) });

  const docRels = await rels(mainPart);
  const relPart = (type: string) => {
    const r = docRels.find((x) => x.type.endsWith(type) && !x.external);
    return r ? entry(resolvePart(dirOf(mainPart), r.target)) : undefined;
  };
  const numbering = new NumberingHandler();
  const numberingPart = relPart("/numbering");
  if (numberingPart) await scanSmall(bytes, numberingPart, budget, numbering);
  const styles = new StylesHandler();
  const stylesPart = relPart("/styles");
  if (stylesPart) await scanSmall(bytes, stylesPart, budget, styles);

  const body = new BodyHandler(limits.maxTextChars, numbering, styles.styles);
  const mainBudget: Budget = { remaining: Math.min(budget.remaining, limits.maxDocxXmlBytes) };
  await scan(bytes, main, mainBudget, body);
  body.end();

  const warnings: TextNotice[] = [];
  if (body.tracked) warnings.push(warn("docxTrackedChanges"));
  if (body.numbered) warnings.push(warn("docxAutoNumbering", { count: body.numbered }));
  if (body.symbols) warnings.push(warn("docxSymbolsSkipped", { count: body.symbols }));
  return { text: body.lines.join("\n") + (body.lines.length ? "\n" : ""), warnings };
}

/** A styles or numbering part: bounded like the other small parts. */
async function scanSmall(bytes: Uint8Array, e: ZipEntry, budget: Budget, h: XmlHandler): Promise<void> {
  if (e.declaredSize > SMALL_PART) throw new TextError("docxTooBig", { maxMb: Math.round(SMALL_PART / MB) });
  const small: Budget = { remaining: Math.min(SMALL_PART, budget.remaining) };
  const before = small.remaining;
  await scan(bytes, e, small, h);
  budget.remaining -= before - small.remaining;
}
