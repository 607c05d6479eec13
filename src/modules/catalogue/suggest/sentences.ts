// Sentences and clauses of a block, parentheses, comma phrases and the years a sentence names.
// Offsets are the block's. Pure.
import { fold } from "./text";

export type Span = { start: number; end: number };

const ABBREVIATIONS = /(?:^|[\s(])(?:TP|Tp|tp|ThS|TS|GS|PGS|St|v\.v|Q|P|TT|Ng)$/;

/** Depth of parentheses before each offset; a closing parenthesis never goes below zero. */
function depths(text: string): number[] {
  const d: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    d.push(depth);
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && depth > 0) depth--;
  }
  d.push(depth);
  return d;
}

/**
 * Sentences of `text` from `from`: a full stop (or ! ?) followed by a space and a capital or a
 * digit ends one, unless inside parentheses, after an abbreviation ("TP. Hồ Chí Minh") or before a
 * parenthesis (a milestone in brackets belongs to the sentence before it).
 */
export function sentences(text: string, from = 0): Span[] {
  const d = depths(text);
  const out: Span[] = [];
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if ((c === "." || c === "!" || c === "?") && d[i] === 0 && text[i + 1] === " ") {
      const next = text[i + 2] ?? "";
      if (!/[\p{Lu}\d"“-]/u.test(next)) continue;
      if (c === "." && ABBREVIATIONS.test(text.slice(Math.max(0, i - 6), i))) continue;
      out.push({ start, end: i + 1 });
      start = i + 2;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

const GOV_LEVEL_RE = /\bcap (?:bo|tinh|huyen|xa)\b/;

/**
 * Clauses of a sentence: parts between semicolons outside parentheses. Parts that each name a
 * level of government and a number ("90% … tại cấp bộ, tỉnh; 80% … tại cấp huyện và 60% … tại
 * cấp xã được xử lý …") state one target split by level and stay together, so each keeps the
 * predicate the last part carries.
 */
export function clauses(text: string, sentence: Span): Span[] {
  const d = depths(text);
  const parts: Span[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (text[i] === ";" && d[i] === 0) {
      parts.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < sentence.end) parts.push({ start, end: sentence.end });
  const trimmed = parts
    .map((p) => {
      let { start: s, end: e } = p;
      while (s < e && text[s] === " ") s++;
      while (e > s && text[e - 1] === " ") e--;
      return { start: s, end: e };
    })
    .filter((p) => p.end > p.start);
  const merged: Span[] = [];
  for (const p of trimmed) {
    const prev = merged[merged.length - 1];
    const levelled = (s: Span) =>
      GOV_LEVEL_RE.test(fold(text.slice(s.start, s.end))) && /\d/.test(text.slice(s.start, s.end));
    if (prev && levelled(prev) && levelled(p)) prev.end = p.end;
    else merged.push({ ...p });
  }
  return merged;
}

/** For each offset of `text`, the offset of the innermost open parenthesis, or -1 at top level. */
export function parenGroups(text: string): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ")" && stack.length) stack.pop();
    out.push(stack.length ? stack[stack.length - 1] : -1);
    if (text[i] === "(") stack.push(i);
  }
  out.push(stack.length ? stack[stack.length - 1] : -1);
  return out;
}

/** For each offset, the index of its comma phrase (commas, colons and semicolons separate them). */
export function phraseIds(text: string): number[] {
  const out: number[] = [];
  let id = 0;
  for (let i = 0; i < text.length; i++) {
    out.push(id);
    if (text[i] === "," || text[i] === ":" || text[i] === ";" || text[i] === "(" || text[i] === ")") id++;
  }
  out.push(id);
  return out;
}

export type YearMention = { year: number; at: number; base: boolean };

const YEAR_RE =
  /(?:\b(?:den|toi|vao|trong|cuoi|het|truoc)\s+(?:cuoi\s+)?(?:nam\s+)?|\bnam\s+)((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)|(?<=\()((?:19|20)\d{2})\b(?=\s*[:,])/g;

/**
 * The years a text names as a time ("đến năm 2025", "vào năm 2030", "năm 2020", "(2020: …"), not
 * in a date ("ngày 3 tháng 6 năm 2020"), a period ("giai đoạn 2021 - 2025") or a document number.
 * "so với năm 2020" is a base year (`base`).
 */
export function yearMentions(text: string): YearMention[] {
  const f = fold(text);
  const out: YearMention[] = [];
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(f); m; m = YEAR_RE.exec(f)) {
    const y = m[1] ?? m[2];
    const at = m.index + m[0].lastIndexOf(y);
    const before = f.slice(Math.max(0, m.index - 16), m.index);
    if (/thang\s+\d{1,2}\s*$/.test(before) || /ngay\s+\d{1,2}\s*$/.test(before)) continue;
    if (/giai doan\s*$|thoi ky\s*$|ky\s*$/.test(before)) continue;
    if (/^\s*[-–]\s*\d/.test(f.slice(at + 4))) continue;
    out.push({ year: Number(y), at, base: /so voi\s*$/.test(before) || /so voi\s+nam\s*$/.test(f.slice(0, at)) });
  }
  // "bình quân đạt trên 8,0%/năm thời kỳ 2021-2030": a rate over a period is due at its end.
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(f); m; m = PERIOD_RE.exec(f)) {
    if (Number(m[2]) > Number(m[1])) out.push({ year: Number(m[2]), at: m.index + m[0].length - 4, base: false });
  }
  return out.sort((a, b) => a.at - b.at);
}

const PERIOD_RE = /\b(?:thoi ky|giai doan)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/g;
