import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { msg } from "@/i18n/translate";
import { NormalisedText } from "@/lib/text";
import { audit } from "@/server/audit";
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
import type { AddTargetInput, CreateDraftInput, SaveItemInput, TargetFields } from "./schemas";
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
