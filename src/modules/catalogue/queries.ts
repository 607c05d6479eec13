import "server-only";
import { db } from "@/server/db";
import { rowsToSeedFile, type DocumentRows } from "./seed-file";

const KEY = /^[a-z0-9-]{1,40}$/;

/** A document's rows, as `rowsToSeedFile` reads them (retired targets and tasks left out). */
async function documentRows(key: string): Promise<DocumentRows | null> {
  if (!KEY.test(key)) return null;
  const doc = await db.document.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      sourceFile: true,
      numberPrinted: true,
      numberCanonical: true,
      kind: true,
      inForce: true,
      issuedOn: true,
      baseYear: true,
      issuer: true,
      titleVi: true,
      titleEn: true,
      summaryVi: true,
      summaryEn: true,
      relatedKeys: true,
      supersedesKeys: true,
      taskTable: true,
    },
  });
  if (!doc) return null;
  const [targets, commitments, headings, tasks, notes] = await Promise.all([
    db.target.findMany({
      where: { documentId: doc.id, retiredAt: null },
      orderBy: { id: "asc" },
      select: {
        key: true,
        indicator: { select: { code: true } },
        year: true,
        comparator: true,
        value: true,
        scopeKind: true,
        scopeLevel: true,
        scopeOf: true,
        scopeLabel: true,
        clause: true,
        line: true,
        quote: true,
        approximate: true,
        minCoverage: true,
        noteVi: true,
        noteEn: true,
      },
    }),
    db.commitment.findMany({ where: { documentId: doc.id }, orderBy: { id: "asc" } }),
    db.taskHeading.findMany({ where: { documentId: doc.id }, orderBy: { sortOrder: "asc" } }),
    db.task.findMany({
      where: { documentId: doc.id, retiredAt: null },
      orderBy: { sortOrder: "asc" },
      include: {
        heading: { select: { code: true } },
        agencies: { select: { role: true, position: true, groupCode: true, agency: { select: { code: true } } } },
      },
    }),
    db.dataQualityNote.findMany({ where: { documentId: doc.id }, orderBy: { id: "asc" } }),
  ]);
  return { document: doc, targets, commitments, headings, tasks, notes } as DocumentRows;
}

/** A document as a seed file, with its text's file name; null for an unknown key. */
export async function exportDocument(key: string) {
  const rows = await documentRows(key);
  return rows ? rowsToSeedFile(rows) : null;
}
