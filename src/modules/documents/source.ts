import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cache } from "react";
import { db } from "@/server/db";
import { splitLines } from "./lines";

// The source files are read from one fixed folder. The file name comes from the Document row
// (written by the seed import), never from the URL, and must still be a plain name inside it.
const SOURCE_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "seeds", "documents");
const KEY = /^[a-z0-9-]{1,40}$/;
const FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}\.txt$/;

/** Absolute path of a source file, or null when the name could leave the folder. */
export function sourcePath(fileName: string): string | null {
  if (!FILE.test(fileName) || fileName.includes("..") || path.basename(fileName) !== fileName) return null;
  const full = path.resolve(/*turbopackIgnore: true*/ SOURCE_DIR, fileName);
  return path.dirname(full) === SOURCE_DIR ? full : null;
}

// The files are read-only seed data: read each once per process.
const texts = new Map<string, Promise<string[]>>();
function readLines(full: string): Promise<string[]> {
  let hit = texts.get(full);
  if (!hit) {
    hit = readFile(full, "utf8").then(splitLines);
    hit.catch(() => texts.delete(full));
    texts.set(full, hit);
  }
  return hit;
}

/**
 * A document with its numbered source lines and the targets and tasks that cite them; null for an
 * unknown or malformed key. Throws when the row names a file that is not a plain seed file.
 */
export const loadDocumentSource = cache(async (key: string) => {
  if (!KEY.test(key)) return null;
  const doc = await db.document.findUnique({
    where: { key },
    select: {
      key: true,
      origin: true,
      sourceFile: true,
      numberPrinted: true,
      numberCanonical: true,
      kind: true,
      inForce: true,
      issuedOn: true,
      titleVi: true,
      titleEn: true,
      targets: {
        orderBy: [{ line: "asc" }, { year: "asc" }, { id: "asc" }],
        select: {
          key: true,
          line: true,
          quote: true,
          year: true,
          clause: true,
          indicator: { select: { code: true, nameVi: true, nameEn: true } },
        },
      },
      tasks: { orderBy: { sortOrder: "asc" }, select: { key: true, line: true, numberPrinted: true, title: true } },
    },
  });
  if (!doc) return null;
  // A document published in the browser has no file under seeds/: its text is the latest
  // published DocumentText (the table refuses changes to a published version).
  if (doc.origin === "BROWSER") {
    const text = await db.documentText.findFirst({
      where: { document: { key }, publishedAt: { not: null } },
      orderBy: { version: "desc" },
      select: { text: true },
    });
    return { ...doc, lines: splitLines(text?.text ?? "") };
  }
  const full = sourcePath(doc.sourceFile);
  if (!full) throw new Error(`Document ${doc.key}: source file name refused`);
  return { ...doc, lines: await readLines(full) };
});

export type DocumentSource = NonNullable<Awaited<ReturnType<typeof loadDocumentSource>>>;

/** Number, titles and summaries only, for metadata. */
export async function documentHeader(key: string) {
  if (!KEY.test(key)) return null;
  return db.document.findUnique({
    where: { key },
    select: {
      key: true,
      numberPrinted: true,
      numberCanonical: true,
      titleVi: true,
      titleEn: true,
      summaryVi: true,
      summaryEn: true,
      kind: true,
      inForce: true,
    },
  });
}
