// Pure helpers of the document viewer: split a source file into numbered lines and find which
// lines a whitespace-normalised quote covers (the documents break sentences across lines).
import { normaliseWhitespace } from "@/lib/text";

/**
 * The lines of a file, numbered from 1 as in the seed files (split on "\n"). A final newline ends
 * the last line rather than starting an empty one; a trailing "\r" is dropped from every line.
 */
export function splitLines(source: string): string[] {
  const text = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines[lines.length - 1] === "" && text.endsWith("\n")) lines.pop();
  return lines;
}

export type Span = { from: number; to: number };

/**
 * The 1-based lines that `quote` covers when it is looked for between `line - before` and
 * `line + after`: the occurrence starting nearest `line`, null when there is none. Matching
 * ignores runs of whitespace, line breaks included.
 */
export function locateQuote(
  lines: readonly string[],
  line: number,
  quote: string,
  opts: { before?: number; after?: number } = {},
): Span | null {
  const q = normaliseWhitespace(quote);
  if (!q || line < 1 || line > lines.length) return null;
  const first = Math.max(1, line - (opts.before ?? 3));
  const last = Math.min(lines.length, line + (opts.after ?? 40));
  let text = "";
  const lineAt: number[] = [];
  for (let n = first; n <= last; n++) {
    const part = normaliseWhitespace(lines[n - 1]);
    if (!part) continue;
    if (text) {
      text += " ";
      lineAt.push(n);
    }
    text += part;
    for (let i = 0; i < part.length; i++) lineAt.push(n);
  }
  let best: Span | null = null;
  for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
    const span = { from: lineAt[at], to: lineAt[at + q.length - 1] };
    if (!best || Math.abs(span.from - line) < Math.abs(best.from - line)) best = span;
  }
  return best;
}

/** The span to highlight for an item cited at `line`: always includes `line`, at most `max` lines. */
export function highlightSpan(
  lines: readonly string[],
  line: number,
  quote: string | null,
  opts: { before?: number; after?: number; max?: number } = {},
): Span {
  const found = quote ? locateQuote(lines, line, quote, opts) : null;
  if (!found) return { from: line, to: line };
  const from = Math.min(line, found.from);
  return { from, to: Math.min(Math.max(line, found.to), from + (opts.max ?? 40) - 1) };
}
