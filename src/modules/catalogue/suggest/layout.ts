// A document's running text as logical blocks (a heading, a list item, a paragraph) rebuilt from
// its physical lines. The copies are scraped or OCR'd: some hard-wrap every 80 characters (and put
// a blank line between every line), others keep one paragraph per line, table cells sit on lines of
// their own between "|" lines. A block keeps, for every character, the line it came from, so a quote
// taken from it can be cited with its line. Pure.
import { fold, VI_UPPER } from "./text";

export type Marker =
  | { kind: "ARTICLE"; value: string }
  | { kind: "ROMAN"; value: string }
  | { kind: "ARABIC"; value: string }
  | { kind: "LETTER"; value: string }
  | { kind: "BULLET"; value: string };

export type Block = {
  /** Whitespace-collapsed text: a verbatim quote is any substring of it. */
  text: string;
  /** 1-based source line of each character of `text`. */
  lineAt: number[];
  firstLine: number;
  lastLine: number;
  marker: Marker | null;
  /** The text after its marker ("- ", "a) ", "1. "), with `markerEnd` its offset. */
  markerEnd: number;
  /** Every letter is a capital: a section heading ("III. MỤC TIÊU"). */
  upper: boolean;
};

const MARKER_RE = new RegExp(
  [
    String.raw`^(?<article>Điều\s+\d+)[.:]?\s*`,
    String.raw`^(?<roman>[IVXL]+)\.\s+`,
    String.raw`^(?<arabic>\d{1,2})\.(?!\d)\s*`,
    String.raw`^(?:[-–•+*]\s*)?(?<letter>[a-zđ])\)\s*`,
    String.raw`^(?<bullet>[-–•+*])\s*`,
  ].join("|"),
);

export function parseMarker(text: string): { marker: Marker | null; end: number } {
  const m = MARKER_RE.exec(text);
  if (!m || !m.groups) return { marker: null, end: 0 };
  const g = m.groups;
  const end = m[0].length;
  if (g.article) return { marker: { kind: "ARTICLE", value: g.article.replace(/\s+/g, " ") }, end };
  if (g.roman) return { marker: { kind: "ROMAN", value: g.roman }, end };
  if (g.arabic) {
    // "1." must be followed by text, not be a number ("1.000") or a lone page number.
    if (end === text.length) return { marker: null, end: 0 };
    return { marker: { kind: "ARABIC", value: g.arabic }, end };
  }
  if (g.letter) return { marker: { kind: "LETTER", value: g.letter }, end };
  return { marker: { kind: "BULLET", value: g.bullet }, end };
}

const LETTER_RE = new RegExp(`[a-zA-Z${VI_UPPER}à-ỹ]`, "g");

export function isUpperLine(text: string): boolean {
  const letters = text.match(LETTER_RE) ?? [];
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  return upper / letters.length > 0.85;
}

const ENDS_UNIT = /[.;:!?…]["”’)\]]*$/;

/** A short line naming a dated goal ("a) Mục tiêu cơ bản đến năm 2025"): a heading of its own. */
export function isGoalHeadingText(text: string): boolean {
  if (text.length > 160) return false;
  if (/[.;]$/.test(text)) return false;
  return /\b(muc tieu|chi tieu|tam nhin)\b/.test(fold(text)) && /\b(19|20)\d{2}\b/.test(text);
}

function isSeparatorLine(t: string): boolean {
  return t === "" || /^\|+$/.test(t) || /^-{3,}$/.test(t);
}

/**
 * Splits lines [from, to] (1-based, inclusive) into blocks. `skip` marks lines that belong to no
 * block (the task table).
 */
export function buildBlocks(lines: string[], skip: (line: number) => boolean = () => false): Block[] {
  const trimmed = lines.map((l) => l.replace(/\s+/g, " ").trim());
  const nonBlank = trimmed.filter((t) => t !== "");
  const sorted = nonBlank.map((t) => t.length).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  // One paragraph per line (long lines): every line is its own block. Hard-wrapped text (short
  // lines) is rebuilt into paragraphs from punctuation and list markers.
  const perLine = median > 120;

  const blocks: Block[] = [];
  let cur: { parts: { line: number; text: string }[] } | null = null;
  let prevText = "";
  const flush = () => {
    if (cur && cur.parts.length) blocks.push(makeBlock(cur.parts));
    cur = null;
  };
  for (let i = 0; i < trimmed.length; i++) {
    const n = i + 1;
    const t = trimmed[i];
    if (skip(n) || /^\|+$/.test(t) || /^-{3,}$/.test(t)) {
      flush();
      prevText = "";
      continue;
    }
    if (isSeparatorLine(t)) {
      if (perLine) flush();
      continue;
    }
    const { marker } = parseMarker(t);
    const upper = isUpperLine(t);
    const startsNew =
      perLine ||
      !cur ||
      ENDS_UNIT.test(prevText) ||
      marker !== null ||
      (upper && !isUpperLine(prevText)) ||
      (!upper && isUpperLine(prevText)) ||
      isGoalHeadingText(prevText) ||
      (isGoalHeadingText(t) && !ENDS_UNIT.test(t));
    if (startsNew) flush();
    cur ??= { parts: [] };
    cur.parts.push({ line: n, text: t });
    prevText = t;
  }
  flush();
  return blocks;
}

function makeBlock(parts: { line: number; text: string }[]): Block {
  let text = "";
  const lineAt: number[] = [];
  for (const p of parts) {
    if (text) {
      text += " ";
      lineAt.push(p.line);
    }
    text += p.text;
    for (let k = 0; k < p.text.length; k++) lineAt.push(p.line);
  }
  const { marker, end } = parseMarker(text);
  return {
    text,
    lineAt,
    firstLine: parts[0].line,
    lastLine: parts[parts.length - 1].line,
    marker,
    markerEnd: end,
    upper: isUpperLine(text.slice(end)),
  };
}
