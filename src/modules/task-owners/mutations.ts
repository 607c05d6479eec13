import "server-only";
// Assigning a task to a person inside its lead agency. Each change is a new TaskOwner row (the
// table refuses UPDATE and DELETE), with an audit row and the person's notification written in
// the same transaction: the three exist together or not at all.
import { msg } from "@/i18n/translate";
import { LIVE } from "@/modules/catalogue/live";
import { notify } from "@/modules/notifications/mutations";
import { audit } from "@/server/audit";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/server/errors";
import { dueDateText } from "./dates";
import { assertCanAssign } from "./policy";
import type { AssignInput } from "./schemas";

const sameDay = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export async function assignTaskOwner(
  user: SessionUser | null,
  input: AssignInput,
): Promise<{ id: number; person: string | null }> {
  assertCanAssign(user);
  // The agency is the reporter's own: a reporter assigns inside their agency only, whatever the form says.
  const agencyId = user.agencyId;
  const { taskId } = input;
  return db.$transaction(async (tx) => {
    // One change at a time per (task, agency): the staleness check and the insert see the same newest row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tasks.owner'), hashtext(${`${taskId}:${agencyId}`}))`;
    const lead = await tx.taskAssignment.findFirst({
      where: { taskId, agencyId, role: "LEAD", task: LIVE },
      select: {
        task: { select: { numberPrinted: true, title: true, document: { select: { numberCanonical: true } } } },
      },
    });
    // The same answer for a task that does not exist: no way to probe which ids do.
    if (!lead) throw new ForbiddenError(msg("taskOwners.errors.notLed"));
    const previous = await tx.taskOwner.findFirst({
      where: { taskId, agencyId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    if ((previous?.id ?? 0) !== input.basedOn) throw new ConflictError(msg("taskOwners.errors.stale"));
    let person: { id: number; name: string } | null = null;
    if (input.userId != null) {
      person = await tx.user.findFirst({
        where: { id: input.userId, agencyId, active: true },
        select: { id: true, name: true },
      });
      if (!person) throw new ValidationError({ userId: [msg("taskOwners.errors.notMember")] });
    } else if (previous?.userId == null) {
      throw new ValidationError({ userId: [msg("taskOwners.errors.nothingToWithdraw")] });
    }
    if (
      previous &&
      previous.userId === input.userId &&
      sameDay(previous.internalDueOn, input.internalDueOn) &&
      (previous.expectedResult ?? null) === input.expectedResult
    )
      throw new ValidationError({ userId: [msg("taskOwners.errors.unchanged")] }, msg("taskOwners.errors.unchanged"));
    // Changing what someone was given needs a reason, kept in the history.
    if (previous && !input.reason) throw new ValidationError({ reason: [msg("taskOwners.errors.reasonRequired")] });
    const row = await tx.taskOwner.create({
      data: {
        taskId,
        agencyId,
        userId: input.userId,
        internalDueOn: input.internalDueOn,
        expectedResult: input.expectedResult,
        reason: input.reason,
        assignedById: user.id,
        createdAt: clockNow(),
      },
      select: { id: true },
    });
    const shown = (r: { userId: number | null; internalDueOn: Date | null; expectedResult: string | null }) => ({
      userId: r.userId,
      internalDueOn: r.internalDueOn ? r.internalDueOn.toISOString().slice(0, 10) : null,
      expectedResult: r.expectedResult,
    });
    await audit(tx, {
      actor: { id: user.id, email: user.email },
      action: "tasks.assignOwner",
      entityType: "Task",
      entityId: taskId,
      agencyId,
      before: previous ? shown(previous) : null,
      after: { ...shown(input), row: row.id },
      reason: input.reason,
    });
    if (person) {
      const t = lead.task;
      await notify(
        [person.id],
        {
          kind: "TASK_OWNER",
          itemKind: "task",
          itemId: taskId,
          agencyId,
          params: {
            task: `${t.document.numberCanonical ?? ""} · ${t.numberPrinted ?? ""}`,
            title: t.title.length > 140 ? `${t.title.slice(0, 140)}…` : t.title,
            // The bell's sentence (notifications.kinds.TASK_OWNER) names the task by `item`.
            item: t.title.length > 140 ? `${t.title.slice(0, 140)}…` : t.title,
            due: dueDateText(input.internalDueOn),
            by: user.name,
          },
          href: `/reporting/owners/${taskId}`,
        },
        { tx, actorId: user.id },
      );
    }
    return { id: row.id, person: person?.name ?? null };
  });
}
