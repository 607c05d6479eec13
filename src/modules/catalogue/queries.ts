import "server-only";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { LIVE } from "./live";
import { assertCatalogue } from "./policy";
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

export const DRAFTS_PER_PAGE = 25;

/** Drafts newest first, a page at a time, and the published documents with their origin. */
export async function catalogueOverview(user: SessionUser | null, page: number) {
  assertCatalogue(user, "catalogue.read");
  const [total, drafts, documents] = await Promise.all([
    db.catalogueDraft.count(),
    db.catalogueDraft.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DRAFTS_PER_PAGE,
      take: DRAFTS_PER_PAGE,
      select: { id: true, documentKey: true, state: true, updatedAt: true, returnNote: true },
    }),
    db.document.findMany({
      orderBy: { sortOrder: "asc" },
      select: { key: true, numberPrinted: true, titleVi: true, titleEn: true, origin: true },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / DRAFTS_PER_PAGE)), drafts, documents };
}

/** One draft with its text's lines, its items and the indicators a target may use. */
export async function draftDetail(user: SessionUser | null, id: number) {
  assertCatalogue(user, "catalogue.read");
  const draft = await db.catalogueDraft.findUnique({
    where: { id },
    select: {
      id: true,
      documentKey: true,
      state: true,
      meta: true,
      createdById: true,
      returnNote: true,
      texts: { orderBy: { version: "desc" }, take: 1, select: { text: true } },
      items: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, data: true, decision: true, edited: true },
      },
    },
  });
  if (!draft) return null;
  const meta = draft.meta as {
    titleVi?: string;
    titleEn?: string;
    proposedIndicators?: { code: string; nameVi: string; nameEn: string }[];
  };
  const indicators = await db.indicator.findMany({
    orderBy: { code: "asc" },
    select: { code: true, nameVi: true, nameEn: true },
  });
  for (const p of meta.proposedIndicators ?? [])
    if (!indicators.some((i) => i.code === p.code))
      indicators.push({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn });
  return {
    id: draft.id,
    key: draft.documentKey,
    state: draft.state,
    titleVi: meta.titleVi ?? "",
    titleEn: meta.titleEn ?? "",
    own: draft.createdById === user.id,
    returnNote: draft.returnNote,
    lines: (draft.texts[0]?.text ?? "").replace(/\n$/, "").split("\n"),
    items: draft.items,
    indicators,
  };
}
export type DraftDetail = NonNullable<Awaited<ReturnType<typeof draftDetail>>>;

/** A browser-published document's latest published text, or null (seed documents read their file). */
export async function publishedText(documentKey: string): Promise<string | null> {
  const row = await db.documentText.findFirst({
    where: { document: { key: documentKey }, publishedAt: { not: null } },
    orderBy: { version: "desc" },
    select: { text: true },
  });
  return row?.text ?? null;
}

export const TASKS_PER_PAGE = 50;

/**
 * A published document for its reviewers: its live targets, its live tasks a page at a time, and
 * its catalogue history newest first (who, with their agency, when, why, before and after).
 */
export async function publishedDocumentDetail(user: SessionUser | null, key: string, taskPage: number) {
  assertCatalogue(user, "catalogue.read");
  if (!KEY.test(key)) return null;
  const doc = await db.document.findUnique({
    where: { key },
    select: { id: true, key: true, numberPrinted: true, titleVi: true, titleEn: true, origin: true },
  });
  if (!doc) return null;
  const live = { documentId: doc.id, ...LIVE };
  const [targets, taskTotal, tasks, revisions] = await Promise.all([
    db.target.findMany({
      where: live,
      orderBy: [{ line: "asc" }, { id: "asc" }],
      select: {
        key: true,
        year: true,
        comparator: true,
        value: true,
        approximate: true,
        quote: true,
        line: true,
        clause: true,
        noteVi: true,
        noteEn: true,
        origin: true,
        indicator: { select: { code: true, nameVi: true, nameEn: true, unit: true } },
      },
    }),
    db.task.count({ where: live }),
    db.task.findMany({
      where: live,
      orderBy: { sortOrder: "asc" },
      skip: (taskPage - 1) * TASKS_PER_PAGE,
      take: TASKS_PER_PAGE,
      select: {
        key: true,
        numberPrinted: true,
        title: true,
        product: true,
        leadRaw: true,
        deadlineRaw: true,
        deadlineKind: true,
        deadlineYear: true,
        deadlineQuarter: true,
        deadlineFrom: true,
        deadlineTo: true,
        deadlineEvery: true,
        agencies: {
          where: { role: "LEAD" },
          orderBy: { position: "asc" },
          select: { groupCode: true, agency: { select: { code: true } } },
        },
      },
    }),
    db.catalogueRevision.findMany({
      where: { documentKey: key },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 500,
    }),
  ]);
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(revisions.map((r) => r.userId))] } },
        select: { id: true, name: true, agency: { select: { nameVi: true, nameEn: true } } },
      })
    ).map((u) => [u.id, u]),
  );
  // The published text a correction starts from (documents added in the browser only).
  const text =
    doc.origin === "BROWSER"
      ? await db.documentText.findFirst({
          where: { documentId: doc.id, publishedAt: { not: null } },
          orderBy: { version: "desc" },
          select: { version: true, text: true },
        })
      : null;
  return {
    ...doc,
    text,
    targets,
    tasks: tasks.map(({ agencies, ...t }) => ({
      ...t,
      leads: agencies.map((a) => a.groupCode ?? a.agency?.code ?? "").filter(Boolean),
    })),
    taskTotal,
    taskPages: Math.max(1, Math.ceil(taskTotal / TASKS_PER_PAGE)),
    history: revisions.map((r) => {
      const u = users.get(r.userId);
      return {
        id: r.id,
        entity: r.entity,
        entityKey: r.entityKey,
        action: r.action,
        at: r.at,
        reason: r.reason,
        who: u ? { name: u.name, agencyVi: u.agency.nameVi, agencyEn: u.agency.nameEn } : null,
        changes: changedFields(r.before, r.after),
      };
    }),
  };
}
export type PublishedDocumentDetail = NonNullable<Awaited<ReturnType<typeof publishedDocumentDetail>>>;

/** What an edit changed, field by field ("value: 20 → 21"); a publication or retirement has none. */
function changedFields(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const show = (v: unknown) => (v == null ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: k, from: show(b[k]), to: show(a[k]) }));
}
