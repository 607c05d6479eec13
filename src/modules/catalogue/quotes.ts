// A quote is only ever taken from the document's own text: verbatim once runs of whitespace are
// collapsed (the seed files' rule, seeds/FORMAT.md), and near the line it claims to start on.
import { NormalisedText } from "@/lib/text";

/** How far from its claimed line a quote may start (a sentence wraps over a few lines). */
export const LINE_SLACK = 3;

export type QuoteCheck =
  { ok: true; line: number } | { ok: false; reason: "empty" | "notInText" | "notAtLine"; lines: number[] };

/**
 * Whether `quote` occurs in the text, and where. With `line`, it must start within LINE_SLACK
 * lines of it; the answer gives the occurrence nearest to it.
 */
export function checkQuote(text: NormalisedText, quote: string, line?: number | null): QuoteCheck {
  if (!quote.trim()) return { ok: false, reason: "empty", lines: [] };
  const lines = text.findLines(quote);
  if (!lines.length) return { ok: false, reason: "notInText", lines };
  if (line == null) return { ok: true, line: lines[0] };
  const nearest = lines.reduce((a, b) => (Math.abs(b - line) < Math.abs(a - line) ? b : a));
  if (Math.abs(nearest - line) > LINE_SLACK) return { ok: false, reason: "notAtLine", lines };
  return { ok: true, line: nearest };
}
