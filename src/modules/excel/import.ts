// Upload → preview → confirm or cancel. A preview is stored as an ImportBatch and writes nothing
// else; confirming applies every changed row through the reporting mutations inside ONE
// transaction (they check versions, write revisions and audit rows), so a row that fails at that
// moment leaves the whole quarter as it was. The agency is always the signed-in reporter's and a
// batch is only ever seen or used by the user who uploaded it.
import "server-only";
import { clockNow } from "@/server/clock";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/server/errors";
import type { Lang } from "@/i18n/config";
import { msg, translate, type Text } from "@/i18n/translate";
import { revalidate } from "@/server/public-cache";
import { saveIndicatorValues, saveTaskProgress } from "@/modules/reporting/mutations";
import { requirePeriod } from "@/modules/periods/queries";
import { assertCanWriteAgency } from "@/modules/reporting/policy";
import { indicatorRow, taskRow, type IndicatorRowInput, type TaskRowInput } from "@/modules/reporting/schemas";
import type { TaskStatus } from "./layout";
import { errorCountOf, parseRead, readUpload, type ImportContext, type ParsedImport } from "./parse";
import { metrics } from "@/server/ops/metrics";

export type ImportSummary = { valid: number; invalid: number; changes: number; unchanged: number };

/** What a stored batch says of itself, as read and as shown. */
type BatchHeader = {
  id: number;
  status: "PREVIEW" | "APPLIED" | "CANCELLED";
  year: number;
  quarter: number;
  fileName: string;
  createdAt: Date;
  appliedAt: Date | null;
  errorCount: number;
};

export type ImportBatchView = BatchHeader & { parsed: ParsedImport; summary: ImportSummary };

type BatchRecord = BatchHeader & { rows: Prisma.JsonValue };

function summarize(p: ParsedImport): ImportSummary {
  const rows = [...p.indicators, ...p.tasks];
  const invalid = rows.filter((r) => r.outcome === "error").length;
  const changes = rows.filter((r) => r.outcome === "change").length;
  return { valid: rows.length - invalid, invalid, changes, unchanged: rows.length - invalid - changes };
}

function toView(b: BatchRecord): ImportBatchView {
  const parsed = b.rows as unknown as ParsedImport;
  return {
    id: b.id,
    status: b.status,
    year: b.year,
    quarter: b.quarter,
    fileName: b.fileName,
    createdAt: b.createdAt,
    appliedAt: b.appliedAt,
    errorCount: b.errorCount,
    parsed,
    summary: summarize(parsed),
  };
}

/** Keeps the base name only, without control characters (it is shown back to the user). */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "tai-len.xlsx";
}

/** What the agency may report and what is stored for the quarter, for the parser. */
async function loadContext(
  user: SessionUser,
  year: number,
  quarter: number,
  period: ImportContext["period"],
  now: Date,
): Promise<ImportContext> {
  const agencyId = user.agencyId;
  const [indicators, assigned, observations, tasks, leads, progress] = await Promise.all([
    db.indicator.findMany({
      select: { id: true, code: true, nameVi: true, kind: true, unit: true, minValue: true, maxValue: true },
    }),
    db.indicatorAssignment.findMany({ where: { agencyId }, select: { indicatorId: true } }),
    db.observation.findMany({ where: { agencyId, year, quarter } }),
    db.task.findMany({ select: { id: true, key: true, title: true } }),
    db.taskAssignment.findMany({ where: { agencyId, role: "LEAD" }, select: { taskId: true } }),
    db.taskProgress.findMany({ where: { agencyId, year, quarter } }),
  ]);
  const isAssigned = new Set(assigned.map((a) => a.indicatorId));
  const isLed = new Set(leads.map((l) => l.taskId));
  return {
    agencyCode: user.agencyCode,
    year,
    quarter,
    period,
    now,
    indicators: new Map(indicators.map((i) => [i.code, { ...i, assigned: isAssigned.has(i.id) }])),
    observations: new Map(observations.map((o) => [o.indicatorId, o])),
    tasks: new Map(tasks.map((t) => [t.key, { id: t.id, title: t.title, led: isLed.has(t.id) }])),
    progress: new Map(progress.map((p) => [p.taskId, { ...p, status: p.status as TaskStatus }])),
  };
}

/** Advisory-lock namespace of "one Excel import at a time per user" (the user id is the second key). */
const IMPORT_LOCK = 0x584c5331;
/** Users whose upload this process is reading now: a second one is refused without a database round trip. */
const reading = new Set<number>();

class ImportBusy extends ConflictError {
  constructor() {
    super(msg("excel.refusals.busy"));
  }
}

/**
 * Runs `fn` while holding this user's import lock: one upload at a time per user, across every
 * instance (a PostgreSQL transaction-level advisory lock, released when the transaction ends,
 * also if the process dies), and without a database connection per waiting upload in this
 * process (the in-memory set answers first). A second upload meanwhile is refused at once.
 */
async function oneImportAtATime<T>(userId: number, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if (reading.has(userId)) throw new ImportBusy();
  reading.add(userId);
  try {
    return await db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<
          { locked: boolean }[]
        >`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK}::int4, ${userId}::int4) AS locked`;
        if (!row?.locked) throw new ImportBusy();
        return fn(tx);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } finally {
    reading.delete(userId);
  }
}

/** Parses an upload for the reporter's own agency and stores it as a preview; writes no progress data. */
export async function previewImport(
  user: SessionUser,
  input: { year: number; quarter: number; fileName: string; bytes: Uint8Array },
  now = clockNow(),
): Promise<ImportBatchView> {
  assertCanWriteAgency(user, user.agencyId);
  const period = await requirePeriod({ year: input.year, quarter: input.quarter });
  const batch = await oneImportAtATime(user.id, async (tx) => {
    // The file is read in a worker thread (memory and time limits) before anything else is loaded.
    const started = performance.now();
    const read = await readUpload(input.bytes).catch((e) => {
      metrics()?.importDuration((performance.now() - started) / 1000, "refused");
      throw e;
    });
    metrics()?.importDuration((performance.now() - started) / 1000, "ok");
    const ctx = await loadContext(user, input.year, input.quarter, period, now);
    const parsed = parseRead(read, ctx);
    const errorCount = errorCountOf(parsed);
    const fileName = safeFileName(input.fileName);
    const b = await tx.importBatch.create({
      data: {
        userId: user.id,
        agencyId: user.agencyId,
        year: input.year,
        quarter: input.quarter,
        fileName,
        status: "PREVIEW",
        rows: parsed as unknown as Prisma.InputJsonValue,
        errorCount,
      },
    });
    await audit(tx, {
      actor: user,
      action: "import.preview",
      entityType: "ImportBatch",
      entityId: b.id,
      agencyId: user.agencyId,
      after: { fileName, year: input.year, quarter: input.quarter, errorCount, ...summarize(parsed) },
    });
    return b;
  });
  return toView(batch);
}

/** A batch of the signed-in user (and still of their agency); null for anyone else's. */
export async function getImportBatch(user: SessionUser, batchId: number): Promise<ImportBatchView | null> {
  const b = await db.importBatch.findFirst({ where: { id: batchId, userId: user.id, agencyId: user.agencyId } });
  return b ? toView(b) : null;
}

async function ownBatch(user: SessionUser, batchId: number) {
  assertCanWriteAgency(user, user.agencyId);
  const b = await db.importBatch.findFirst({ where: { id: batchId, userId: user.id, agencyId: user.agencyId } });
  if (!b) throw new NotFoundError(msg("errors.excel.batchMissing"));
  if (b.status === "APPLIED") throw new ConflictError(msg("errors.excel.batchApplied"));
  if (b.status === "CANCELLED") throw new ConflictError(msg("errors.excel.batchCancelled"));
  return b;
}

class BatchGone extends ConflictError {
  constructor() {
    super(msg("errors.excel.batchGone"));
  }
}

/** Labels the reporting mutations' "ind.<id>.<field>" error keys with the row they came from. */
function relabel(err: AppError, parsed: ParsedImport, submit: boolean, lang: Lang): AppError {
  // Field errors are keyed by the row's label, in the page's language (a key is not translated
  // where the error is shown); the item's name is the workbook's.
  const labels = new Map<string, string>([
    ...parsed.indicators.map(
      (r) =>
        [
          `ind.${r.indicatorId}`,
          translate(lang, msg("errors.excel.indicatorRow", { name: r.name, row: String(r.row) })),
        ] as const,
    ),
    ...parsed.tasks.map(
      (r) =>
        [
          `task.${r.taskId}`,
          translate(lang, msg("errors.excel.taskRow", { name: r.title.slice(0, 80), row: String(r.row) })),
        ] as const,
    ),
  ]);
  const fieldErrors: Record<string, Text[]> = {};
  for (const [k, texts] of Object.entries(err.fieldTexts ?? {})) {
    const label = labels.get(k.split(".").slice(0, 2).join(".")) ?? k;
    (fieldErrors[label] ??= []).push(...texts);
  }
  const message: Text =
    err instanceof ConflictError
      ? msg("errors.excel.changedMeanwhile")
      : err instanceof ValidationError
        ? msg(submit ? "excel.refusals.submitRefused" : "errors.excel.invalid")
        : msg("errors.excel.nothingWritten", { reason: err.text });
  return new AppError(message, err.status, fieldErrors, err.details);
}

/**
 * Applies a preview without errors: all changed rows, as drafts or (with `submit`) submitted, in
 * one transaction together with the batch's own status change, through the same mutations as the
 * reporting forms, so the same rules refuse (a value far from last quarter's needs an explanation
 * before it can be submitted…). If anything is refused nothing is written and the batch stays a
 * preview; a second confirmation (or a concurrent one) finds it already applied.
 */
export async function confirmImport(
  user: SessionUser,
  batchId: number,
  now = clockNow(),
  opts: { submit?: boolean; lang?: Lang } = {},
): Promise<{ indicators: number; tasks: number }> {
  const submit = opts.submit === true;
  const b = await ownBatch(user, batchId);
  if (b.errorCount > 0) {
    throw new ValidationError({}, msg("errors.excel.errorsLeft", { count: b.errorCount }));
  }
  const parsed = b.rows as unknown as ParsedImport;
  const comment = `Nhập từ tệp Excel "${b.fileName}" (lô #${b.id})`.slice(0, 1000);
  const indicators: IndicatorRowInput[] = parsed.indicators
    .filter((r) => r.outcome === "change")
    .map((r) => indicatorRow.parse({ indicatorId: r.indicatorId, version: r.version, ...r.input, comment, submit }));
  const tasks: TaskRowInput[] = parsed.tasks
    .filter((r) => r.outcome === "change")
    .map((r) => taskRow.parse({ taskId: r.taskId, version: r.version, ...r.input, status: r.input.status, submit }));
  try {
    const result = await db.$transaction(
      async (tx) => {
        const claimed = await tx.importBatch.updateMany({
          where: { id: b.id, userId: user.id, status: "PREVIEW", errorCount: 0 },
          data: {
            status: "APPLIED",
            appliedAt: now,
            ...(submit ? { rows: { ...parsed, submitted: true } as unknown as Prisma.InputJsonValue } : {}),
          },
        });
        if (claimed.count === 0) throw new BatchGone();
        const period = { year: b.year, quarter: b.quarter };
        const ind = indicators.length
          ? await saveIndicatorValues(user, { ...period, rows: indicators }, now, tx)
          : { saved: 0, submitted: 0 };
        const tsk = tasks.length
          ? await saveTaskProgress(user, { ...period, rows: tasks }, now, tx)
          : { saved: 0, submitted: 0 };
        await audit(tx, {
          actor: user,
          action: "import.confirm",
          entityType: "ImportBatch",
          entityId: b.id,
          agencyId: b.agencyId,
          before: { status: "PREVIEW" },
          after: {
            status: "APPLIED",
            indicators: ind.saved,
            tasks: tsk.saved,
            ...(submit ? { submitted: ind.submitted + tsk.submitted } : {}),
          },
        });
        // With `submit` every written row is submitted (or nothing is written at all).
        return { indicators: ind.saved, tasks: tsk.saved };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    revalidate("/[lang]/reporting", "page");
    if (submit) revalidate("/[lang]/review", "page");
    return result;
  } catch (e) {
    if (e instanceof AppError && !(e instanceof BatchGone)) throw relabel(e, parsed, submit, opts.lang ?? "vi");
    throw e;
  }
}

/** Discards a preview. Nothing but the batch's status (and an audit row) is written. */
export async function cancelImport(user: SessionUser, batchId: number): Promise<void> {
  const b = await ownBatch(user, batchId);
  await db.$transaction(async (tx) => {
    const r = await tx.importBatch.updateMany({
      where: { id: b.id, userId: user.id, status: "PREVIEW" },
      data: { status: "CANCELLED" },
    });
    if (r.count === 0) throw new BatchGone();
    await audit(tx, {
      actor: user,
      action: "import.cancel",
      entityType: "ImportBatch",
      entityId: b.id,
      agencyId: b.agencyId,
      before: { status: "PREVIEW" },
      after: { status: "CANCELLED" },
    });
  });
}
