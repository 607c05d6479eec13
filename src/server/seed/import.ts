// Writes a checked seed bundle to the database in one transaction. Every table is synchronised
// by natural key: rows are created, updated or deleted only where they differ from the files, so
// a second run writes nothing and reports zero changes.
import { clockNow } from "@/server/clock";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { AgencyRegistry } from "@/lib/agency-registry";
import { defaultPeriodDates, dueDate, type Deadline } from "@/lib/periods";
import { hashPassword } from "@/server/password";
import { bumpPublicVersion } from "@/server/public-version";
import { type SeedBundle } from "./load";
import { figureRow } from "@/lib/published-figure";
import type { PublishedFigures } from "./schema";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type SeedCounts = Record<string, { created: number; updated: number; deleted: number }>;
export type SeedReport = {
  counts: SeedCounts;
  changed: number;
  totals: Record<string, number>;
  /** Seed files skipped because a document with their key was published in the browser. */
  keptFromBrowser: string[];
};

/** The national coordinating agency (Cục Chuyển đổi số quốc gia): reports what nobody else can. */
const COORDINATOR = "CDSQG";

const day = (s: string | null | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);

function comparable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(comparable);
  // JSON columns come back with PostgreSQL's key order (jsonb sorts them): compare sorted.
  if (v && typeof v === "object")
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, comparable(x)]),
    );
  return v ?? null;
}

function differs(existing: Record<string, unknown>, desired: Record<string, unknown>): boolean {
  return Object.keys(desired).some(
    (k) => JSON.stringify(comparable(existing[k])) !== JSON.stringify(comparable(desired[k])),
  );
}

/** Creates, updates and deletes rows of one table so that it holds exactly `desired` (by key). */
async function sync<E extends Record<string, unknown> & { id: number }, D extends Record<string, unknown>>(
  counts: SeedCounts,
  name: string,
  existing: E[],
  desired: D[],
  keyOf: (row: Record<string, unknown>) => string,
  ops: {
    create: (rows: D[]) => Promise<unknown>;
    update: (id: number, row: D) => Promise<unknown>;
    remove?: (ids: number[]) => Promise<unknown>;
  },
): Promise<void> {
  const c = (counts[name] ??= { created: 0, updated: 0, deleted: 0 });
  const byKey = new Map(existing.map((e) => [keyOf(e), e]));
  const toCreate: D[] = [];
  const seen = new Set<string>();
  for (const d of desired) {
    const k = keyOf(d);
    seen.add(k);
    const e = byKey.get(k);
    if (!e) toCreate.push(d);
    else if (differs(e, d)) {
      await ops.update(e.id, d);
      c.updated++;
    }
  }
  if (toCreate.length) {
    await ops.create(toCreate);
    c.created += toCreate.length;
  }
  if (ops.remove) {
    const stale = existing.filter((e) => !seen.has(keyOf(e))).map((e) => e.id);
    if (stale.length) {
      await ops.remove(stale);
      c.deleted += stale.length;
    }
  }
}

function seedHash(bundle: SeedBundle): string {
  return createHash("sha256").update(bundle.fingerprint).digest("hex");
}

export async function importSeeds(
  db: PrismaClient,
  bundle: SeedBundle,
  opts: { today?: string } = {},
): Promise<SeedReport> {
  const today = opts.today ?? clockNow().toISOString().slice(0, 10);
  const counts: SeedCounts = {};
  const keptFromBrowser: string[] = [];
  await db.$transaction(
    async (tx: Tx) => {
      // Instances starting together seed one at a time; the later one finds nothing to write.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7272026)`;
      await syncAgencies(tx, bundle, counts);
      const agencyId = new Map(
        (await tx.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]),
      );
      await syncIndicators(tx, bundle, counts);
      const indicatorId = new Map(
        (await tx.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]),
      );
      const registry = new AgencyRegistry(
        bundle.agencies.map((a) => ({ code: a.code, kind: a.kind, validFrom: a.validFrom, validTo: a.validTo })),
        bundle.events,
        bundle.groups,
      );
      // Two doors to one catalogue: what a reviewer published in the browser is never overwritten
      // or removed by the seed (seeds/FORMAT.md, "Seed files and the browser").
      const browserDocs = new Set(
        (await tx.document.findMany({ where: { origin: "BROWSER" }, select: { key: true } })).map((d) => d.key),
      );
      for (const [i, doc] of bundle.documents.entries()) {
        if (browserDocs.has(doc.document.key)) {
          keptFromBrowser.push(doc.document.key);
          continue;
        }
        await syncDocument(tx, doc, i, counts, { agencyId, indicatorId, registry, today });
      }
      const seededKeys = bundle.documents.map((d) => d.document.key);
      const strayDocs = await tx.document.findMany({
        where: { key: { notIn: seededKeys }, origin: "SEED" },
        select: { id: true, key: true },
      });
      if (strayDocs.length) {
        throw new Error(`Documents in the database but not in seeds/: ${strayDocs.map((d) => d.key).join(", ")}`);
      }
      await syncPeriods(tx, counts, today);
      if (bundle.figures) await syncFigures(tx, bundle.figures, counts, indicatorId);
      if (bundle.demo) await syncDemo(tx, bundle, counts, { agencyId, indicatorId });
      if (bundle.demoUsers) await syncDemoUsers(tx, bundle, counts, agencyId);
      // Running portal instances drop their cached public pages when the seed changed anything.
      if (Object.values(counts).some((c) => c.created + c.updated + c.deleted > 0)) await bumpPublicVersion(tx);
      const hash = seedHash(bundle);
      const last = await tx.seedRun.findFirst({ orderBy: { id: "desc" } });
      if (!last || last.hash !== hash) {
        await tx.seedRun.create({ data: { hash, counts } });
      }
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  const changed = Object.values(counts).reduce((n, c) => n + c.created + c.updated + c.deleted, 0);
  const [documents, targets, tasks, agencies, indicators, notes] = await Promise.all([
    db.document.count(),
    db.target.count(),
    db.task.count(),
    db.agency.count(),
    db.indicator.count(),
    db.dataQualityNote.count(),
  ]);
  return { counts, changed, totals: { documents, targets, tasks, agencies, indicators, notes }, keptFromBrowser };
}

async function syncAgencies(tx: Tx, bundle: SeedBundle, counts: SeedCounts) {
  const existing = await tx.agency.findMany();
  const base = bundle.agencies.map((a) => ({
    code: a.code,
    nameVi: a.nameVi,
    nameEn: a.nameEn,
    shortVi: a.shortVi ?? null,
    kind: a.kind,
    validFrom: day(a.validFrom),
    validTo: day(a.validTo),
    aliases: a.aliases,
  }));
  // Agencies are never deleted: records made by a body outlive it.
  await sync(counts, "agencies", existing, base, (r) => String(r.code), {
    create: (rows) => tx.agency.createMany({ data: rows }),
    update: (id, row) => tx.agency.update({ where: { id }, data: row }),
  });
  const all = await tx.agency.findMany();
  const idOf = new Map(all.map((a) => [a.code, a.id]));
  for (const a of bundle.agencies) {
    const row = all.find((x) => x.code === a.code)!;
    const parentId = a.parent ? idOf.get(a.parent)! : null;
    if (row.parentId !== parentId) {
      await tx.agency.update({ where: { id: row.id }, data: { parentId } });
      counts.agencies.updated++;
    }
  }
  await sync(
    counts,
    "agencyGroups",
    await tx.agencyGroup.findMany(),
    bundle.groups.map((g) => ({
      code: g.code,
      nameVi: g.nameVi,
      nameEn: g.nameEn ?? null,
      kinds: g.kinds,
      members: g.members ?? [],
      aliases: g.aliases,
      noteVi: g.noteVi ?? null,
      noteEn: g.noteEn ?? null,
    })),
    (r) => String(r.code),
    {
      create: (rows) => tx.agencyGroup.createMany({ data: rows }),
      update: (id, row) => tx.agencyGroup.update({ where: { id }, data: row }),
      remove: (ids) => tx.agencyGroup.deleteMany({ where: { id: { in: ids } } }),
    },
  );
  const successions = bundle.events.flatMap((e) =>
    e.from.map((f) => ({
      fromId: idOf.get(f)!,
      toId: idOf.get(e.to)!,
      date: day(e.date)!,
      kind: e.kind,
      legalBasis: e.legalBasis ?? null,
      noteVi: e.noteVi ?? null,
      noteEn: e.noteEn ?? null,
    })),
  );
  const succKey = (r: Record<string, unknown>) => `${r.fromId}>${r.toId}@${comparable(r.date)}#${r.kind}`;
  await sync(counts, "agencySuccessions", await tx.agencySuccession.findMany(), successions, succKey, {
    create: (rows) => tx.agencySuccession.createMany({ data: rows }),
    update: (id, row) => tx.agencySuccession.update({ where: { id }, data: row }),
    remove: (ids) => tx.agencySuccession.deleteMany({ where: { id: { in: ids } } }),
  });
}

async function syncIndicators(tx: Tx, bundle: SeedBundle, counts: SeedCounts) {
  await sync(
    counts,
    "indicators",
    await tx.indicator.findMany(),
    bundle.indicators.map((i) => ({
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
    })),
    (r) => String(r.code),
    {
      create: (rows) => tx.indicator.createMany({ data: rows }),
      update: (id, row) => tx.indicator.update({ where: { id }, data: row }),
      // Indicators are referenced by observations; one dropped from the seed stays in the database.
    },
  );
}

export type Ctx = {
  agencyId: Map<string, number>;
  indicatorId: Map<string, number>;
  registry: AgencyRegistry;
  today: string;
  /** Set when a reviewer publishes in the browser: the rows are marked as the browser's. */
  published?: { at: Date };
};

export type DocFile = Omit<SeedBundle["documents"][number], "file"> & { file?: string };

/** The registry and id maps a document's rows are written with (the seed builds them as it goes). */
export async function catalogueContext(
  tx: Tx,
  bundle: Pick<SeedBundle, "agencies" | "events" | "groups">,
  today: string,
): Promise<Ctx> {
  const agencyId = new Map((await tx.agency.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
  const indicatorId = new Map(
    (await tx.indicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]),
  );
  const registry = new AgencyRegistry(
    bundle.agencies.map((a) => ({ code: a.code, kind: a.kind, validFrom: a.validFrom, validTo: a.validTo })),
    bundle.events,
    bundle.groups,
  );
  return { agencyId, indicatorId, registry, today };
}

/**
 * One source document and everything extracted from it, table by table: the seed's import, and
 * the browser's publication (the same tables, written the same way).
 */
export async function syncDocument(tx: Tx, file: DocFile, order: number, counts: SeedCounts, ctx: Ctx) {
  const documentId = await syncDocumentRow(tx, file, order, counts, ctx);
  await syncTargets(tx, file, documentId, counts, ctx);
  await syncCommitments(tx, file, documentId, counts);
  const taskId = await syncTasks(tx, file, documentId, counts, ctx);
  await syncTaskAgencies(tx, file, taskId, counts, ctx);
  await syncNotes(tx, file, documentId, counts);
  return documentId;
}

/** Origin and publication stamp of rows a reviewer publishes in the browser (nothing for the seed). */
function browserStamp(ctx: Ctx) {
  return ctx.published ? { origin: "BROWSER" as const, publishedAt: ctx.published.at } : {};
}

/**
 * Keys the seed must leave alone in a seeded document: rows published, edited or retired in the
 * browser. Left out of both sides of the sync, they are neither updated, removed nor re-created.
 */
async function touchedInBrowser(
  tx: Tx,
  entity: "TARGET" | "TASK",
  rows: { key: string; origin: string; retiredAt: Date | null }[],
) {
  const revised = new Set(
    (
      await tx.catalogueRevision.findMany({
        where: { entity, entityKey: { in: rows.map((r) => r.key) } },
        select: { entityKey: true },
      })
    ).map((r) => r.entityKey),
  );
  return new Set(rows.filter((r) => r.origin === "BROWSER" || r.retiredAt || revised.has(r.key)).map((r) => r.key));
}

async function syncDocumentRow(tx: Tx, file: DocFile, order: number, counts: SeedCounts, ctx: Ctx): Promise<number> {
  const d = file.document;
  const table = file.taskTable;
  const docData = {
    key: d.key,
    sourceFile: d.sourceFile,
    numberPrinted: d.numberPrinted,
    numberCanonical: d.numberCanonical,
    kind: d.kind,
    inForce: d.inForce,
    issuedOn: day(d.issuedOn),
    baseYear: d.baseYear ?? null,
    issuer: d.issuer ?? null,
    titleVi: d.titleVi,
    titleEn: d.titleEn,
    summaryVi: d.summaryVi ?? null,
    summaryEn: d.summaryEn ?? null,
    relatedKeys: d.relatedTo,
    supersedesKeys: d.supersedes ?? [],
    taskTable: table
      ? { firstLine: table.firstLine, lastLine: table.lastLine, rowStartPattern: table.rowStartPattern }
      : undefined,
    sortOrder: order,
    ...browserStamp(ctx),
  };
  await sync(
    counts,
    "documents",
    await tx.document.findMany({ where: { key: d.key } }),
    [docData],
    (r) => String(r.key),
    {
      create: (rows) => tx.document.createMany({ data: rows }),
      update: (id, row) => tx.document.update({ where: { id }, data: row }),
    },
  );
  return (await tx.document.findUniqueOrThrow({ where: { key: d.key }, select: { id: true } })).id;
}

async function syncTargets(tx: Tx, file: DocFile, documentId: number, counts: SeedCounts, ctx: Ctx) {
  const existing = await tx.target.findMany({ where: { documentId } });
  const touched = await touchedInBrowser(tx, "TARGET", existing);
  await sync(
    counts,
    "targets",
    existing.filter((t) => !touched.has(t.key)),
    file.targets
      .filter((t) => !touched.has(t.id))
      .map((t) => ({
        key: t.id,
        documentId,
        indicatorId: ctx.indicatorId.get(t.indicator)!,
        year: t.year,
        comparator: t.comparator,
        value: t.value,
        scopeKind: t.scope.kind,
        scopeLevel: t.scope.kind === "GOV_LEVEL" ? t.scope.level : null,
        scopeOf: t.scope.kind === "EACH" ? t.scope.of : null,
        scopeLabel: "label" in t.scope ? (t.scope.label ?? null) : null,
        clause: t.clause,
        line: t.line,
        quote: t.quote,
        approximate: t.approximate,
        minCoverage: t.minCoverage ?? null,
        noteVi: t.noteVi ?? null,
        noteEn: t.noteEn ?? null,
        ...browserStamp(ctx),
      })),
    (r) => String(r.key),
    {
      create: (rows) => tx.target.createMany({ data: rows }),
      update: (id, row) => tx.target.update({ where: { id }, data: row }),
      remove: (ids) => tx.target.deleteMany({ where: { id: { in: ids } } }),
    },
  );
}

async function syncCommitments(tx: Tx, file: DocFile, documentId: number, counts: SeedCounts) {
  await sync(
    counts,
    "commitments",
    await tx.commitment.findMany({ where: { documentId } }),
    file.commitments.map((c) => ({
      key: c.id,
      documentId,
      year: c.year ?? null,
      pillar: c.pillar ?? null,
      clause: c.clause ?? null,
      line: c.line,
      quote: c.quote,
      titleEn: c.titleEn ?? null,
    })),
    (r) => String(r.key),
    {
      create: (rows) => tx.commitment.createMany({ data: rows }),
      update: (id, row) => tx.commitment.update({ where: { id }, data: row }),
      remove: (ids) => tx.commitment.deleteMany({ where: { id: { in: ids } } }),
    },
  );
}

/** Headings and tasks; returns the task ids by seed key. */
async function syncTasks(
  tx: Tx,
  file: DocFile,
  documentId: number,
  counts: SeedCounts,
  ctx: Ctx,
): Promise<Map<string, number>> {
  const table = file.taskTable;
  const headings = (table?.headings ?? []).map((h, i) => ({
    documentId,
    code: h.code,
    title: h.title,
    line: h.line,
    depth: h.code.split(".").length,
    sortOrder: i,
  }));
  const allTasks = await tx.task.findMany({ where: { documentId } });
  const touched = await touchedInBrowser(tx, "TASK", allTasks);
  const existingTasks = allTasks.filter((t) => !touched.has(t.key));
  const desiredTaskKeys = new Set((table?.tasks ?? []).map((t) => t.id).filter((k) => !touched.has(k)));
  const staleTaskIds = existingTasks.filter((t) => !desiredTaskKeys.has(t.key)).map((t) => t.id);
  if (staleTaskIds.length) {
    // Fails (foreign key) if progress was already reported on a task the seed no longer has.
    await tx.task.deleteMany({ where: { id: { in: staleTaskIds } } });
    (counts.tasks ??= { created: 0, updated: 0, deleted: 0 }).deleted += staleTaskIds.length;
  }
  await sync(
    counts,
    "taskHeadings",
    await tx.taskHeading.findMany({ where: { documentId } }),
    headings,
    (r) => String(r.code),
    {
      create: (rows) => tx.taskHeading.createMany({ data: rows }),
      update: (id, row) => tx.taskHeading.update({ where: { id }, data: row }),
    },
  );
  const headingId = new Map(
    (await tx.taskHeading.findMany({ where: { documentId }, select: { id: true, code: true } })).map((h) => [
      h.code,
      h.id,
    ]),
  );

  const tasks = (table?.tasks ?? []).flatMap((t, i) => {
    if (touched.has(t.id)) return [];
    const dl = t.deadline as Deadline;
    const row = {
      key: t.id,
      documentId,
      headingId: t.heading ? headingId.get(t.heading)! : null,
      numberPrinted: t.numberPrinted,
      line: t.line,
      sortOrder: i,
      title: t.title,
      product: t.product ?? null,
      leadRaw: t.leadRaw ?? null,
      partnersRaw: t.partnersRaw ?? null,
      deadlineRaw: t.deadlineRaw ?? null,
      deadlineKind: dl.kind,
      deadlineYear: dl.kind === "QUARTER" || dl.kind === "YEAR" ? dl.year : null,
      deadlineQuarter: dl.kind === "QUARTER" ? dl.quarter : null,
      deadlineFrom: dl.kind === "PERIOD" ? dl.from : null,
      deadlineTo: dl.kind === "PERIOD" ? dl.to : null,
      deadlineEvery: dl.kind === "RECURRING" ? dl.every : null,
      dueOn: dueDate(dl),
      ...browserStamp(ctx),
    };
    return [row];
  });
  await sync(
    counts,
    "tasks",
    existingTasks.filter((t) => desiredTaskKeys.has(t.key)),
    tasks,
    (r) => String(r.key),
    {
      create: (rows) => tx.task.createMany({ data: rows }),
      update: (id, row) => tx.task.update({ where: { id }, data: row }),
    },
  );
  const taskId = new Map(
    (await tx.task.findMany({ where: { documentId }, select: { id: true, key: true } }))
      .filter((t) => !touched.has(t.key))
      .map((t) => [t.key, t.id]),
  );
  const staleHeadings = await tx.taskHeading.deleteMany({
    where: { documentId, code: { notIn: headings.map((h) => h.code) } },
  });
  counts.taskHeadings.deleted += staleHeadings.count;
  return taskId;
}

/** Agencies on each task as the document names them, and who reports on it today. */
async function syncTaskAgencies(tx: Tx, file: DocFile, taskId: Map<string, number>, counts: SeedCounts, ctx: Ctx) {
  // Tasks touched in the browser are not in `taskId`: their agencies are the browser's.
  const tasks = (file.taskTable?.tasks ?? []).filter((t) => taskId.has(t.id));
  // What the document names, as named …
  const named = tasks.flatMap((t) =>
    (["LEAD", "PARTNER"] as const).flatMap((role) =>
      (role === "LEAD" ? t.leads : t.partners).map((code, position) => ({
        taskId: taskId.get(t.id)!,
        role,
        position,
        agencyId: code.startsWith("@") ? null : ctx.agencyId.get(code)!,
        groupCode: code.startsWith("@") ? code : null,
      })),
    ),
  );
  const taskIds = [...taskId.values()];
  await sync(
    counts,
    "taskAgencies",
    await tx.taskAgency.findMany({ where: { taskId: { in: taskIds } } }),
    named,
    (r) => `${r.taskId}/${r.role}/${r.position}`,
    {
      create: (rows) => tx.taskAgency.createMany({ data: rows }),
      update: (id, row) => tx.taskAgency.update({ where: { id }, data: row }),
      remove: (ids) => tx.taskAgency.deleteMany({ where: { id: { in: ids } } }),
    },
  );

  const assignments = taskAssignments(tasks, taskId, ctx);
  await sync(
    counts,
    "taskAssignments",
    await tx.taskAssignment.findMany({ where: { taskId: { in: taskIds } } }),
    assignments,
    (r) => `${r.taskId}/${r.agencyId}/${r.role}`,
    {
      create: (rows) => tx.taskAssignment.createMany({ data: rows }),
      update: (id, row) => tx.taskAssignment.update({ where: { id }, data: row }),
      remove: (ids) => tx.taskAssignment.deleteMany({ where: { id: { in: ids } } }),
    },
  );
}

type Assignment = { taskId: number; agencyId: number; role: "LEAD" | "PARTNER"; via: string | null };

/** Who reports on each task today, resolved through the agency registry at the seed's date. */
function taskAssignments(
  tasks: NonNullable<DocFile["taskTable"]>["tasks"],
  taskId: Map<string, number>,
  ctx: Ctx,
): Assignment[] {
  // … and who reports on it today: successors of merged agencies, members of collective leads.
  const assignments = new Map<string, Assignment>();
  for (const t of tasks) {
    for (const role of ["LEAD", "PARTNER"] as const) {
      for (const code of role === "LEAD" ? t.leads : t.partners) {
        const resolved = code.startsWith("@")
          ? ctx.registry.expand(code, ctx.today).map((c) => ({ code: c, via: code }))
          : [
              (({ code: c, chain }) => ({ code: c, via: chain.length > 1 ? chain.slice(0, -1).join(" → ") : null }))(
                ctx.registry.current(code, ctx.today),
              ),
            ];
        for (const r of resolved) {
          const k = `${taskId.get(t.id)}/${r.code}/${role}`;
          // A lead role wins over a partner role for the same agency.
          if (role === "PARTNER" && assignments.has(`${taskId.get(t.id)}/${r.code}/LEAD`)) continue;
          if (!assignments.has(k))
            assignments.set(k, { taskId: taskId.get(t.id)!, agencyId: ctx.agencyId.get(r.code)!, role, via: r.via });
        }
      }
    }
  }
  // A task whose leads are open sets (the press, enterprises) still needs someone to report on
  // it: the coordinating agency does.
  for (const t of tasks) {
    const id = taskId.get(t.id)!;
    const hasLead = [...assignments.values()].some((a) => a.taskId === id && a.role === "LEAD");
    if (!hasLead) {
      const coordinator = ctx.registry.current(COORDINATOR, ctx.today).code;
      assignments.set(`${id}/${coordinator}/LEAD`, {
        taskId: id,
        agencyId: ctx.agencyId.get(coordinator)!,
        role: "LEAD",
        via: "coordinator",
      });
    }
  }
  return [...assignments.values()];
}

async function syncNotes(tx: Tx, file: DocFile, documentId: number, counts: SeedCounts) {
  const d = file.document;
  const subjectType = (s: string) =>
    (
      ({
        document: "DOCUMENT",
        target: "TARGET",
        task: "TASK",
        heading: "HEADING",
        commitment: "COMMITMENT",
        indicator: "INDICATOR",
        agency: "AGENCY",
      }) as const
    )[s.split(":")[0] as "document"];
  const notes = file.dataQualityNotes.map((n) => {
    const subjectKey = n.subject === "document" ? d.key : n.subject.slice(n.subject.indexOf(":") + 1);
    const fp = createHash("sha1").update(`${n.kind}|${n.line}|${n.evidence}|${n.noteEn}`).digest("hex").slice(0, 10);
    return {
      key: `${d.key}:${n.subject}:${fp}`,
      documentId,
      subjectType: subjectType(n.subject),
      subjectKey,
      kind: n.kind,
      line: n.line ?? null,
      evidence: n.evidence ?? null,
      noteVi: n.noteVi,
      noteEn: n.noteEn,
    };
  });
  await sync(
    counts,
    "dataQualityNotes",
    await tx.dataQualityNote.findMany({ where: { documentId } }),
    notes,
    (r) => String(r.key),
    {
      create: (rows) => tx.dataQualityNote.createMany({ data: rows, skipDuplicates: true }),
      update: (id, row) => tx.dataQualityNote.update({ where: { id }, data: row }),
      remove: (ids) => tx.dataQualityNote.deleteMany({ where: { id: { in: ids } } }),
    },
  );
}

/** Quarters from 2020 to the end of this year, with default dates; existing ones are never changed. */
async function syncPeriods(tx: Tx, counts: SeedCounts, today: string) {
  const c = (counts.reportingPeriods ??= { created: 0, updated: 0, deleted: 0 });
  const last = Number(today.slice(0, 4));
  const rows = [];
  for (let year = 2020; year <= last; year++)
    for (let quarter = 1; quarter <= 4; quarter++) rows.push({ year, quarter, ...defaultPeriodDates(year, quarter) });
  const r = await tx.reportingPeriod.createMany({ data: rows, skipDuplicates: true });
  c.created += r.count;
}

/** Demo accounts: created once with the demo password, never overwritten afterwards. */
async function syncDemoUsers(tx: Tx, bundle: SeedBundle, counts: SeedCounts, agencyId: Map<string, number>) {
  const c = (counts.demoUsers ??= { created: 0, updated: 0, deleted: 0 });
  const existing = new Set((await tx.user.findMany({ select: { email: true } })).map((u) => u.email));
  for (const u of bundle.demoUsers!.users) {
    if (existing.has(u.email)) continue;
    await tx.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        agencyId: agencyId.get(u.agency)!,
        passwordHash: await hashPassword(bundle.demoUsers!.password),
      },
    });
    c.created++;
  }
}

/** Illustrative values: created once, flagged illustrative, never overwriting reported data. */
async function syncDemo(tx: Tx, bundle: SeedBundle, counts: SeedCounts, ctx: Pick<Ctx, "agencyId" | "indicatorId">) {
  const c = (counts.demo ??= { created: 0, updated: 0, deleted: 0 });
  const assigned = await tx.indicatorAssignment.createMany({
    data: bundle.demo!.assignments.map((a) => ({
      indicatorId: ctx.indicatorId.get(a.indicator)!,
      agencyId: ctx.agencyId.get(a.agency)!,
      national: a.national,
    })),
    skipDuplicates: true,
  });
  c.created += assigned.count;
  const existing = await tx.observation.findMany({
    select: { indicatorId: true, agencyId: true, year: true, quarter: true },
  });
  const have = new Set(existing.map((o) => `${o.indicatorId}/${o.agencyId}/${o.year}/${o.quarter}`));
  for (const o of bundle.demo!.observations) {
    const indicatorId = ctx.indicatorId.get(o.indicator)!;
    const agencyId = ctx.agencyId.get(o.agency)!;
    if (have.has(`${indicatorId}/${agencyId}/${o.year}/${o.quarter}`)) continue;
    const at = new Date(Date.UTC(o.year, o.quarter * 3, 15));
    await tx.observation.create({
      data: {
        indicatorId,
        agencyId,
        year: o.year,
        quarter: o.quarter,
        isNational: o.national,
        illustrative: true,
        value: o.value,
        source: o.source ?? null,
        state: "APPROVED",
        submittedAt: at,
        approvedValue: o.value,
        approvedAt: at,
        revisions: {
          create: {
            version: 1,
            value: o.value,
            state: "APPROVED",
            source: o.source ?? null,
            comment: "Illustrative demo value (seed)",
            createdAt: at,
          },
        },
      },
    });
    c.created++;
  }
  const tp = await tx.taskProgress.findMany({ select: { taskId: true, agencyId: true, year: true, quarter: true } });
  const haveTp = new Set(tp.map((p) => `${p.taskId}/${p.agencyId}/${p.year}/${p.quarter}`));
  const taskId = new Map((await tx.task.findMany({ select: { id: true, key: true } })).map((t) => [t.key, t.id]));
  for (const p of bundle.demo!.taskProgress) {
    const tId = taskId.get(p.task)!;
    const aId = ctx.agencyId.get(p.agency)!;
    if (haveTp.has(`${tId}/${aId}/${p.year}/${p.quarter}`)) continue;
    const at = new Date(Date.UTC(p.year, p.quarter * 3, 15));
    await tx.taskProgress.create({
      data: {
        taskId: tId,
        agencyId: aId,
        year: p.year,
        quarter: p.quarter,
        illustrative: true,
        status: p.status,
        percentComplete: p.percentComplete ?? null,
        achieved: p.achieved ?? null,
        state: "APPROVED",
        submittedAt: at,
        approvedStatus: p.status,
        approvedPercent: p.percentComplete ?? null,
        approvedAt: at,
        revisions: {
          create: {
            version: 1,
            status: p.status,
            percentComplete: p.percentComplete ?? null,
            achieved: p.achieved ?? null,
            state: "APPROVED",
            comment: "Illustrative demo value (seed)",
            createdAt: at,
          },
        },
      },
    });
    c.created++;
  }
}

/**
 * Sources by code; figures are only ever added. A figure already stored under its key must say
 * the same thing as the file: a published value is a fact about a release, and a correction is a
 * new figure that revises it, so the history of every series stays answerable.
 */
async function syncFigures(tx: Tx, file: PublishedFigures, counts: SeedCounts, indicatorId: Map<string, number>) {
  await sync(
    counts,
    "sources",
    await tx.source.findMany(),
    file.sources.map((s) => ({
      code: s.code,
      kind: s.kind,
      nameVi: s.nameVi,
      nameEn: s.nameEn,
      url: s.url ?? null,
      cutoffDays: s.cutoffDays,
    })),
    (r) => String(r.code),
    {
      create: (rows) => tx.source.createMany({ data: rows }),
      update: (id, row) => tx.source.update({ where: { id }, data: row }),
    },
  );
  const sourceId = new Map((await tx.source.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
  const stored = new Map((await tx.publishedFigure.findMany()).map((f) => [f.key, f]));
  const c = (counts.publishedFigures ??= { created: 0, updated: 0, deleted: 0 });
  // Earlier releases first, so the figure a revision points at already has its id.
  const ordered = [...file.figures].sort((a, b) => a.release.date.localeCompare(b.release.date));
  for (const f of ordered) {
    const row = figureRow(f, indicatorId.get(f.indicator)!, sourceId.get(f.source)!);
    const existing = stored.get(row.key);
    if (existing) {
      if (differs(existing, row)) {
        throw new Error(
          `Published figure ${row.key} differs from the one stored: published figures are never changed; add the correcting release as a new figure that revises it.`,
        );
      }
      continue;
    }
    const revised = f.revises
      ? [...stored.values()].find(
          (s) =>
            s.indicatorId === row.indicatorId &&
            s.sourceId === row.sourceId &&
            s.period === row.period &&
            s.releaseUrl === f.revises!.url &&
            comparable(s.releaseDate) === f.revises!.date,
        )
      : undefined;
    const created = await tx.publishedFigure.create({ data: { ...row, revisesId: revised?.id ?? null } });
    stored.set(created.key, created);
    c.created++;
  }
}
