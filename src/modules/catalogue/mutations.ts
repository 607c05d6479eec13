import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { msg } from "@/i18n/translate";
import { NormalisedText } from "@/lib/text";
import { loadDocumentSource } from "@/modules/documents/source";
import { audit } from "@/server/audit";
import { dueDate } from "@/lib/periods";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { AppError, NotFoundError, ValidationError } from "@/server/errors";
import { refreshPublicPages } from "@/server/public-cache";
import { bumpPublicVersion } from "@/server/public-version";
import { catalogueContext, syncDocument, type SeedCounts } from "@/server/seed/import";
import { checkDocumentText, defaultSeedsDir, loadSeeds, type SeedBundle, type SeedIssue } from "@/server/seed/load";
import { documentFileSchema, type IndicatorSeed } from "@/server/seed/schema";
import { assertCatalogue, assertNotOwnDraft } from "./policy";
import { checkQuote } from "./quotes";
import type {
  AddTargetInput,
  CorrectTextInput,
  CreateDraftInput,
  EditTargetInput,
  EditTaskInput,
  SaveItemInput,
  TargetFields,
} from "./schemas";
import { draftToSeedFile, type DocumentMeta, type TargetData, type TaskData, type TaskTableMeta } from "./seed-file";
import { loadCatalogue } from "./suggest/catalogue";
import { suggest } from "./suggest/suggest";
import type { SuggestCatalogue } from "./suggest/types";

/**
 * The draft's document fields. Indicators the suggester proposes (no catalogue indicator matched)
 * ride along in `proposedIndicators` until publication creates the ones an accepted target uses.
 */
export type DraftMeta = DocumentMeta & { proposedIndicators?: IndicatorSeed[] };

// The seed files are read-only data: read and checked once per process.
let seeds: { bundle: SeedBundle; catalogue: SuggestCatalogue } | null = null;
function seedData() {
  seeds ??= { bundle: loadSeeds(defaultSeedsDir(), { withDemo: false }), catalogue: loadCatalogue(defaultSeedsDir()) };
  return seeds;
}

/** A text as stored: Unicode NFC, Unix line ends, no byte-order mark, no trailing blanks at the end. */
export function normaliseText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      .normalize("NFC")
      .trimEnd() + "\n"
  );
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

type Tx = Prisma.TransactionClient;

async function keyTaken(tx: Tx, key: string) {
  const [doc, draft] = await Promise.all([
    tx.document.findUnique({ where: { key }, select: { id: true } }),
    tx.catalogueDraft.findFirst({
      where: { documentKey: key, state: { in: ["EDITING", "SUBMITTED"] } },
      select: { id: true },
    }),
  ]);
  return Boolean(doc || draft);
}

/**
 * A new draft: the editor's document fields, its text as version 1 (unpublished), and the
 * suggester's targets and task rows as proposed items, in one transaction.
 */
export async function createDraft(
  user: SessionUser | null,
  input: CreateDraftInput,
  rawText: string,
  fileName: string | null,
): Promise<{ id: number; targets: number; tasks: number }> {
  assertCatalogue(user, "catalogue.edit");
  const text = normaliseText(rawText);
  if (!text.trim()) throw new ValidationError({ text: [msg("catalogue.errors.noText")] });
  const refs = [...input.relatedTo, ...input.supersedes];
  const known = new Set(
    (await db.document.findMany({ where: { key: { in: refs } }, select: { key: true } })).map((d) => d.key),
  );
  const unknown = (keys: string[]) => keys.filter((k) => !known.has(k));
  const fieldErrors: Record<string, ReturnType<typeof msg>[]> = {};
  if (unknown(input.relatedTo).length)
    fieldErrors.relatedTo = [msg("catalogue.errors.unknownDocument", { key: unknown(input.relatedTo).join(", ") })];
  if (unknown(input.supersedes).length)
    fieldErrors.supersedes = [msg("catalogue.errors.unknownDocument", { key: unknown(input.supersedes).join(", ") })];
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);

  const s = suggest(text, seedData().catalogue, { key: input.key, sourceFile: `${input.key}.txt` });
  const meta: DraftMeta = {
    ...s.document,
    key: input.key,
    sourceFile: `${input.key}.txt`,
    numberPrinted: input.numberPrinted ?? s.document.numberPrinted,
    numberCanonical: input.numberCanonical ?? s.document.numberCanonical,
    kind: input.kind,
    inForce: input.inForce,
    issuedOn: input.issuedOn ?? s.document.issuedOn,
    issuer: input.issuer ?? s.document.issuer ?? null,
    titleVi: input.titleVi,
    titleEn: input.titleEn,
    relatedTo: input.relatedTo,
    ...(input.supersedes.length ? { supersedes: input.supersedes } : {}),
    proposedIndicators: s.indicators,
  };
  const table: TaskTableMeta | null = s.taskTable
    ? {
        firstLine: s.taskTable.firstLine,
        lastLine: s.taskTable.lastLine,
        rowStartPattern: s.taskTable.rowStartPattern,
        headings: s.taskTable.headings,
      }
    : null;
  const tasks = s.taskTable?.tasks ?? [];
  return db.$transaction(async (tx) => {
    // Two editors choosing the same key at once: one of them is told it is taken.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalogue.draft-key'))`;
    if (await keyTaken(tx, input.key)) throw new ValidationError({ key: [msg("catalogue.errors.keyTaken")] });
    const draft = await tx.catalogueDraft.create({
      data: {
        documentKey: input.key,
        meta: meta as Prisma.InputJsonValue,
        taskTable: table ? (table as Prisma.InputJsonValue) : Prisma.JsonNull,
        createdById: user.id,
      },
      select: { id: true },
    });
    await tx.documentText.create({
      data: {
        draftId: draft.id,
        text,
        sha256: sha256(text),
        fileName: fileName?.slice(0, 200) ?? null,
        createdById: user.id,
      },
    });
    const items = [
      ...s.targets.map((t) => ({ kind: "TARGET" as const, data: t })),
      ...tasks.map((t) => ({ kind: "TASK" as const, data: t })),
    ];
    await tx.catalogueDraftItem.createMany({
      data: items.map((it, position) => ({
        draftId: draft.id,
        kind: it.kind,
        position,
        proposal: it.data as Prisma.InputJsonValue,
        data: it.data as Prisma.InputJsonValue,
        updatedById: user.id,
      })),
    });
    await audit(tx, {
      actor: { id: user.id, email: user.email },
      action: "catalogue.draft.create",
      entityType: "CatalogueDraft",
      entityId: draft.id,
      after: { key: input.key, sha256: sha256(text), targets: s.targets.length, tasks: tasks.length },
    });
    return { id: draft.id, targets: s.targets.length, tasks: tasks.length };
  });
}

/** The draft, locked for the rest of the transaction, with its text; refused unless in `states`. */
async function lockDraft(tx: Tx, draftId: number, states: ("EDITING" | "SUBMITTED")[]) {
  await tx.$executeRaw`SELECT id FROM "CatalogueDraft" WHERE id = ${draftId} FOR UPDATE`;
  const draft = await tx.catalogueDraft.findUnique({
    where: { id: draftId },
    include: { texts: { orderBy: { version: "desc" }, take: 1 } },
  });
  if (!draft) throw new NotFoundError();
  if (!states.includes(draft.state as "EDITING")) {
    throw new AppError(
      msg(states.includes("EDITING") ? "catalogue.errors.notEditable" : "catalogue.errors.notSubmitted"),
      409,
    );
  }
  const text = draft.texts[0];
  if (!text) throw new NotFoundError();
  return { draft, text: text.text };
}

/** Indicator codes a target may use in this draft: the catalogue's and the draft's proposed ones. */
async function indicatorCodes(tx: Tx, meta: DraftMeta) {
  const rows = await tx.indicator.findMany({ select: { code: true } });
  return new Set([...rows.map((r) => r.code), ...(meta.proposedIndicators ?? []).map((i) => i.code)]);
}

/**
 * A target's fields with its quote checked against the draft's text: a quote that is not verbatim
 * there, or not near its line, is refused with a field error and nothing is stored.
 */
async function checkedTarget(tx: Tx, base: TargetData, f: TargetFields, text: string, meta: DraftMeta) {
  const q = checkQuote(new NormalisedText(text), f.quote, f.line);
  if (!q.ok) {
    const key =
      q.reason === "empty"
        ? "catalogue.errors.quoteEmpty"
        : q.reason === "notInText"
          ? "catalogue.errors.quoteNotInText"
          : "catalogue.errors.quoteNotAtLine";
    throw new ValidationError({ quote: [msg(key, { lines: q.lines.join(", ") })] });
  }
  if (!(await indicatorCodes(tx, meta)).has(f.indicator))
    throw new ValidationError({ indicator: [msg("catalogue.errors.unknownIndicator")] });
  const scope: TargetData["scope"] =
    f.scope === "GOV_LEVEL"
      ? { kind: "GOV_LEVEL", level: "CENTRAL_PROVINCE", ...(f.scopeLabel ? { label: f.scopeLabel } : {}) }
      : f.scope === "EACH"
        ? {
            kind: "EACH",
            of: base.scope.kind === "EACH" ? base.scope.of : "PROVINCE",
            ...(f.scopeLabel ? { label: f.scopeLabel } : {}),
          }
        : f.scope === "SUBGROUP"
          ? { kind: "SUBGROUP", label: f.scopeLabel ?? "—" }
          : { kind: "NATIONAL" };
  return {
    ...base,
    indicator: f.indicator,
    year: f.year,
    comparator: f.comparator,
    value: f.value,
    scope,
    quote: f.quote.replace(/\s+/g, " ").trim(),
    line: q.line,
  } satisfies TargetData;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Accept, reject or edit one proposed item of a draft being edited. */
export async function saveItem(user: SessionUser | null, input: SaveItemInput) {
  assertCatalogue(user, "catalogue.edit");
  await db.$transaction(async (tx) => {
    const { draft, text } = await lockDraft(tx, input.draftId, ["EDITING"]);
    const item = await tx.catalogueDraftItem.findFirst({ where: { id: input.itemId, draftId: draft.id } });
    if (!item) throw new NotFoundError();
    if (input.op !== "edit") {
      await tx.catalogueDraftItem.update({
        where: { id: item.id },
        data: { decision: input.op === "accept" ? "ACCEPTED" : "REJECTED", updatedById: user.id },
      });
      return;
    }
    if (item.kind !== "TARGET") throw new NotFoundError();
    const data = await checkedTarget(tx, item.data as TargetData, input, text, draft.meta as DraftMeta);
    await tx.catalogueDraftItem.update({
      where: { id: item.id },
      data: {
        data: data as Prisma.InputJsonValue,
        decision: "ACCEPTED",
        edited: !sameJson(data, item.proposal),
        updatedById: user.id,
      },
    });
  });
}

/** The clause a line sits under: the nearest numbered or lettered line at or above it ("a)", "2.", "III."). */
function clauseAt(text: string, line: number): string {
  const lines = text.split("\n");
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = /^\s*((?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)])/.exec(lines[i]);
    if (m) return m[1];
  }
  return `${line}`;
}

/** A target the editor adds from a passage selected in the text (accepted; the server checks the quote). */
export async function addTarget(user: SessionUser | null, input: AddTargetInput) {
  assertCatalogue(user, "catalogue.edit");
  return db.$transaction(async (tx) => {
    const { draft, text } = await lockDraft(tx, input.draftId, ["EDITING"]);
    const count = await tx.catalogueDraftItem.count({ where: { draftId: draft.id } });
    const base: TargetData = {
      id: `${draft.documentKey}-m${count + 1}`,
      indicator: input.indicator,
      year: input.year,
      comparator: input.comparator,
      value: input.value,
      scope: { kind: "NATIONAL" },
      clause: clauseAt(text, input.line),
      line: input.line,
      quote: input.quote,
      approximate: false,
    };
    const data = await checkedTarget(tx, base, input, text, draft.meta as DraftMeta);
    const item = await tx.catalogueDraftItem.create({
      data: {
        draftId: draft.id,
        kind: "TARGET",
        position: count,
        proposal: data as Prisma.InputJsonValue,
        data: data as Prisma.InputJsonValue,
        decision: "ACCEPTED",
        updatedById: user.id,
      },
      select: { id: true },
    });
    return { id: item.id };
  });
}

/** The editor sends the draft for review (something must be accepted). */
export async function submitDraft(user: SessionUser | null, draftId: number) {
  assertCatalogue(user, "catalogue.edit");
  await db.$transaction(async (tx) => {
    const { draft } = await lockDraft(tx, draftId, ["EDITING"]);
    if (!(await tx.catalogueDraftItem.count({ where: { draftId, decision: "ACCEPTED" } })))
      throw new AppError(msg("catalogue.errors.nothingAccepted"), 400);
    await tx.catalogueDraft.update({
      where: { id: draft.id },
      data: { state: "SUBMITTED", submittedAt: clockNow(), returnNote: null },
    });
    await audit(tx, {
      actor: { id: user.id, email: user.email },
      action: "catalogue.draft.submit",
      entityType: "CatalogueDraft",
      entityId: draft.id,
    });
  });
}

/** A reviewer sends a submitted draft back to its editor, saying why. */
export async function returnDraft(user: SessionUser | null, draftId: number, note: string) {
  assertCatalogue(user, "catalogue.publish");
  await db.$transaction(async (tx) => {
    const { draft } = await lockDraft(tx, draftId, ["SUBMITTED"]);
    await tx.catalogueDraft.update({ where: { id: draft.id }, data: { state: "EDITING", returnNote: note } });
    await audit(tx, {
      actor: { id: user.id, email: user.email },
      action: "catalogue.draft.return",
      entityType: "CatalogueDraft",
      entityId: draft.id,
      reason: note,
    });
  });
}

/** The seed registries a draft is checked with: the seed files' plus what the database holds. */
async function registriesFor(tx: Tx, bundle: SeedBundle, extra: IndicatorSeed[]) {
  const indicators = new Map(bundle.indicators.map((i) => [i.code, i]));
  for (const i of await tx.indicator.findMany()) {
    if (indicators.has(i.code)) continue;
    indicators.set(i.code, {
      code: i.code,
      nameVi: i.nameVi,
      nameEn: i.nameEn,
      pillar: i.pillar,
      kind: i.kind,
      unit: i.unit,
      direction: i.direction,
      periodicity: i.periodicity,
      min: i.minValue ?? undefined,
      max: i.maxValue ?? undefined,
    } as IndicatorSeed);
  }
  for (const i of extra) if (!indicators.has(i.code)) indicators.set(i.code, i);
  return {
    agencies: new Map(bundle.agencies.map((a) => [a.code, a])),
    groups: new Map(bundle.groups.map((g) => [g.code, g])),
    indicators,
  };
}

/**
 * A reviewer publishes a submitted draft, all or nothing: the accepted items are checked as a seed
 * file against the draft's text (as the seed checks its own), the proposed indicators they use are
 * created, the rows are written by the seed's own syncDocument marked as the browser's, the text
 * is published with the document, and each row gets a CatalogueRevision; then the published data
 * version moves so every instance redraws its pages.
 */
export async function publishDraft(user: SessionUser | null, draftId: number): Promise<{ key: string }> {
  assertCatalogue(user, "catalogue.publish");
  const { bundle } = seedData();
  const key = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7272026)`; // the seed's lock: never both at once
      const { draft, text } = await lockDraft(tx, draftId, ["SUBMITTED"]);
      assertNotOwnDraft(user, draft);
      const items = await tx.catalogueDraftItem.findMany({
        where: { draftId, decision: "ACCEPTED" },
        orderBy: { position: "asc" },
      });
      const { proposedIndicators = [], ...meta } = draft.meta as DraftMeta;
      const targets = items.filter((i) => i.kind === "TARGET").map((i) => i.data as TargetData);
      const tasks = items.filter((i) => i.kind === "TASK").map((i) => i.data as TaskData);
      const existing = new Set((await tx.indicator.findMany({ select: { code: true } })).map((i) => i.code));
      const used = new Set(targets.map((t) => t.indicator));
      const created = proposedIndicators.filter((i) => used.has(i.code) && !existing.has(i.code));
      const file = {
        ...draftToSeedFile({ meta, taskTable: draft.taskTable as TaskTableMeta | null, targets, tasks }),
        indicators: created,
      };
      const parsed = documentFileSchema.safeParse(file);
      const issues: SeedIssue[] = parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ file: meta.key, item: i.path.join("."), reason: i.message }));
      if (parsed.success) {
        checkDocumentText(
          meta.key,
          parsed.data,
          text,
          await registriesFor(tx, bundle, created),
          { targetIds: new Set(), taskIds: new Set() },
          issues,
        );
        const clash = await tx.target.findMany({
          where: { key: { in: targets.map((t) => t.id) } },
          select: { key: true },
        });
        for (const c of clash)
          issues.push({ file: meta.key, item: `target ${c.key}`, reason: "id is used by another document" });
        if (await tx.document.findUnique({ where: { key: meta.key }, select: { id: true } }))
          issues.push({ file: meta.key, item: "document.key", reason: "a document has this key" });
      }
      if (!parsed.success || issues.length)
        throw new AppError(
          msg("catalogue.errors.invalid", {
            issues: issues
              .slice(0, 10)
              .map((i) => `${i.item}: ${i.reason}`)
              .join("; "),
          }),
          400,
          undefined,
          issues,
        );
      const now = clockNow();
      for (const i of created)
        await tx.indicator.create({
          data: {
            code: i.code,
            nameVi: i.nameVi,
            nameEn: i.nameEn,
            pillar: i.pillar,
            kind: i.kind,
            unit: i.unit,
            direction: i.direction,
            periodicity: i.periodicity,
            minValue: i.min ?? null,
            maxValue: i.max ?? null,
            descriptionVi: i.descriptionVi ?? null,
            descriptionEn: i.descriptionEn ?? null,
          },
        });
      const ctx = { ...(await catalogueContext(tx, bundle, now.toISOString().slice(0, 10))), published: { at: now } };
      const counts: SeedCounts = {};
      const order = await tx.document.count();
      const documentId = await syncDocument(tx, parsed.data, order, counts, ctx);
      await tx.documentText.update({
        where: {
          id: (await tx.documentText.findFirstOrThrow({ where: { draftId }, orderBy: { version: "desc" } })).id,
        },
        data: { documentId, publishedAt: now },
      });
      await tx.catalogueDraft.update({
        where: { id: draftId },
        data: { state: "PUBLISHED", publishedAt: now, publishedById: user.id, documentId },
      });
      const reason = `draft ${draftId}`;
      await tx.catalogueRevision.createMany({
        data: [
          { entity: "DOCUMENT", entityKey: meta.key, after: parsed.data.document },
          ...parsed.data.targets.map((t) => ({ entity: "TARGET", entityKey: t.id, after: t })),
          ...(parsed.data.taskTable?.tasks ?? []).map((t) => ({ entity: "TASK", entityKey: t.id, after: t })),
        ].map((r) => ({
          ...r,
          after: r.after as Prisma.InputJsonValue,
          documentKey: meta.key,
          action: "PUBLISH",
          reason,
          userId: user.id,
          at: now,
        })),
      });
      await audit(tx, {
        actor: { id: user.id, email: user.email },
        action: "catalogue.draft.publish",
        entityType: "Document",
        entityId: meta.key,
        after: {
          draftId,
          targets: parsed.data.targets.length,
          tasks: tasks.length,
          indicators: created.map((i) => i.code),
          counts,
        },
      });
      await bumpPublicVersion(tx);
      return meta.key;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  await refreshPublicPages();
  return { key };
}

// ---- Revising what is published -------------------------------------------------------------
// Editing or retiring a published target or task is a new fact with who and why: the old state is
// kept (a retired row stays, with retiredAt; an edited threshold is a new row), so the "as
// published at the end of quarter X" views (live.ts liveAt) show the catalogue as it was then.
// Each revision is a CatalogueRevision (which also makes the seed import leave the row alone), an
// audit row and a new public version, in one transaction.

/** A target as its history shows it. */
function targetSnapshot(t: {
  key: string;
  indicator: { code: string };
  year: number;
  comparator: string;
  value: number;
  approximate: boolean;
  quote: string;
  line: number;
  clause: string;
  noteVi: string | null;
  noteEn: string | null;
}) {
  return {
    key: t.key,
    indicator: t.indicator.code,
    year: t.year,
    comparator: t.comparator,
    value: t.value,
    approximate: t.approximate,
    clause: t.clause,
    line: t.line,
    quote: t.quote,
    noteVi: t.noteVi,
    noteEn: t.noteEn,
  };
}

/** A task's editable fields as its history shows them (its title never changes). */
function taskSnapshot(t: {
  key: string;
  title: string;
  product: string | null;
  deadlineRaw: string | null;
  deadlineKind: string;
  deadlineYear: number | null;
  deadlineQuarter: number | null;
  deadlineFrom: number | null;
  deadlineTo: number | null;
  deadlineEvery: string | null;
  agencies: { role: string; position: number; groupCode: string | null; agency: { code: string } | null }[];
}) {
  return {
    key: t.key,
    title: t.title,
    product: t.product,
    deadlineRaw: t.deadlineRaw,
    deadline: {
      kind: t.deadlineKind,
      year: t.deadlineYear,
      quarter: t.deadlineQuarter,
      from: t.deadlineFrom,
      to: t.deadlineTo,
      every: t.deadlineEvery,
    },
    leads: t.agencies
      .filter((a) => a.role === "LEAD")
      .sort((a, b) => a.position - b.position)
      .map((a) => a.groupCode ?? a.agency?.code ?? ""),
  };
}

const notLive = () => new NotFoundError(msg("catalogueHistory.errors.notFound"));

/** Locks a live target for the rest of the transaction: two reviewers editing it at once are serialised. */
async function lockLiveTarget(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT id FROM "Target" WHERE key = ${key} FOR UPDATE`;
  const t = await tx.target.findUnique({
    where: { key },
    include: { indicator: { select: { code: true } }, document: { select: { key: true } } },
  });
  if (!t || t.retiredAt) throw notLive();
  return t;
}

async function lockLiveTask(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT id FROM "Task" WHERE key = ${key} FOR UPDATE`;
  const t = await tx.task.findUnique({
    where: { key },
    include: {
      document: { select: { key: true } },
      agencies: { select: { role: true, position: true, groupCode: true, agency: { select: { code: true } } } },
    },
  });
  if (!t || t.retiredAt) throw notLive();
  return t;
}

/** The revision, its audit row and a new public version: the common tail of every revision. */
async function recordRevision(
  tx: Tx,
  user: SessionUser,
  r: {
    entity: "TARGET" | "TASK" | "TEXT";
    entityKey: string;
    documentKey: string;
    action: "EDIT" | "RETIRE" | "CORRECT_TEXT";
    before: unknown;
    after?: unknown;
    reason: string;
    at: Date;
  },
) {
  const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
  await tx.catalogueRevision.create({
    data: {
      entity: r.entity,
      entityKey: r.entityKey,
      documentKey: r.documentKey,
      action: r.action,
      before: json(r.before),
      after: r.after === undefined ? Prisma.JsonNull : json(r.after),
      reason: r.reason,
      userId: user.id,
      at: r.at,
    },
  });
  await audit(tx, {
    actor: { id: user.id, email: user.email },
    action: `catalogue.${r.entity.toLowerCase()}.${r.action.toLowerCase()}`,
    entityType: r.entity === "TARGET" ? "Target" : r.entity === "TASK" ? "Task" : "DocumentText",
    entityId: r.entityKey,
    before: r.before,
    after: r.after,
    reason: r.reason,
  });
  await bumpPublicVersion(tx);
}

/** A reviewer retires a published target: it leaves current views, as-of views before now keep it. */
export async function retireTarget(user: SessionUser | null, key: string, reason: string) {
  assertCatalogue(user, "catalogue.publish");
  await db.$transaction(async (tx) => {
    const t = await lockLiveTarget(tx, key);
    const now = clockNow();
    await tx.target.update({ where: { id: t.id }, data: { retiredAt: now } });
    await recordRevision(tx, user, {
      entity: "TARGET",
      entityKey: t.key,
      documentKey: t.document.key,
      action: "RETIRE",
      before: targetSnapshot(t),
      reason,
      at: now,
    });
  });
  await refreshPublicPages();
}

/** The key of an edited target's next version: `411-2025-x` → `411-2025-x-r2`, then `-r3`, … */
async function nextRevisionKey(tx: Tx, key: string) {
  const base = key.replace(/-r\d+$/, "");
  const taken = await tx.target.findMany({ where: { key: { startsWith: `${base}-r` } }, select: { key: true } });
  const n = taken.reduce((max, t) => {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-r(\\d+)$`).exec(t.key);
    return m ? Math.max(max, Number(m[1])) : max;
  }, 1);
  return `${base}-r${n + 1}`;
}

/** The document's text as numbered lines: its seed file, or its latest published text (browser). */
async function documentTextOf(documentKey: string): Promise<NormalisedText> {
  const source = await loadDocumentSource(documentKey);
  if (!source) throw notLive();
  return new NormalisedText(source.lines.join("\n"));
}

/**
 * A reviewer edits a published target's threshold. The edit is a new fact: a new row (key
 * `…-rN`, origin BROWSER, published now, superseding the old one) while the old row is retired
 * now, so a status as of an earlier quarter still judges the old threshold. The quote is checked
 * against the document's own text, as at publication.
 */
export async function editTarget(user: SessionUser | null, input: EditTargetInput): Promise<{ key: string }> {
  assertCatalogue(user, "catalogue.publish");
  const current = await db.target.findUnique({
    where: { key: input.key },
    select: { document: { select: { key: true } } },
  });
  if (!current) throw notLive();
  const q = checkQuote(await documentTextOf(current.document.key), input.quote, input.line);
  if (!q.ok) {
    const k =
      q.reason === "empty"
        ? "catalogue.errors.quoteEmpty"
        : q.reason === "notInText"
          ? "catalogue.errors.quoteNotInText"
          : "catalogue.errors.quoteNotAtLine";
    throw new ValidationError({ quote: [msg(k, { lines: q.lines.join(", ") })] });
  }
  const key = await db.$transaction(async (tx) => {
    const old = await lockLiveTarget(tx, input.key);
    const changes = {
      year: input.year,
      comparator: input.comparator,
      value: input.value,
      approximate: input.approximate,
      quote: input.quote.replace(/\s+/g, " ").trim(),
      line: q.line,
      noteVi: input.noteVi,
      noteEn: input.noteEn,
    };
    const before = targetSnapshot(old);
    if (sameJson({ ...before, ...changes }, before))
      throw new ValidationError({}, msg("catalogueHistory.errors.noChange"));
    const now = clockNow();
    const newKey = await nextRevisionKey(tx, old.key);
    // Status overrides stay with the old row: a reviewer's judgement was about that threshold,
    // and the as-of views before the edit still show it; the new threshold is judged afresh.
    await tx.target.update({ where: { id: old.id }, data: { retiredAt: now } });
    const created = await tx.target.create({
      data: {
        key: newKey,
        documentId: old.documentId,
        indicatorId: old.indicatorId,
        scopeKind: old.scopeKind,
        scopeLevel: old.scopeLevel,
        scopeOf: old.scopeOf,
        scopeLabel: old.scopeLabel,
        clause: old.clause,
        minCoverage: old.minCoverage,
        ...changes,
        origin: "BROWSER",
        publishedAt: now,
        supersedesId: old.id,
      },
      include: { indicator: { select: { code: true } } },
    });
    await recordRevision(tx, user, {
      entity: "TARGET",
      entityKey: old.key,
      documentKey: old.document.key,
      action: "EDIT",
      before,
      after: targetSnapshot(created),
      reason: input.reason,
      at: now,
    });
    return newKey;
  });
  await refreshPublicPages();
  return { key };
}

/** A reviewer retires a published task: it leaves lists and reporting; its progress history stays. */
export async function retireTask(user: SessionUser | null, key: string, reason: string) {
  assertCatalogue(user, "catalogue.publish");
  await db.$transaction(async (tx) => {
    const t = await lockLiveTask(tx, key);
    const now = clockNow();
    await tx.task.update({ where: { id: t.id }, data: { retiredAt: now } });
    await recordRevision(tx, user, {
      entity: "TASK",
      entityKey: t.key,
      documentKey: t.document.key,
      action: "RETIRE",
      before: taskSnapshot(t),
      reason,
      at: now,
    });
  });
  await refreshPublicPages();
}

/**
 * A reviewer edits a published task's deadline, product or lead agencies. Unlike a target, a task
 * keeps its identity: agencies' progress reports are attached to it, and its title (the
 * document's words) does not change. The before and after are kept in the revision.
 */
export async function editTask(user: SessionUser | null, input: EditTaskInput) {
  assertCatalogue(user, "catalogue.publish");
  const { bundle } = seedData();
  await db.$transaction(async (tx) => {
    const old = await lockLiveTask(tx, input.key);
    const ctx = await catalogueContext(tx, bundle, clockNow().toISOString().slice(0, 10));
    const groups = new Set(bundle.groups.map((g) => g.code));
    const known = new Set(bundle.agencies.map((a) => a.code));
    const unknown = input.leads.filter((c) =>
      c.startsWith("@") ? !groups.has(c) : !known.has(c) || !ctx.agencyId.has(c),
    );
    if (unknown.length)
      throw new ValidationError({
        leads: [msg("catalogueHistory.errors.unknownAgency", { codes: unknown.join(", ") })],
      });
    const deadline: Deadline =
      input.deadlineKind === "QUARTER"
        ? { kind: "QUARTER", year: input.deadlineYear!, quarter: input.deadlineQuarter! }
        : input.deadlineKind === "YEAR"
          ? { kind: "YEAR", year: input.deadlineYear! }
          : input.deadlineKind === "PERIOD"
            ? { kind: "PERIOD", from: input.deadlineFrom!, to: input.deadlineTo! }
            : input.deadlineKind === "RECURRING"
              ? { kind: "RECURRING", every: input.deadlineEvery! }
              : { kind: "NONE" };
    const data = {
      product: input.product,
      deadlineRaw: input.deadlineRaw,
      deadlineKind: deadline.kind,
      deadlineYear: deadline.kind === "QUARTER" || deadline.kind === "YEAR" ? deadline.year : null,
      deadlineQuarter: deadline.kind === "QUARTER" ? deadline.quarter : null,
      deadlineFrom: deadline.kind === "PERIOD" ? deadline.from : null,
      deadlineTo: deadline.kind === "PERIOD" ? deadline.to : null,
      deadlineEvery: deadline.kind === "RECURRING" ? deadline.every : null,
    };
    const before = taskSnapshot(old);
    const leadsChanged = !sameJson(before.leads, input.leads);
    const afterSnapshot = { ...taskSnapshot({ ...old, ...data, agencies: [] }), leads: input.leads };
    if (sameJson(afterSnapshot, before)) throw new ValidationError({}, msg("catalogueHistory.errors.noChange"));
    await tx.task.update({ where: { id: old.id }, data: { ...data, dueOn: dueDate(deadline) } });
    if (leadsChanged) await replaceLeads(tx, old.id, old.agencies, input.leads, ctx);
    const now = clockNow();
    await recordRevision(tx, user, {
      entity: "TASK",
      entityKey: old.key,
      documentKey: old.document.key,
      action: "EDIT",
      before,
      after: afterSnapshot,
      reason: input.reason,
      at: now,
    });
  });
  await refreshPublicPages();
}

type Deadline = TaskData["deadline"];

/**
 * New lead agencies of a task, as named, and who reports on it today (the seed's rules: merged
 * agencies report through their successor, a group through its members, a task with no lead
 * through the coordinating agency; a lead role wins over a partner role).
 */
async function replaceLeads(
  tx: Tx,
  taskId: number,
  agencies: { role: string; groupCode: string | null; agency: { code: string } | null; position: number }[],
  leads: string[],
  ctx: Awaited<ReturnType<typeof catalogueContext>>,
) {
  await tx.taskAgency.deleteMany({ where: { taskId, role: "LEAD" } });
  await tx.taskAgency.createMany({
    data: leads.map((code, position) => ({
      taskId,
      role: "LEAD" as const,
      position,
      agencyId: code.startsWith("@") ? null : ctx.agencyId.get(code)!,
      groupCode: code.startsWith("@") ? code : null,
    })),
  });
  const partners = agencies
    .filter((a) => a.role === "PARTNER")
    .sort((a, b) => a.position - b.position)
    .map((a) => a.groupCode ?? a.agency?.code ?? "")
    .filter(Boolean);
  const resolve = (code: string) =>
    code.startsWith("@")
      ? ctx.registry.expand(code, ctx.today).map((c) => ({ code: c, via: code as string | null }))
      : [
          (({ code: c, chain }) => ({ code: c, via: chain.length > 1 ? chain.slice(0, -1).join(" → ") : null }))(
            ctx.registry.current(code, ctx.today),
          ),
        ];
  const rows = new Map<string, { taskId: number; agencyId: number; role: "LEAD" | "PARTNER"; via: string | null }>();
  for (const code of leads)
    for (const r of resolve(code))
      if (!rows.has(`${r.code}/LEAD`))
        rows.set(`${r.code}/LEAD`, { taskId, agencyId: ctx.agencyId.get(r.code)!, role: "LEAD", via: r.via });
  if (!rows.size) {
    const coordinator = ctx.registry.current(COORDINATOR, ctx.today).code;
    rows.set(`${coordinator}/LEAD`, {
      taskId,
      agencyId: ctx.agencyId.get(coordinator)!,
      role: "LEAD",
      via: "coordinator",
    });
  }
  for (const code of partners)
    for (const r of resolve(code))
      if (!rows.has(`${r.code}/LEAD`) && !rows.has(`${r.code}/PARTNER`))
        rows.set(`${r.code}/PARTNER`, { taskId, agencyId: ctx.agencyId.get(r.code)!, role: "PARTNER", via: r.via });
  await tx.taskAssignment.deleteMany({ where: { taskId } });
  await tx.taskAssignment.createMany({ data: [...rows.values()].filter((r) => r.agencyId != null) });
}

/** The agency that coordinates tasks whose leads are open sets (the seed's rule). */
const COORDINATOR = "CDSQG";

/**
 * A reviewer corrects the text of a document published in the browser. The published text never
 * changes (a trigger refuses it): the correction is version n+1, published now, with a data-quality
 * note saying what was corrected, and a revision with who, when and why. Every live quote and task
 * cell must still be found verbatim near its line in the new text, or nothing is written: the
 * catalogue's quotes stay provable. A seeded document's text is its file in seeds/documents.
 */
export async function correctText(user: SessionUser | null, input: CorrectTextInput): Promise<{ version: number }> {
  assertCatalogue(user, "catalogue.publish");
  const text = normaliseText(input.text);
  const r = await db.$transaction(async (tx) => {
    const [doc] = await tx.$queryRaw<{ id: number; key: string; origin: string }[]>`
      SELECT id, key, origin::text AS origin FROM "Document" WHERE key = ${input.key} FOR UPDATE`;
    if (!doc) throw new NotFoundError();
    if (doc.origin !== "BROWSER") throw new ValidationError({ text: [msg("catalogueHistory.errors.seedText")] });
    const latest = await tx.documentText.findFirst({
      where: { documentId: doc.id, publishedAt: { not: null } },
      orderBy: { version: "desc" },
    });
    if (latest?.text === text) throw new ValidationError({ text: [msg("catalogueHistory.errors.nothingChanged")] });
    const normalised = new NormalisedText(text);
    const [targets, tasks] = await Promise.all([
      tx.target.findMany({
        where: { documentId: doc.id, retiredAt: null },
        select: { key: true, quote: true, line: true },
      }),
      tx.task.findMany({
        where: { documentId: doc.id, retiredAt: null },
        select: {
          key: true,
          title: true,
          line: true,
          product: true,
          leadRaw: true,
          partnersRaw: true,
          deadlineRaw: true,
        },
      }),
    ]);
    const lost = [
      ...targets.filter((t) => !checkQuote(normalised, t.quote, t.line).ok).map((t) => t.key),
      ...tasks
        .filter(
          (t) =>
            !checkQuote(normalised, t.title, t.line).ok ||
            [t.product, t.leadRaw, t.partnersRaw, t.deadlineRaw].some((c) => c && !normalised.includes(c)),
        )
        .map((t) => t.key),
    ];
    if (lost.length)
      throw new ValidationError({
        text: [msg("catalogueHistory.errors.quotesLost", { count: lost.length, keys: lost.slice(0, 10).join(", ") })],
      });
    const now = clockNow();
    const version = (latest?.version ?? 0) + 1;
    const sha256 = createHash("sha256").update(text).digest("hex");
    await tx.documentText.create({
      data: {
        documentId: doc.id,
        draftId: latest?.draftId ?? null,
        version,
        text,
        sha256,
        createdById: user!.id,
        publishedAt: now,
        noteVi: input.noteVi,
        noteEn: input.noteEn,
      },
    });
    await tx.dataQualityNote.create({
      data: {
        key: `${doc.key}:document:text-v${version}`,
        documentId: doc.id,
        subjectType: "DOCUMENT",
        subjectKey: doc.key,
        kind: "CORRECTED_TEXT",
        noteVi: input.noteVi,
        noteEn: input.noteEn,
      },
    });
    await recordRevision(tx, user!, {
      entity: "TEXT",
      entityKey: doc.key,
      documentKey: doc.key,
      action: "CORRECT_TEXT",
      before: latest ? { version: latest.version, sha256: latest.sha256 } : null,
      after: { version, sha256, noteVi: input.noteVi, noteEn: input.noteEn },
      reason: input.reason,
      at: now,
    });
    return { version };
  });
  await refreshPublicPages();
  return r;
}
