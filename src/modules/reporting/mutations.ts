import "server-only";
import { requirePeriod } from "@/modules/periods/queries";
import { clockNow } from "@/server/clock";
import type { Prisma } from "@/generated/prisma/client";
import { msg, type Msg, type Text } from "@/i18n/translate";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/errors";
import { can } from "@/server/permissions";
import { refreshPublicPages } from "@/server/public-cache";
import { bumpPublicVersion } from "@/server/public-version";
import { previousQuarter } from "@/lib/periods";
import type { NotificationKind } from "@/modules/notifications/categories";
import {
  agencyReporters,
  follow,
  followersOf,
  itemFacts,
  notifyAboutItem,
  reviewers,
} from "@/modules/notifications/items";
import { quote } from "@/modules/notifications/text";
import { KINDS, withKind, type Item, type ItemKind, type KindOps } from "./kinds";
import { assertCanWriteAgency } from "./policy";
import { valueText } from "./rules";
import type { IndicatorRowInput, ReadyInput, ReviewInput, TaskRowInput } from "./schemas";
import { checkIndicatorRow, checkTaskRow, editRefusal, type RowIssues } from "./validate";

type Tx = Prisma.TransactionClient;
type Period = { year: number; quarter: number; opensAt: Date; dueAt: Date; locksAt: Date };
type Errors = Record<string, Text[]>;

const clean = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

function loadPeriod(year: number, quarter: number): Promise<Period> {
  return requirePeriod({ year, quarter });
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

const kindOf = (ops: { entityType: string }): ItemKind => (ops.entityType === "Observation" ? "obs" : "task");

/**
 * Tells an item's agency (its reporters, who correct it) and its followers what a reviewer did,
 * in the transaction of the change: the notification exists exactly when the change does.
 */
async function tellAgency(
  tx: Tx,
  kind: ItemKind,
  id: number,
  what: NotificationKind,
  actor: SessionUser,
  comment: string | null,
  reportersOf: Map<number, Promise<number[]>> = new Map(),
) {
  const item = await itemFacts(tx, kind, id);
  if (!item) return;
  // A batch review of hundreds of items of a few agencies asks for each agency's reporters once.
  if (!reportersOf.has(item.agencyId)) reportersOf.set(item.agencyId, agencyReporters(tx, item.agencyId));
  const to = [...(await reportersOf.get(item.agencyId)!), ...(await followersOf(tx, kind, id, item.agencyId))];
  await notifyAboutItem(tx, item, what, to, { actorId: actor.id, extra: comment ? { comment: quote(comment) } : {} });
  // A return or a reopening opens a conversation with the agency: the reviewer follows the item,
  // so the agency's reply in its thread reaches them.
  if (what !== "APPROVED") await follow(tx, kind, id, [actor.id]);
}

/**
 * Tells the reviewers that a returned (or reopened) item is back in their queue. A first
 * submission tells nobody: the reviewers' landing page counts what waits, a notification per
 * item would bury the ones that matter.
 */
async function tellReviewers(tx: Tx, kind: ItemKind, id: number, actor: SessionUser, comment: string | null) {
  const item = await itemFacts(tx, kind, id);
  if (!item) return;
  await notifyAboutItem(tx, item, "RESUBMITTED", await reviewers(tx), {
    actorId: actor.id,
    extra: comment ? { comment: quote(comment) } : {},
  });
}

/**
 * Runs the writes of a save in the caller's transaction when given one, else in one of its own. Two
 * people creating the same item at once collide on its unique key: that is a conflict, not a fault.
 */
async function writeSave<T>(outer: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await (outer ? fn(outer) : db.$transaction(fn));
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(msg("errors.reporting.createdMeanwhile"));
    throw e;
  }
}

/** Refuses the whole save when any row conflicts (others' values shown) or is invalid. */
function refuseIfAny(errors: Errors, conflicts: Record<string, unknown>): void {
  if (Object.keys(conflicts).length)
    throw new ConflictError(msg("errors.reporting.changedMeanwhile"), errors, conflicts);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function emailOf(userId: number | null): Promise<string | null> {
  if (!userId) return null;
  return (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}

/** A row's own errors, filed under "<key>.<field>". */
function addIssues(errors: Errors, key: string, issues: RowIssues): void {
  for (const [field, list] of Object.entries(issues)) (errors[`${key}.${field}`] ??= []).push(...list);
}

type Stored = { state: string; reopened: boolean; version: number; updatedById: number | null; updatedAt: Date };

/**
 * The checks every changed row of a save passes, whatever its kind: the item may be written now
 * (state, period, reopening), and it is still at the version the reporter loaded; if not, the
 * save is refused with the other person's name, time and value (`shown`, `details`).
 */
async function gateRow(
  ctx: { errors: Errors; conflicts: Record<string, unknown>; period: Period; now: Date },
  key: string,
  field: string,
  stored: Stored | undefined,
  rowVersion: number,
  current: () => { shown: Text; details: Record<string, unknown> },
): Promise<void> {
  const refusal = editRefusal(stored, ctx.period, ctx.now);
  if (refusal) (ctx.errors[`${key}.${field}`] ??= []).push(refusal);
  if ((stored?.version ?? 0) === rowVersion) return;
  const who = await emailOf(stored?.updatedById ?? null);
  const at = stored?.updatedAt ?? ctx.now;
  const { shown, details } = current();
  (ctx.errors[`${key}.${field}`] ??= []).push(
    msg("errors.reporting.stale", { who: who ?? msg("errors.reporting.someoneElse"), at, value: shown }),
  );
  ctx.conflicts[key] = { ...details, version: stored?.version ?? 0, by: who, at: stored?.updatedAt ?? null };
}

/**
 * Writes one row of a save: creates the item or updates it at the version the reporter loaded,
 * then its revision and audit row. Returns whether the row was submitted.
 */
async function persistRow<R extends Item>(
  tx: Tx,
  ops: KindOps<R>,
  user: SessionUser,
  w: {
    stored: R | undefined;
    version: number;
    data: Record<string, unknown>;
    create: Record<string, unknown>;
    submit: boolean;
    comment?: string | null;
  },
): Promise<void> {
  let saved: R;
  if (!w.stored) saved = await ops.create(tx, { ...w.data, ...w.create, version: 1 });
  else {
    if ((await ops.updateAt(tx, w.stored.id, w.version, w.data)) === 0)
      throw new ConflictError(msg("errors.reporting.changedMeanwhile"));
    saved = await ops.reload(tx, w.stored.id);
  }
  await ops.revise(tx, saved, { comment: w.comment, authorId: user.id });
  await audit(tx, {
    actor: user,
    action: `${ops.action}.${w.submit ? "submit" : "save"}`,
    entityType: ops.entityType,
    entityId: saved.id,
    agencyId: saved.agencyId,
    before: w.stored ? ops.saveView(w.stored) : null,
    after: ops.saveView(saved),
    reason: w.comment ?? null,
  });
}

/** Whether a row would change what is stored (a row with nothing stored always does). */
function differs<T extends object>(stored: T | undefined, next: Partial<T>): boolean {
  return !stored || Object.entries(next).some(([k, v]) => stored[k as keyof T] !== v);
}

type SaveInput<Row> = { year: number; quarter: number; rows: Row[] };
type Saved = { saved: number; submitted: number };

/** What every save starts from: the writer's agency (never the form's), the period, empty error lists. */
/** Who saved a row and in which state; a submission also records when, and whether it was late. */
function saveStamp(
  submit: boolean,
  stored: Parameters<typeof savedState>[1],
  user: SessionUser,
  now: Date,
  period: { dueAt: Date },
) {
  return {
    state: savedState(submit, stored),
    updatedById: user.id,
    ...(submit ? { submittedAt: now, late: now > period.dueAt } : {}),
  };
}

const savedCount = (work: { row: { submit: boolean } }[]): Saved => ({
  saved: work.length,
  submitted: work.filter((w) => w.row.submit).length,
});

/** A save of one kind of row: who, what, the clock, and the caller's transaction if there is one. */
type SaveRows<Row> = (user: SessionUser, input: SaveInput<Row>, now?: Date, outerTx?: Tx) => Promise<Saved>;

async function beginSave<Row>(
  user: SessionUser,
  input: SaveInput<Row>,
  now: Date,
  outerTx: Tx | undefined,
  idOf: (r: Row) => number,
) {
  const agencyId = user.agencyId;
  assertCanWriteAgency(user, agencyId);
  const period = await loadPeriod(input.year, input.quarter);
  return {
    q: outerTx ?? db,
    agencyId,
    period,
    ids: input.rows.map(idOf),
    ctx: { errors: {} as Errors, conflicts: {} as Record<string, unknown>, period, now },
  };
}

/** The workflow state a save leaves: submitted, or a draft that stays "returned" until resubmitted. */
function savedState(submit: boolean, stored: { state: string } | undefined) {
  return submit ? ("SUBMITTED" as const) : stored?.state === "RETURNED" ? ("RETURNED" as const) : ("DRAFT" as const);
}

/**
 * What one row of a save asks for, as its kind's adapter reads it: the stored item, the fields it
 * would write and their problems, the extra fields a save sets, and the item's natural key.
 */
type RowPlan<R extends Item & Stored> = {
  key: string;
  stored: R | undefined;
  next: Record<string, unknown>;
  issues: RowIssues;
  /** The field that carries a refusal or a conflict. */
  field: string;
  /** The stored value as another person left it, for a conflict message. */
  current: () => { shown: Text; details: Record<string, unknown> };
  /** Written with `next` and the save stamp, but not compared to decide whether the row changed. */
  extra: Record<string, unknown>;
  create: Record<string, unknown>;
  comment?: string | null;
};

/**
 * The one save pipeline. All rows are checked first; one bad row refuses the whole save with a
 * message next to that row's field, and a row someone else changed since it was loaded refuses it
 * with their value shown. Then every changed row is written with its revision and audit row, in
 * the caller's transaction when given one (the Excel import applies indicators and tasks together,
 * all or nothing). `plan` returns null for a row the reporter left untouched.
 */
async function saveRows<Row extends { submit: boolean; version: number }, R extends Item & Stored>(
  start: Awaited<ReturnType<typeof beginSave<Row>>>,
  user: SessionUser,
  rows: readonly Row[],
  ops: KindOps<R>,
  outerTx: Tx | undefined,
  plan: (row: Row) => RowPlan<R> | null,
): Promise<Saved> {
  const { ctx, period } = start;
  const work: { row: Row; p: RowPlan<R> }[] = [];
  for (const row of rows) {
    const p = plan(row);
    if (!p) continue;
    addIssues(ctx.errors, p.key, p.issues);
    if (!row.submit && !differs(p.stored as Record<string, unknown> | undefined, p.next)) continue;
    await gateRow(ctx, p.key, p.field, p.stored, row.version, p.current);
    work.push({ row, p });
  }
  refuseIfAny(ctx.errors, ctx.conflicts);
  await writeSave(outerTx, async (tx) => {
    for (const { row, p } of work) {
      const data = { ...p.next, ...saveStamp(row.submit, p.stored, user, ctx.now, period), ...p.extra };
      await persistRow(tx, ops, user, {
        stored: p.stored,
        version: row.version,
        data,
        create: p.create,
        submit: row.submit,
        comment: p.comment,
      });
      if (row.submit && p.stored?.state === "RETURNED")
        await tellReviewers(tx, kindOf(ops), p.stored.id, user, p.comment ?? null);
    }
  });
  return savedCount(work);
}

/** Saves a reporter's indicator values for one quarter, as drafts or submitted (see saveRows). */
export const saveIndicatorValues: SaveRows<IndicatorRowInput> = async (user, input, now = clockNow(), outerTx) => {
  const start = await beginSave(user, input, now, outerTx, (r) => r.indicatorId);
  const { q, agencyId, ids } = start;
  const assigned = await q.indicatorAssignment.findMany({
    where: { agencyId, indicatorId: { in: ids } },
    include: { indicator: true },
  });
  const byId = new Map(assigned.map((a) => [a.indicatorId, a.indicator]));
  const national = new Map(assigned.map((a) => [a.indicatorId, a.national]));
  for (const id of ids) if (!byId.has(id)) throw new ForbiddenError(msg("errors.reporting.notAssigned"));

  const prev = previousQuarter(input);
  const [existing, previous] = await Promise.all([
    q.observation.findMany({ where: { agencyId, year: input.year, quarter: input.quarter, indicatorId: { in: ids } } }),
    q.observation.findMany({ where: { agencyId, year: prev.year, quarter: prev.quarter, indicatorId: { in: ids } } }),
  ]);
  const current = new Map(existing.map((o) => [o.indicatorId, o]));
  const before = new Map(previous.map((o) => [o.indicatorId, o.approvedValue ?? o.value]));

  return saveRows(start, user, input.rows, KINDS.obs, outerTx, (row) => {
    const ind = byId.get(row.indicatorId)!;
    const obs = current.get(row.indicatorId);
    if (row.value.trim() === "" && !obs && !row.submit && !clean(row.source) && !clean(row.note)) return null;
    const { value, issues } = checkIndicatorRow(row, ind, before.get(row.indicatorId));
    return {
      key: `ind.${row.indicatorId}`,
      stored: obs,
      next: {
        value,
        source: clean(row.source),
        note: clean(row.note),
        explanation: clean(row.explanation),
        evidenceUrl: clean(row.evidenceUrl),
      },
      issues,
      field: "value",
      current: () => ({
        shown:
          obs?.value == null
            ? msg("errors.reporting.empty")
            : msg("errors.reporting.valueWithUnit", {
                value: obs.value,
                unit: ind.unit === "%" ? "%" : ` ${ind.unit}`,
              }),
        details: { value: obs?.value ?? null },
      }),
      extra: row.submit ? { reviewComment: obs?.reviewComment ?? null } : {},
      create: {
        indicatorId: row.indicatorId,
        agencyId,
        year: input.year,
        quarter: input.quarter,
        isNational: national.get(row.indicatorId) ?? false,
      },
      comment: clean(row.comment),
    };
  });
};

/** Saves task progress for one quarter, with the same all-or-nothing, conflict and `outerTx` rules. */
export const saveTaskProgress: SaveRows<TaskRowInput> = async (user, input, now = clockNow(), outerTx) => {
  const start = await beginSave(user, input, now, outerTx, (r) => r.taskId);
  const { q, agencyId, ids } = start;
  const leads = await q.taskAssignment.findMany({
    where: { agencyId, role: "LEAD", taskId: { in: ids } },
    select: { taskId: true },
  });
  const led = new Set(leads.map((l) => l.taskId));
  for (const id of ids) if (!led.has(id)) throw new ForbiddenError(msg("errors.reporting.notLed"));
  const existing = await q.taskProgress.findMany({
    where: { agencyId, year: input.year, quarter: input.quarter, taskId: { in: ids } },
  });
  const current = new Map(existing.map((p) => [p.taskId, p]));

  return saveRows(start, user, input.rows, KINDS.task, outerTx, (row) => {
    const tp = current.get(row.taskId);
    const untouched =
      !tp &&
      !row.submit &&
      row.status === "NOT_STARTED" &&
      !row.percent.trim() &&
      !clean(row.achieved) &&
      !clean(row.obstacles) &&
      !clean(row.nextSteps);
    if (untouched) return null;
    const { percent, issues } = checkTaskRow(row);
    return {
      key: `task.${row.taskId}`,
      stored: tp,
      next: {
        status: row.status,
        percentComplete: percent,
        achieved: clean(row.achieved),
        obstacles: clean(row.obstacles),
        nextSteps: clean(row.nextSteps),
        evidenceUrl: clean(row.evidenceUrl),
      },
      issues,
      field: "status",
      current: () => ({
        shown: msg("errors.reporting.taskShown", { status: tp?.status ?? "—", percent: tp?.percentComplete ?? "—" }),
        details: { status: tp?.status ?? null, percentComplete: tp?.percentComplete ?? null },
      }),
      extra: { completedOn: row.status === "DONE" ? (tp?.completedOn ?? now) : null },
      create: { taskId: row.taskId, agencyId, year: input.year, quarter: input.quarter },
    };
  });
};

/**
 * Submits, as stored, the items a reporter confirmed in "submit everything ready", indicators and
 * tasks together in one transaction. Each goes through the same save as the form (same checks,
 * revisions and audit rows); an item changed since the confirmation was shown (another version)
 * refuses the whole submission, so nothing is submitted that the reporter did not see. Refusals
 * name the item, since most of them are not on screen.
 */
export async function submitReady(
  user: SessionUser,
  input: ReadyInput,
  now = clockNow(),
): Promise<{ submitted: number }> {
  const agencyId = user.agencyId;
  assertCanWriteAgency(user, agencyId);
  const indIds = input.items.filter((i) => i.kind === "ind").map((i) => i.id);
  const taskIds = input.items.filter((i) => i.kind === "task").map((i) => i.id);
  const where = { agencyId, year: input.period.year, quarter: input.period.quarter };
  const [obs, tps] = await Promise.all([
    db.observation.findMany({
      where: { ...where, indicatorId: { in: indIds } },
      include: { indicator: { select: { nameVi: true } } },
    }),
    db.taskProgress.findMany({
      where: { ...where, taskId: { in: taskIds } },
      include: { task: { select: { numberPrinted: true, document: { select: { numberCanonical: true } } } } },
    }),
  ]);
  const obsBy = new Map(obs.map((o) => [o.indicatorId, o]));
  const tpBy = new Map(tps.map((p) => [p.taskId, p]));
  const stale = input.items.filter(
    (i) => (i.kind === "ind" ? obsBy.get(i.id)?.version : tpBy.get(i.id)?.version) !== i.version,
  );
  if (stale.length) throw new ConflictError(msg("errors.reporting.readyStale"));
  const labels = new Map<string, string>([
    ...obs.map((o) => [`ind.${o.indicatorId}`, o.indicator.nameVi] as const),
    ...tps.map(
      (p) => [`task.${p.taskId}`, `${p.task.document.numberCanonical ?? ""} · ${p.task.numberPrinted ?? ""}`] as const,
    ),
  ]);
  const indRows: IndicatorRowInput[] = obs.map((o) => ({
    indicatorId: o.indicatorId,
    version: o.version,
    value: valueText(o.value),
    source: o.source ?? "",
    note: o.note ?? "",
    explanation: o.explanation ?? "",
    evidenceUrl: o.evidenceUrl ?? "",
    comment: "",
    submit: true,
  }));
  const taskRows: TaskRowInput[] = tps.map((p) => ({
    taskId: p.taskId,
    version: p.version,
    status: p.status,
    percent: p.percentComplete == null ? "" : String(p.percentComplete),
    achieved: p.achieved ?? "",
    obstacles: p.obstacles ?? "",
    nextSteps: p.nextSteps ?? "",
    evidenceUrl: p.evidenceUrl ?? "",
    submit: true,
  }));
  try {
    return await db.$transaction(async (tx) => {
      const a = indRows.length
        ? await saveIndicatorValues(user, { ...input.period, rows: indRows }, now, tx)
        : { submitted: 0 };
      const b = taskRows.length
        ? await saveTaskProgress(user, { ...input.period, rows: taskRows }, now, tx)
        : { submitted: 0 };
      return { submitted: a.submitted + b.submitted };
    });
  } catch (e) {
    if (e instanceof ValidationError || e instanceof ConflictError) {
      const lines: Msg[] = Object.entries(e.fieldTexts ?? {}).map(([k, reasons]) =>
        msg("errors.reporting.itemLine", { label: labels.get(k.split(".").slice(0, 2).join(".")) ?? k, reasons }),
      );
      if (lines.length) throw new ValidationError({ _form: lines }, msg("errors.reporting.readyRefused"));
    }
    throw e;
  }
}

/** A reviewer approves or returns submitted items. Approval is what the public sees. */
export async function reviewItems(user: SessionUser, input: ReviewInput): Promise<{ count: number }> {
  if (!can(user.role, "reporting.review")) throw new ForbiddenError();
  // Each item may carry its own comment; the shared one stands in for items without.
  // A comment of only spaces or invisible format characters (zero-width, direction marks) says nothing.
  const said = (s: string | undefined) => (s && s.replace(/[\s\p{Cf}]/gu, "") ? s.trim() : null);
  const shared = said(input.comment);
  const commentOf = (item: ReviewInput["items"][number]) => said(item.comment) ?? shared;
  if (input.decision === "RETURN") {
    const missing = input.items.filter((i) => !commentOf(i));
    if (missing.length) {
      const why = msg("errors.reporting.returnReason");
      throw new ValidationError({
        comment: [why],
        ...Object.fromEntries(missing.map((i) => [`comment.${i.kind}.${i.id}`, [why]])),
      });
    }
  }
  await db.$transaction(async (tx) => {
    const reportersOf = new Map<number, Promise<number[]>>();
    for (const item of input.items) {
      await withKind(item.kind, (ops) =>
        reviewOne(tx, ops, user, item.id, item.version, input.decision, commentOf(item)),
      );
      await tellAgency(
        tx,
        item.kind,
        item.id,
        input.decision === "APPROVE" ? "APPROVED" : "RETURNED",
        user,
        commentOf(item),
        reportersOf,
      );
    }
    if (input.decision === "APPROVE") await bumpPublicVersion(tx);
  });
  if (input.decision === "APPROVE") await refreshPublicPages();
  return { count: input.items.length };
}

/** Approves or returns one submitted item of either kind, at the version the reviewer saw. */
async function reviewOne<R extends Item>(
  tx: Tx,
  ops: KindOps<R>,
  user: SessionUser,
  id: number,
  version: number,
  decision: "APPROVE" | "RETURN",
  comment: string | null,
) {
  const r = await ops.find(tx, id);
  if (!r) throw new NotFoundError(msg("errors.reporting.reviewMissing"));
  const stale = () => new ConflictError(msg("errors.reporting.reviewStale"));
  if (r.state !== "SUBMITTED" || r.version !== version) throw stale();
  const approve = decision === "APPROVE";
  const state = approve ? ("APPROVED" as const) : ("RETURNED" as const);
  const data = approve
    ? { state, ...ops.approval(r), approvedAt: clockNow(), reviewComment: comment, reopened: false }
    : { state, reviewComment: comment };
  if ((await ops.updateAt(tx, id, version, data)) === 0) throw stale();
  await ops.revise(tx, r, { version: version + 1, state, comment, authorId: user.id });
  await audit(tx, {
    actor: user,
    action: `${ops.action}.${approve ? "approve" : "return"}`,
    entityType: ops.entityType,
    entityId: id,
    agencyId: r.agencyId,
    before: { state: r.state, ...ops.reviewView(r) },
    after: { state, ...ops.reviewView(r) },
    reason: comment,
  });
}

/** After the lock date only a reviewer can reopen an item for its agency to correct. */
export async function reopenItem(
  user: SessionUser,
  input: { kind: ItemKind; id: number; comment: string },
): Promise<void> {
  if (!can(user.role, "reporting.reopen")) throw new ForbiddenError();
  const comment = clean(input.comment);
  if (!comment) throw new ValidationError({ comment: [msg("errors.reporting.reopenReason")] });
  await db.$transaction((tx) =>
    withKind(input.kind, async (ops) => {
      const r = await ops.find(tx, input.id);
      if (!r) throw new NotFoundError();
      const state = "RETURNED" as const;
      if ((await ops.updateAt(tx, r.id, r.version, { state, reopened: true, reviewComment: comment })) === 0)
        throw new ConflictError(msg("errors.reporting.reviewStale"));
      await ops.revise(tx, r, { version: r.version + 1, state, comment, authorId: user.id });
      await audit(tx, {
        actor: user,
        action: `${ops.action}.reopen`,
        entityType: ops.entityType,
        entityId: r.id,
        agencyId: r.agencyId,
        before: { state: r.state },
        after: { state, reopened: true },
        reason: comment,
      });
      await tellAgency(tx, input.kind, r.id, "REOPENED", user, comment);
    }),
  );
}
