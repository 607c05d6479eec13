// Independent check of a document's task table: count, in the raw text, the lines that start a
// row under each heading, and compare with the tasks the seed file lists under that heading.
import type { DocumentFile } from "./schema";

export type HeadingCount = { heading: string; line: number; inDocument: number; inSeed: number };

export function rowsPerHeading(file: DocumentFile, sourceText: string): HeadingCount[] {
  const table = file.taskTable;
  if (!table) return [];
  const lines = sourceText.split("\n");
  const pattern = new RegExp(table.rowStartPattern);
  const headings = [...table.headings].sort((a, b) => a.line - b.line);
  return headings.map((h, i) => {
    const end = Math.min(i + 1 < headings.length ? headings[i + 1].line - 1 : table.lastLine, table.lastLine);
    let inDocument = 0;
    for (let n = Math.max(h.line, table.firstLine); n <= end; n++) if (pattern.test(lines[n - 1] ?? "")) inDocument++;
    return {
      heading: h.code,
      line: h.line,
      inDocument,
      inSeed: table.tasks.filter((t) => t.heading === h.code).length,
    };
  });
}

/** Rows the pattern finds before the first heading (they belong to no heading). */
export function rowsBeforeFirstHeading(file: DocumentFile, sourceText: string): number {
  const table = file.taskTable;
  if (!table || table.headings.length === 0) return 0;
  const first = Math.min(...table.headings.map((h) => h.line));
  const lines = sourceText.split("\n");
  const pattern = new RegExp(table.rowStartPattern);
  let n = 0;
  for (let i = table.firstLine; i < first; i++) if (pattern.test(lines[i - 1] ?? "")) n++;
  return n;
}
