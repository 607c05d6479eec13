import "server-only";
import { clockNow } from "@/server/clock";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/server/errors";
import { can } from "@/server/permissions";
import { refreshPublicPages } from "@/server/public-cache";
import { bumpPublicVersion } from "@/server/public-version";
import { formatDateTime, formatNumber } from "@/lib/format";
import { previousQuarter } from "@/lib/periods";
import { assertCanWriteAgency } from "./policy";
import { editable, needsExplanation, parseValue, valueText } from "./rules";
import type { IndicatorRowInput, ReadyInput, ReviewInput, TaskRowInput } from "./schemas";

type Tx = Prisma.TransactionClient;
type Period = { year: number; quarter: number; opensAt: Date; dueAt: Date; locksAt: Date };

const clean = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

async function loadPeriod(year: number, quarter: number): Promise<Period> {
  const p = await db.reportingPeriod.findUnique({ where: { year_quarter: { year, quarter } } });
  if (!p) throw new NotFoundError("Kỳ báo cáo không tồn tại.");
  return p;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

function conflictMessage(who: string | null, at: Date, what: string): string {
  return `${who ?? "Người khác"} đã lưu mục này lúc ${formatDateTime(at, "vi")} (giá trị hiện tại: ${what}). Thay đổi của bạn chưa được lưu: hãy xem giá trị mới rồi lưu lại.`;
}

/**
 * Runs the writes of a save in the caller's transaction when given one, else in one of its own. Two
 * people creating the same item at once collide on its unique key: that is a conflict, not a fault.
 */
async function writeSave<T>(outer: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await (outer ? fn(outer) : db.$transaction(fn));
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("Một số mục vừa được người khác tạo. Không có gì được lưu; hãy tải lại trang.");
    throw e;
  }
}

/** Refuses the whole save when any row conflicts (others' values shown) or is invalid. */
function refuseIfAny(errors: Record<string, string[]>, conflicts: Record<string, unknown>): void {
  if (Object.keys(conflicts).length) throw new ConflictError("Một số mục vừa được người khác cập nhật. Không có gì được lưu.", errors, conflicts);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function emailOf(userId: number | null): Promise<string | null> {
  if (!userId) return null;
  return (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}

/**
 * Saves a reporter's indicator values for one quarter, as drafts or submitted. All rows are
 * checked first; one bad row refuses the whole save with a message next to that row's field, and
 * a row someone else changed since it was loaded refuses it with their value shown. Given
 * `outerTx`, it writes inside the caller's transaction (the Excel import applies indicators and
 * tasks together, all or nothing).
 */
export async function saveIndicatorValues(
  user: SessionUser,
  input: { year: number; quarter: number; rows: IndicatorRowInput[] },
  now = clockNow(),
  outerTx?: Tx,
): Promise<{ saved: number; submitted: number }> {
  const q = outerTx ?? db;
  const agencyId = user.agencyId;
  assertCanWriteAgency(user, agencyId);
  const period = await loadPeriod(input.year, input.quarter);
  const ids = input.rows.map((r) => r.indicatorId);
  const assigned = await q.indicatorAssignment.findMany({ where: { agencyId, indicatorId: { in: ids } }, include: { indicator: true } });
  const byId = new Map(assigned.map((a) => [a.indicatorId, a.indicator]));
  const national = new Map(assigned.map((a) => [a.indicatorId, a.national]));
  for (const id of ids) if (!byId.has(id)) throw new ForbiddenError("Chỉ tiêu này không được giao cho cơ quan của bạn.");

  const prev = previousQuarter(input);
  const [existing, previous] = await Promise.all([
    q.observation.findMany({ where: { agencyId, year: input.year, quarter: input.quarter, indicatorId: { in: ids } } }),
    q.observation.findMany({ where: { agencyId, year: prev.year, quarter: prev.quarter, indicatorId: { in: ids } } }),
  ]);
  const current = new Map(existing.map((o) => [o.indicatorId, o]));
  const before = new Map(previous.map((o) => [o.indicatorId, o.approvedValue ?? o.value]));

  const errors: Record<string, string[]> = {};
  const conflicts: Record<string, unknown> = {};
  const work: { row: IndicatorRowInput; value: number | null; obs: (typeof existing)[number] | undefined }[] = [];
  for (const row of input.rows) {
    const key = `ind.${row.indicatorId}`;
    const ind = byId.get(row.indicatorId)!;
    const obs = current.get(row.indicatorId);
    const blank = row.value.trim() === "";
    if (blank && !obs && !row.submit && !clean(row.source) && !clean(row.note)) continue; // untouched row
    let value: number | null = null;
    if (!blank) {
      const parsed = parseValue(row.value, ind);
      if ("error" in parsed) (errors[`${key}.value`] ??= []).push(parsed.error);
      else value = parsed.value;
    } else if (row.submit) (errors[`${key}.value`] ??= []).push("Vui lòng nhập giá trị trước khi nộp.");
    if (row.evidenceUrl && !/^https?:\/\/\S+$/i.test(row.evidenceUrl.trim())) (errors[`${key}.evidenceUrl`] ??= []).push("Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.");
    if (row.submit && value != null && needsExplanation(before.get(row.indicatorId), value, ind.kind) && !clean(row.explanation)) {
      (errors[`${key}.explanation`] ??= []).push(
        `Giá trị thay đổi nhiều so với quý trước (${formatNumber(before.get(row.indicatorId)!, "vi")} → ${formatNumber(value, "vi")}). Vui lòng giải thích trước khi nộp.`,
      );
    }
    const changed =
      !obs ||
      row.submit ||
      obs.value !== value ||
      obs.source !== clean(row.source) ||
      obs.note !== clean(row.note) ||
      obs.explanation !== clean(row.explanation) ||
      obs.evidenceUrl !== clean(row.evidenceUrl);
    if (!changed) continue;
    if (obs && !editable(obs.state, period, now, obs.reopened)) {
      (errors[`${key}.value`] ??= []).push(
        obs.state === "SUBMITTED" || obs.state === "APPROVED" ? "Mục này đã nộp hoặc đã duyệt nên không sửa được." : "Kỳ báo cáo đã khóa; cần người duyệt mở lại mục này.",
      );
    } else if (!obs && !editable("DRAFT", period, now, false)) {
      (errors[`${key}.value`] ??= []).push("Kỳ báo cáo chưa mở hoặc đã khóa.");
    }
    if ((obs?.version ?? 0) !== row.version) {
      const who = await emailOf(obs?.updatedById ?? null);
      const shown = obs?.value == null ? "(trống)" : `${formatNumber(obs.value, "vi")}${ind.unit === "%" ? "%" : ` ${ind.unit}`}`;
      (errors[`${key}.value`] ??= []).push(conflictMessage(who, obs?.updatedAt ?? now, shown));
      conflicts[key] = { value: obs?.value ?? null, version: obs?.version ?? 0, by: who, at: obs?.updatedAt ?? null };
    }
    work.push({ row, value, obs });
  }
  refuseIfAny(errors, conflicts);

  let submitted = 0;
  await writeSave(outerTx, async (tx) => {
    for (const { row, value, obs } of work) {
      const data = {
        value,
        source: clean(row.source),
        note: clean(row.note),
        explanation: clean(row.explanation),
        evidenceUrl: clean(row.evidenceUrl),
        state: row.submit ? ("SUBMITTED" as const) : obs?.state === "RETURNED" ? ("RETURNED" as const) : ("DRAFT" as const),
        updatedById: user.id,
        ...(row.submit ? { submittedAt: now, late: now > period.dueAt, reviewComment: obs?.reviewComment ?? null } : {}),
      };
      let saved;
      if (!obs) {
        saved = await tx.observation.create({ data: { ...data, indicatorId: row.indicatorId, agencyId, year: input.year, quarter: input.quarter, isNational: national.get(row.indicatorId) ?? false, version: 1 } });
      } else {
        const r = await tx.observation.updateMany({ where: { id: obs.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
        if (r.count === 0) throw new ConflictError("Một số mục vừa được người khác cập nhật. Không có gì được lưu.");
        saved = await tx.observation.findUniqueOrThrow({ where: { id: obs.id } });
      }
      if (row.submit) submitted++;
      await tx.observationRevision.create({
        data: {
          observationId: saved.id,
          version: saved.version,
          value: saved.value,
          state: saved.state,
          source: saved.source,
          note: saved.note,
          explanation: saved.explanation,
          evidenceUrl: saved.evidenceUrl,
          evidenceFileId: saved.evidenceFileId,
          comment: clean(row.comment),
          authorId: user.id,
        },
      });
      await audit(tx, {
        actor: user,
        action: row.submit ? "observation.submit" : "observation.save",
        entityType: "Observation",
        entityId: saved.id,
        agencyId,
        before: obs ? { value: obs.value, state: obs.state, version: obs.version } : null,
        after: { value: saved.value, state: saved.state, version: saved.version },
        reason: clean(row.comment),
      });
    }
  });
  return { saved: work.length, submitted };
}

/** Saves task progress for one quarter, with the same all-or-nothing, conflict and `outerTx` rules. */
export async function saveTaskProgress(
  user: SessionUser,
  input: { year: number; quarter: number; rows: TaskRowInput[] },
  now = clockNow(),
  outerTx?: Tx,
): Promise<{ saved: number; submitted: number }> {
  const q = outerTx ?? db;
  const agencyId = user.agencyId;
  assertCanWriteAgency(user, agencyId);
  const period = await loadPeriod(input.year, input.quarter);
  const ids = input.rows.map((r) => r.taskId);
  const leads = await q.taskAssignment.findMany({ where: { agencyId, role: "LEAD", taskId: { in: ids } }, select: { taskId: true } });
  const led = new Set(leads.map((l) => l.taskId));
  for (const id of ids) if (!led.has(id)) throw new ForbiddenError("Nhiệm vụ này không do cơ quan của bạn chủ trì.");
  const existing = await q.taskProgress.findMany({ where: { agencyId, year: input.year, quarter: input.quarter, taskId: { in: ids } } });
  const current = new Map(existing.map((p) => [p.taskId, p]));

  const errors: Record<string, string[]> = {};
  const conflicts: Record<string, unknown> = {};
  const work: { row: TaskRowInput; percent: number | null; tp: (typeof existing)[number] | undefined }[] = [];
  for (const row of input.rows) {
    const key = `task.${row.taskId}`;
    const tp = current.get(row.taskId);
    const untouched = !tp && !row.submit && row.status === "NOT_STARTED" && !row.percent.trim() && !clean(row.achieved) && !clean(row.obstacles) && !clean(row.nextSteps);
    if (untouched) continue;
    let percent: number | null = null;
    if (row.percent.trim()) {
      // Digits only, as the Excel import reads it: Number() alone took "1e2", "0x32" and "0b1".
      const t = row.percent.trim();
      const n = /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 100) (errors[`${key}.percent`] ??= []).push("Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.");
      else percent = n;
    }
    if (row.status === "DONE" && percent != null && percent < 100) (errors[`${key}.percent`] ??= []).push("Nhiệm vụ đã hoàn thành thì tỷ lệ phải là 100.");
    if (row.status === "DONE" && percent == null) percent = 100;
    if (row.submit && row.status !== "NOT_STARTED" && !clean(row.achieved)) (errors[`${key}.achieved`] ??= []).push("Vui lòng nêu kết quả đạt được trước khi nộp.");
    if (row.evidenceUrl && !/^https?:\/\/\S+$/i.test(row.evidenceUrl.trim())) (errors[`${key}.evidenceUrl`] ??= []).push("Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.");
    const changed =
      !tp ||
      row.submit ||
      tp.status !== row.status ||
      tp.percentComplete !== percent ||
      tp.achieved !== clean(row.achieved) ||
      tp.obstacles !== clean(row.obstacles) ||
      tp.nextSteps !== clean(row.nextSteps) ||
      tp.evidenceUrl !== clean(row.evidenceUrl);
    if (!changed) continue;
    if (tp && !editable(tp.state, period, now, tp.reopened)) {
      (errors[`${key}.status`] ??= []).push(
        tp.state === "SUBMITTED" || tp.state === "APPROVED" ? "Mục này đã nộp hoặc đã duyệt nên không sửa được." : "Kỳ báo cáo đã khóa; cần người duyệt mở lại mục này.",
      );
    } else if (!tp && !editable("DRAFT", period, now, false)) {
      (errors[`${key}.status`] ??= []).push("Kỳ báo cáo chưa mở hoặc đã khóa.");
    }
    if ((tp?.version ?? 0) !== row.version) {
      const who = await emailOf(tp?.updatedById ?? null);
      (errors[`${key}.status`] ??= []).push(conflictMessage(who, tp?.updatedAt ?? now, `${tp?.status ?? "—"}, ${tp?.percentComplete ?? "—"}%`));
      conflicts[key] = { status: tp?.status ?? null, percentComplete: tp?.percentComplete ?? null, version: tp?.version ?? 0, by: who, at: tp?.updatedAt ?? null };
    }
    work.push({ row, percent, tp });
  }
  refuseIfAny(errors, conflicts);

  let submitted = 0;
  await writeSave(outerTx, async (tx) => {
    for (const { row, percent, tp } of work) {
      const data = {
        status: row.status,
        percentComplete: percent,
        achieved: clean(row.achieved),
        obstacles: clean(row.obstacles),
        nextSteps: clean(row.nextSteps),
        evidenceUrl: clean(row.evidenceUrl),
        completedOn: row.status === "DONE" ? (tp?.completedOn ?? now) : null,
        state: row.submit ? ("SUBMITTED" as const) : tp?.state === "RETURNED" ? ("RETURNED" as const) : ("DRAFT" as const),
        updatedById: user.id,
        ...(row.submit ? { submittedAt: now, late: now > period.dueAt } : {}),
      };
      let saved;
      if (!tp) {
        saved = await tx.taskProgress.create({ data: { ...data, taskId: row.taskId, agencyId, year: input.year, quarter: input.quarter, version: 1 } });
      } else {
        const r = await tx.taskProgress.updateMany({ where: { id: tp.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
        if (r.count === 0) throw new ConflictError("Một số mục vừa được người khác cập nhật. Không có gì được lưu.");
        saved = await tx.taskProgress.findUniqueOrThrow({ where: { id: tp.id } });
      }
      if (row.submit) submitted++;
      await tx.taskProgressRevision.create({
        data: {
          taskProgressId: saved.id,
          version: saved.version,
          status: saved.status,
          percentComplete: saved.percentComplete,
          achieved: saved.achieved,
          obstacles: saved.obstacles,
          nextSteps: saved.nextSteps,
          evidenceUrl: saved.evidenceUrl,
          evidenceFileId: saved.evidenceFileId,
          state: saved.state,
          authorId: user.id,
        },
      });
      await audit(tx, {
        actor: user,
        action: row.submit ? "taskProgress.submit" : "taskProgress.save",
        entityType: "TaskProgress",
        entityId: saved.id,
        agencyId,
        before: tp ? { status: tp.status, percentComplete: tp.percentComplete, state: tp.state, version: tp.version } : null,
        after: { status: saved.status, percentComplete: saved.percentComplete, state: saved.state, version: saved.version },
      });
    }
  });
  return { saved: work.length, submitted };
}

/**
 * Submits, as stored, the items a reporter confirmed in "submit everything ready", indicators and
 * tasks together in one transaction. Each goes through the same save as the form (same checks,
 * revisions and audit rows); an item changed since the confirmation was shown (another version)
 * refuses the whole submission, so nothing is submitted that the reporter did not see. Refusals
 * name the item, since most of them are not on screen.
 */
export async function submitReady(user: SessionUser, input: ReadyInput, now = clockNow()): Promise<{ submitted: number }> {
  const agencyId = user.agencyId;
  assertCanWriteAgency(user, agencyId);
  const indIds = input.items.filter((i) => i.kind === "ind").map((i) => i.id);
  const taskIds = input.items.filter((i) => i.kind === "task").map((i) => i.id);
  const where = { agencyId, year: input.period.year, quarter: input.period.quarter };
  const [obs, tps] = await Promise.all([
    db.observation.findMany({ where: { ...where, indicatorId: { in: indIds } }, include: { indicator: { select: { nameVi: true } } } }),
    db.taskProgress.findMany({ where: { ...where, taskId: { in: taskIds } }, include: { task: { select: { numberPrinted: true, document: { select: { numberCanonical: true } } } } } }),
  ]);
  const obsBy = new Map(obs.map((o) => [o.indicatorId, o]));
  const tpBy = new Map(tps.map((p) => [p.taskId, p]));
  const stale = input.items.filter((i) => (i.kind === "ind" ? obsBy.get(i.id)?.version : tpBy.get(i.id)?.version) !== i.version);
  if (stale.length) throw new ConflictError("Một số mục đã thay đổi kể từ khi bạn mở trang. Không có gì được nộp; hãy tải lại trang rồi thử lại.");
  const labels = new Map<string, string>([
    ...obs.map((o) => [`ind.${o.indicatorId}`, o.indicator.nameVi] as const),
    ...tps.map((p) => [`task.${p.taskId}`, `${p.task.document.numberCanonical ?? ""} · ${p.task.numberPrinted ?? ""}`] as const),
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
      const a = indRows.length ? await saveIndicatorValues(user, { ...input.period, rows: indRows }, now, tx) : { submitted: 0 };
      const b = taskRows.length ? await saveTaskProgress(user, { ...input.period, rows: taskRows }, now, tx) : { submitted: 0 };
      return { submitted: a.submitted + b.submitted };
    });
  } catch (e) {
    if (e instanceof ValidationError || e instanceof ConflictError) {
      const lines = Object.entries(e.fieldErrors ?? {}).map(([k, msgs]) => `${labels.get(k.split(".").slice(0, 2).join(".")) ?? k}: ${msgs.join(" ")}`);
      if (lines.length) throw new ValidationError({ _form: lines }, "Không có gì được nộp: một số mục chưa đủ điều kiện.");
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
      const why = "Vui lòng ghi lý do trả lại để cơ quan báo cáo sửa.";
      throw new ValidationError({ comment: [why], ...Object.fromEntries(missing.map((i) => [`comment.${i.kind}.${i.id}`, [why]])) });
    }
  }
  await db.$transaction(async (tx) => {
    for (const item of input.items) {
      if (item.kind === "obs") await reviewObservation(tx, user, item.id, item.version, input.decision, commentOf(item));
      else await reviewTask(tx, user, item.id, item.version, input.decision, commentOf(item));
    }
    if (input.decision === "APPROVE") await bumpPublicVersion(tx);
  });
  if (input.decision === "APPROVE") await refreshPublicPages();
  return { count: input.items.length };
}

async function reviewObservation(tx: Tx, user: SessionUser, id: number, version: number, decision: "APPROVE" | "RETURN", comment: string | null) {
  const o = await tx.observation.findUnique({ where: { id } });
  if (!o) throw new NotFoundError("Không tìm thấy mục cần duyệt.");
  if (o.state !== "SUBMITTED" || o.version !== version) throw new ConflictError("Mục này vừa được người khác duyệt hoặc sửa. Hãy tải lại danh sách.");
  const now = clockNow();
  const approve = decision === "APPROVE";
  const r = await tx.observation.updateMany({
    where: { id, version },
    data: approve
      ? { state: "APPROVED", approvedValue: o.value, approvedAt: now, reviewComment: comment, reopened: false, version: { increment: 1 } }
      : { state: "RETURNED", reviewComment: comment, version: { increment: 1 } },
  });
  if (r.count === 0) throw new ConflictError("Mục này vừa được người khác duyệt hoặc sửa. Hãy tải lại danh sách.");
  await tx.observationRevision.create({
    data: {
      observationId: id,
      version: version + 1,
      value: o.value,
      state: approve ? "APPROVED" : "RETURNED",
      source: o.source,
      note: o.note,
      explanation: o.explanation,
      evidenceUrl: o.evidenceUrl,
      evidenceFileId: o.evidenceFileId,
      comment,
      authorId: user.id,
    },
  });
  await audit(tx, {
    actor: user,
    action: approve ? "observation.approve" : "observation.return",
    entityType: "Observation",
    entityId: id,
    agencyId: o.agencyId,
    before: { state: o.state, value: o.value },
    after: { state: approve ? "APPROVED" : "RETURNED", value: o.value },
    reason: comment,
  });
}

async function reviewTask(tx: Tx, user: SessionUser, id: number, version: number, decision: "APPROVE" | "RETURN", comment: string | null) {
  const p = await tx.taskProgress.findUnique({ where: { id } });
  if (!p) throw new NotFoundError("Không tìm thấy mục cần duyệt.");
  if (p.state !== "SUBMITTED" || p.version !== version) throw new ConflictError("Mục này vừa được người khác duyệt hoặc sửa. Hãy tải lại danh sách.");
  const approve = decision === "APPROVE";
  const r = await tx.taskProgress.updateMany({
    where: { id, version },
    data: approve
      ? { state: "APPROVED", approvedStatus: p.status, approvedPercent: p.percentComplete, approvedAt: clockNow(), reviewComment: comment, reopened: false, version: { increment: 1 } }
      : { state: "RETURNED", reviewComment: comment, version: { increment: 1 } },
  });
  if (r.count === 0) throw new ConflictError("Mục này vừa được người khác duyệt hoặc sửa. Hãy tải lại danh sách.");
  await tx.taskProgressRevision.create({
    data: {
      taskProgressId: id,
      version: version + 1,
      status: p.status,
      percentComplete: p.percentComplete,
      achieved: p.achieved,
      obstacles: p.obstacles,
      nextSteps: p.nextSteps,
      evidenceUrl: p.evidenceUrl,
      evidenceFileId: p.evidenceFileId,
      state: approve ? "APPROVED" : "RETURNED",
      comment,
      authorId: user.id,
    },
  });
  await audit(tx, {
    actor: user,
    action: approve ? "taskProgress.approve" : "taskProgress.return",
    entityType: "TaskProgress",
    entityId: id,
    agencyId: p.agencyId,
    before: { state: p.state },
    after: { state: approve ? "APPROVED" : "RETURNED" },
    reason: comment,
  });
}

/** After the lock date only a reviewer can reopen an item for its agency to correct. */
export async function reopenItem(user: SessionUser, input: { kind: "obs" | "task"; id: number; comment: string }): Promise<void> {
  if (!can(user.role, "reporting.reopen")) throw new ForbiddenError();
  const comment = clean(input.comment);
  if (!comment) throw new ValidationError({ comment: ["Vui lòng ghi lý do mở lại."] });
  await db.$transaction(async (tx) => {
    if (input.kind === "obs") {
      const o = await tx.observation.findUnique({ where: { id: input.id } });
      if (!o) throw new NotFoundError();
      const v = o.version + 1;
      await tx.observation.update({ where: { id: o.id }, data: { state: "RETURNED", reopened: true, reviewComment: comment, version: v } });
      await tx.observationRevision.create({ data: { observationId: o.id, version: v, value: o.value, state: "RETURNED", source: o.source, note: o.note, explanation: o.explanation, comment, authorId: user.id } });
      await audit(tx, { actor: user, action: "observation.reopen", entityType: "Observation", entityId: o.id, agencyId: o.agencyId, before: { state: o.state }, after: { state: "RETURNED", reopened: true }, reason: comment });
    } else {
      const p = await tx.taskProgress.findUnique({ where: { id: input.id } });
      if (!p) throw new NotFoundError();
      const v = p.version + 1;
      await tx.taskProgress.update({ where: { id: p.id }, data: { state: "RETURNED", reopened: true, reviewComment: comment, version: v } });
      await tx.taskProgressRevision.create({ data: { taskProgressId: p.id, version: v, status: p.status, percentComplete: p.percentComplete, achieved: p.achieved, obstacles: p.obstacles, nextSteps: p.nextSteps, state: "RETURNED", comment, authorId: user.id } });
      await audit(tx, { actor: user, action: "taskProgress.reopen", entityType: "TaskProgress", entityId: p.id, agencyId: p.agencyId, before: { state: p.state }, after: { state: "RETURNED", reopened: true }, reason: comment });
    }
  });
}
