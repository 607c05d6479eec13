// The task table of an appendix ("DANH MỤC NHIỆM VỤ …"): found by its header row (TT / Nhiệm vụ /
// … chủ trì / …), read in whichever of the three layouts the copy uses — one cell per run of lines
// between "|" lines, one row per line with tab-separated cells, or rows that only start with
// "1." and print the task and its lead with nothing between them — with its group headings
// (A, A.I, B.V.1, …; or the "Phụ lục" title when it has none). Pure.
import type { AgencyResolver } from "./agencies";
import { parseDeadline } from "./deadline";
import { collapse, fold, romanValue, VI_UPPER } from "./text";
import type { SeedTask, SeedTaskTable, SuggestWarning } from "./types";

type Role = "number" | "title" | "product" | "lead" | "partners" | "deadline" | "other";
type Cell = { text: string; line: number };

type RawRow =
  | { type: "heading"; printed: string; title: string; line: number }
  | { type: "task"; number: string | null; line: number; cells: Partial<Record<Role, Cell>> };

type Layout = "PIPE" | "TAB" | "PLAIN";

export function roleOf(text: string): Role {
  const f = fold(text).replace(/\s+/g, " ").trim();
  if (/^s?tt$/.test(f)) return "number";
  if (/chu tri/.test(f)) return "lead";
  if (/phoi hop/.test(f)) return "partners";
  if (/thoi gian|thoi han|tien do|hoan thanh/.test(f)) return "deadline";
  if (/san pham|ket qua dau ra/.test(f)) return "product";
  if (/nhiem vu|noi dung|giai phap|ten de an|hoat dong/.test(f)) return "title";
  return "other";
}

const isSep = (t: string) => /^\|+$/.test(t.trim());
const ROW_NUMBER = /^\d{1,3}\.?$/;
const HEADING_CODE = /^(?:[A-ZĐ]|[IVXLC]+|[IVXLC]+\.\d{1,2})$/;

type Header = { layout: Layout; line: number; roles: Role[]; texts: string[]; end: number };

/** The first header row of a task table: its layout, its columns' roles and where it ends. */
export function findHeader(lines: string[]): Header | null {
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const t = raw.trim();
    if (raw.includes("\t")) {
      const cells = raw.split("\t").map((c) => c.trim());
      const roles = cells.map(roleOf);
      if (roles[0] === "number" && roles.includes("title") && roles.includes("lead"))
        return { layout: "TAB", line: i + 1, roles: roles.slice(0, lastNonOther(roles) + 1), texts: [t], end: i };
      continue;
    }
    if (/^s?tt$/i.test(t) && isSep(lines[i + 1] ?? "")) {
      const cells = pipeCells(lines, i, Math.min(lines.length, i + 40));
      const roles: Role[] = [];
      for (const c of cells) {
        const r = roleOf(c.text);
        if (r === "other") break;
        roles.push(r);
      }
      if (roles.includes("title") && roles.includes("lead")) {
        const last = cells[roles.length - 1];
        let end = last.line - 1;
        while (end < lines.length && !isSep(lines[end])) end++;
        return { layout: "PIPE", line: i + 1, roles, texts: [], end };
      }
      continue;
    }
    const f = fold(t);
    if (/^s?tt\s+(nhiem vu|noi dung)/.test(f)) {
      const roles: Role[] = ["number", "title"];
      const texts = [t];
      let j = i + 1;
      for (; j < lines.length && !/^\d{1,3}\.\s*/.test(lines[j].trim()); j++) {
        const u = lines[j].trim();
        if (!u) continue;
        texts.push(u);
        const r = roleOf(u);
        if (r !== "other" && !roles.includes(r)) roles.push(r);
      }
      if (roles.includes("lead") || texts.some((x) => /chu tri/.test(fold(x))))
        return {
          layout: "PLAIN",
          line: i + 1,
          roles: roles.includes("lead") ? roles : [...roles, "lead"],
          texts,
          end: j - 1,
        };
    }
  }
  return null;
}

function lastNonOther(roles: Role[]): number {
  for (let i = roles.length - 1; i >= 0; i--) if (roles[i] !== "other") return i;
  return -1;
}

/** Cells between "|" lines from line index `from` (0-based) to `to` (exclusive). */
function pipeCells(lines: string[], from: number, to: number): Cell[] {
  const out: Cell[] = [];
  let parts: string[] = [];
  let first = -1;
  let sepLine = from;
  const push = () => {
    out.push({ text: collapse(parts.join(" ")), line: first >= 0 ? first + 1 : sepLine + 1 });
    parts = [];
    first = -1;
  };
  for (let i = from; i < to; i++) {
    const t = lines[i];
    if (isSep(t)) {
      push();
      sepLine = i;
      continue;
    }
    if (t.trim()) {
      if (first < 0) first = i;
      parts.push(t.trim());
    }
  }
  if (parts.length) push();
  return out;
}

/** A cell's text without the HTML paragraph tags some copies keep ("<p>…</p>"). */
function cleanCell(text: string, line: number, warnings: SuggestWarning[]): string {
  const t = text.trim();
  const inner = t.replace(/^<p>\s*/, "").replace(/\s*<\/p>$/, "");
  if (!/<\/?p>/.test(inner)) return inner;
  warnings.push({
    subject: "document",
    line,
    message: "A cell holds several paragraphs; only the first is taken (the text must stay verbatim).",
  });
  return inner.split(/\s*<\/?p>\s*/)[0];
}

function readPipe(lines: string[], h: Header, warnings: SuggestWarning[]): { rows: RawRow[]; lastLine: number } {
  const cells = pipeCells(lines, h.end + 1, lines.length);
  const rows: RawRow[] = [];
  const n = h.roles.length;
  let lastLine = h.end + 1;
  for (let i = 0; i < cells.length;) {
    const c = cells[i];
    const next = cells[i + 1];
    if (
      HEADING_CODE.test(c.text) &&
      next &&
      next.text &&
      !ROW_NUMBER.test(next.text) &&
      !HEADING_CODE.test(next.text)
    ) {
      rows.push({ type: "heading", printed: c.text, title: next.text, line: c.line });
      lastLine = next.line;
      i += 2;
      continue;
    }
    if (ROW_NUMBER.test(c.text) || (c.text === "" && next && next.text.length > 20)) {
      const row: Partial<Record<Role, Cell>> = {};
      for (let k = 0; k < n && i + k < cells.length; k++) row[h.roles[k]] = cells[i + k];
      rows.push({ type: "task", number: c.text === "" ? null : c.text.replace(/\.$/, ""), line: c.line, cells: row });
      lastLine = Math.max(lastLine, ...Object.values(row).map((x) => x!.line));
      i += n;
      continue;
    }
    if (c.text)
      warnings.push({
        subject: "document",
        line: c.line,
        message: `A cell of the task table ("${c.text.slice(0, 60)}") fits no row; it is left out.`,
      });
    i++;
  }
  return { rows, lastLine };
}

function readTab(lines: string[], h: Header, warnings: SuggestWarning[]): { rows: RawRow[]; lastLine: number } {
  const rows: RawRow[] = [];
  let lastLine = h.line;
  const headerText = fold(h.texts[0]).replace(/\s+/g, " ");
  for (let i = h.end + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (!raw.trim()) continue;
    const n = i + 1;
    if (fold(raw.trim()).replace(/\s+/g, " ") === headerText) continue;
    if (!raw.includes("\t")) {
      warnings.push({
        subject: "document",
        line: n,
        message: "A line of the task table has no cell separator; it is left out (text wrapped out of its cell?).",
      });
      continue;
    }
    const cells = raw.split("\t").map((c) => cleanCell(c, n, warnings));
    const first = cells[0];
    const rest = cells.slice(1).filter((c) => c !== "");
    const m = /^([A-ZĐ]|[IVXLC]+)\s+(.+)$/.exec(first);
    if (
      ROW_NUMBER.test(first) ||
      (first === "" && new RegExp(`^[${VI_UPPER}]`).test(cells[1] ?? "") && rest.length >= 2)
    ) {
      const row: Partial<Record<Role, Cell>> = {};
      h.roles.forEach((r, k) => {
        if (cells[k] !== undefined && cells[k] !== "") row[r] = { text: cells[k], line: n };
      });
      rows.push({ type: "task", number: first === "" ? null : first.replace(/\.$/, ""), line: n, cells: row });
      lastLine = n;
    } else if (HEADING_CODE.test(first) && rest.length === 1 && cells[1]) {
      rows.push({ type: "heading", printed: first, title: cells[1], line: n });
      lastLine = n;
    } else if (m && rest.length === 0 && (m[1].length === 1 || romanValue(m[1]))) {
      rows.push({ type: "heading", printed: m[1], title: m[2], line: n });
      lastLine = n;
    } else
      warnings.push({
        subject: "document",
        line: n,
        message:
          first === "" && rest.length <= 1
            ? "A row with no number and only a fragment of text (the rest of the row above, cut by a page break?) is left out."
            : "A row of the task table is neither a task nor a heading; it is left out.",
      });
  }
  return { rows, lastLine };
}

function readPlain(
  lines: string[],
  h: Header,
  resolver: AgencyResolver,
  warnings: SuggestWarning[],
): { rows: RawRow[]; lastLine: number } {
  const headerLines = new Set(h.texts.map((t) => fold(t).replace(/\s+/g, " ")));
  const rows: RawRow[] = [];
  let cur: { number: string; line: number; parts: string[]; broken: boolean } | null = null;
  let lastLine = h.end + 1;
  const flush = () => {
    if (!cur) return;
    const content = collapse(cur.parts.join(" "));
    const at = resolver.trailingNamesStart(content);
    const cells: Partial<Record<Role, Cell>> = {};
    if (at !== null && at > 0) {
      cells.title = { text: content.slice(0, at).trim(), line: cur.line };
      cells.lead = { text: content.slice(at).trim(), line: cur.line };
    } else {
      cells.title = { text: content, line: cur.line };
      warnings.push({
        subject: "document",
        line: cur.line,
        message: "No agency name ends this row; its lead is left empty.",
      });
    }
    rows.push({ type: "task", number: cur.number, line: cur.line, cells });
    cur = null;
  };
  for (let i = h.end + 1; i < lines.length; i++) {
    const t = lines[i].trim();
    const n = i + 1;
    if (!t) continue;
    const start = /^(\d{1,3})\.\s*(.*)$/.exec(t);
    if (start) {
      flush();
      cur = { number: start[1], line: n, parts: start[2] ? [start[2]] : [], broken: false };
      lastLine = n;
      continue;
    }
    const heading = /^([IVXLC]+|[A-ZĐ])\.\s+(.+)$/.exec(t);
    if (heading && !cur?.parts.length) {
      flush();
      rows.push({ type: "heading", printed: heading[1], title: heading[2], line: n });
      continue;
    }
    // A page break: its number and the repeated header row are not part of the table.
    if (/^\d{1,3}$/.test(t) || headerLines.has(fold(t).replace(/\s+/g, " "))) {
      if (cur) cur.broken = true;
      continue;
    }
    if (!cur) continue;
    if (cur.broken) {
      warnings.push({
        subject: "document",
        line: n,
        message: `Text after a page break ("${t.slice(0, 60)}") continues the row of line ${cur.line}; it is left out of the row (not verbatim with the rest).`,
      });
      continue;
    }
    cur.parts.push(t);
    lastLine = n;
  }
  flush();
  return { rows, lastLine };
}

type PathState = { letter?: string; letterPrinted?: string; roman?: string };

function nextLetter(l: string): string {
  return l === "Đ" ? "E" : String.fromCharCode(l.charCodeAt(0) + 1);
}

/** A heading's code in the path ("A", "A.I", "B.V.1") from its printed code and the path so far. */
function headingCode(printed: string, s: PathState, warn: (m: string) => void): string {
  if (/^[IVXLC]+\.\d{1,2}$/.test(printed)) return s.letter ? `${s.letter}.${printed}` : printed;
  const isLetter = printed.length === 1 && /[A-ZĐ]/.test(printed);
  const expected = s.letter ? nextLetter(s.letter) : "A";
  if (isLetter && (printed === expected || (!romanValue(printed) && printed !== s.letterPrinted))) {
    s.letter = printed;
    s.letterPrinted = printed;
    s.roman = undefined;
    return printed;
  }
  if (isLetter && printed === s.letterPrinted) {
    // The same letter twice in a row of headings is a misprint for the next one.
    s.letter = nextLetter(s.letter!);
    s.letterPrinted = printed;
    s.roman = undefined;
    warn(`The heading letter "${printed}" repeats; coded ${s.letter} so codes stay unique.`);
    return s.letter;
  }
  s.roman = printed;
  return s.letter ? `${s.letter}.${printed}` : printed;
}

const PATTERNS = [
  String.raw`^\d+$`,
  String.raw`^\d+\.?$`,
  String.raw`^\d+\t`,
  `^(?:\\d+\\t|\\t[${VI_UPPER}])`,
  String.raw`^\d+\.\s`,
  String.raw`^\d+\.?\s`,
];

/**
 * The row-start pattern the seed verifier uses: the candidate that matches exactly the lines
 * where a row starts (within the table), or the one that comes closest.
 */
export function chooseRowPattern(
  lines: string[],
  firstLine: number,
  lastLine: number,
  rowLines: number[],
): { pattern: string; exact: boolean } {
  const want = new Set(rowLines);
  let best = { pattern: PATTERNS[0], score: -1, exact: false };
  for (const p of PATTERNS) {
    const re = new RegExp(p);
    let hit = 0;
    let extra = 0;
    for (let n = firstLine; n <= lastLine; n++) {
      if (!re.test(lines[n - 1] ?? "")) continue;
      if (want.has(n)) hit++;
      else extra++;
    }
    const exact = hit === want.size && extra === 0;
    const score = hit - extra;
    if (exact) return { pattern: p, exact };
    if (score > best.score) best = { pattern: p, score, exact };
  }
  return { pattern: best.pattern, exact: false };
}

export function extractTaskTable(
  lines: string[],
  key: string,
  resolver: AgencyResolver,
): { table: SeedTaskTable | null; warnings: SuggestWarning[] } {
  const warnings: SuggestWarning[] = [];
  const h = findHeader(lines);
  if (!h) return { table: null, warnings };
  const read =
    h.layout === "PIPE"
      ? readPipe(lines, h, warnings)
      : h.layout === "TAB"
        ? readTab(lines, h, warnings)
        : readPlain(lines, h, resolver, warnings);
  if (!read.rows.some((r) => r.type === "task")) return { table: null, warnings };

  // The appendix title above the header ("PHỤ LỤC", "Phụ lục I: DANH MỤC …") opens the table.
  let firstLine = h.line;
  let appendix: { line: number; text: string } | null = null;
  for (let i = h.line - 2; i >= Math.max(0, h.line - 16); i--) {
    if (/^ph[uụ] l[uụ]c\b/i.test(lines[i].trim()) || /^phu luc\b/.test(fold(lines[i].trim()))) {
      appendix = { line: i + 1, text: collapse(lines[i]) };
      firstLine = i + 1;
      break;
    }
  }

  const headings: SeedTaskTable["headings"] = [];
  const tasks: SeedTask[] = [];
  const state: PathState = {};
  let current: string | null = null;
  const lastNumber = new Map<string, number>();
  const ids = new Set<string>();
  const firstTask = read.rows.findIndex((r) => r.type === "task");
  const firstHeading = read.rows.findIndex((r) => r.type === "heading");
  if (firstHeading === -1 || firstHeading > firstTask) {
    // Rows before any group heading: the appendix itself is their heading.
    const roman = appendix ? /^ph[uụ] l[uụ]c\s+([IVXLC]+)\b/i.exec(appendix.text) : null;
    const code = roman ? roman[1].toUpperCase() : "PL";
    headings.push({ code, title: appendix?.text ?? "Phụ lục", line: appendix?.line ?? h.line });
    current = code;
    if (!appendix)
      warnings.push({
        subject: `heading:${code}`,
        line: h.line,
        message: "The table has no heading and no appendix title; check the heading.",
      });
  }

  for (const row of read.rows) {
    if (row.type === "heading") {
      const code = headingCode(row.printed, state, (message) =>
        warnings.push({ subject: "document", line: row.line, message }),
      );
      let unique = code;
      for (let k = 2; headings.some((x) => x.code === unique); k++) unique = `${code}-${k}`;
      headings.push({ code: unique, title: row.title, line: row.line });
      current = unique;
      continue;
    }
    const c = row.cells;
    const title = c.title?.text ?? "";
    const headingKey = current ?? "";
    let number = row.number;
    let idNumber = number;
    if (number === null) {
      idNumber = String((lastNumber.get(headingKey) ?? 0) + 1);
      warnings.push({
        subject: "document",
        line: row.line,
        message: `A task row has no number; ${idNumber} (after the row before it) is used in its id and numberPrinted is null.`,
      });
    }
    lastNumber.set(headingKey, Number(idNumber));
    let id = `${key}-${current ?? "X"}-${idNumber}`;
    for (let k = 2; ids.has(id); k++) id = `${key}-${current ?? "X"}-${idNumber}-${k}`;
    ids.add(id);

    const lead = resolver.resolve(c.lead?.text);
    const partners = resolver.resolve(c.partners?.text);
    const dl = parseDeadline(c.deadline?.text);
    const subject = `task:${id}`;
    for (const m of [...lead.notes, ...partners.notes]) warnings.push({ subject, line: row.line, message: m });
    for (const u of [...lead.unmatched, ...partners.unmatched])
      warnings.push({
        subject,
        line: row.line,
        message: `"${u}" is not in the agency registry; add it or correct the code.`,
      });
    if (dl.note) warnings.push({ subject, line: row.line, message: dl.note });
    if (!lead.codes.length) warnings.push({ subject, line: row.line, message: "No lead agency was recognised." });
    if (title.length < 3) {
      warnings.push({ subject, line: row.line, message: "The task's text is missing; the row is left out." });
      continue;
    }
    number = number?.replace(/\.$/, "") ?? null;
    tasks.push({
      id,
      heading: current,
      numberPrinted: number,
      line: row.line,
      title,
      product: c.product?.text || null,
      leadRaw: c.lead?.text || null,
      leads: lead.codes,
      partnersRaw: c.partners?.text || null,
      partners: partners.codes,
      deadlineRaw: c.deadline?.text || null,
      deadline: dl.deadline,
    });
  }

  const lastLine = Math.min(lines.length, Math.max(read.lastLine, ...tasks.map((t) => t.line)));
  const rowPattern = chooseRowPattern(
    lines,
    firstLine,
    lastLine,
    tasks.map((t) => t.line),
  );
  if (!rowPattern.exact)
    warnings.push({
      subject: "document",
      line: firstLine,
      message: `No row-start pattern matches exactly the rows found; "${rowPattern.pattern}" comes closest.`,
    });
  if (lines.length && lines[lines.length - 1] !== "" && lastLine === lines.length)
    warnings.push({
      subject: "document",
      line: lastLine,
      message: "The file's last line is a task row with no newline after it; a line-based reader may miss it.",
    });
  return {
    table: { firstLine, lastLine, rowStartPattern: rowPattern.pattern, headings, tasks },
    warnings,
  };
}
