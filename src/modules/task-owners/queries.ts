import "server-only";
// Reads of the "5 rõ": who holds each task an agency leads, its history, the agency's list with the
// tasks nobody holds. Every read for a page takes the signed-in user and checks the agency
// (policy.ts); currentTaskOwners is the one read without a user, for server jobs (reminders).
import { LIVE } from "@/modules/catalogue/live";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { currentOwnerRows, latestRows } from "./current";
import { assertCanSeeOwners, canAssignFor } from "./policy";

export type CurrentTaskOwner = {
  taskId: number;
  agencyId: number;
  userId: number;
  internalDueOn: Date | null;
  expectedResult: string | null;
};

/**
 * The people holding tasks now, for every agency or one: the newest assignment of each (task,
 * agency) when it names a person who is still active in that agency, on a task that agency still
 * leads. A withdrawn assignment, a deactivated person or one moved to another agency counts as
 * nobody, so reminders never go to someone who no longer holds the task.
 */
export async function currentTaskOwners(agencyId?: number): Promise<CurrentTaskOwner[]> {
  const rows = await db.taskOwner.findMany({
    where: agencyId === undefined ? {} : { agencyId },
    select: {
      id: true,
      taskId: true,
      agencyId: true,
      userId: true,
      internalDueOn: true,
      expectedResult: true,
      createdAt: true,
    },
  });
  const latest = [...latestRows(rows).values()].filter((r) => r.userId != null);
  if (!latest.length) return [];
  const [people, leads] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...new Set(latest.map((r) => r.userId!))] }, active: true },
      select: { id: true, agencyId: true },
    }),
    db.taskAssignment.findMany({
      where: {
        role: "LEAD",
        task: LIVE,
        taskId: { in: [...new Set(latest.map((r) => r.taskId))] },
        ...(agencyId === undefined ? {} : { agencyId }),
      },
      select: { taskId: true, agencyId: true },
    }),
  ]);
  const agencyOf = new Map(people.map((u) => [u.id, u.agencyId]));
  const led = new Set(leads.map((l) => `${l.taskId}:${l.agencyId}`));
  return currentOwnerRows(
    latest,
    (r) => agencyOf.get(r.userId) === r.agencyId && led.has(`${r.taskId}:${r.agencyId}`),
  ).map(({ taskId, agencyId: a, userId, internalDueOn, expectedResult }) => ({
    taskId,
    agencyId: a,
    userId,
    internalDueOn,
    expectedResult,
  }));
}

const taskSelect = {
  id: true,
  key: true,
  numberPrinted: true,
  title: true,
  deadlineKind: true,
  deadlineRaw: true,
  deadlineYear: true,
  deadlineQuarter: true,
  deadlineFrom: true,
  deadlineTo: true,
  deadlineEvery: true,
  document: { select: { key: true, numberCanonical: true } },
} as const;

/** The tasks an agency leads today, in the decisions' order (ids only). */
async function ledTaskIds(agencyId: number): Promise<number[]> {
  const tasks = await db.task.findMany({
    where: { ...LIVE, assignees: { some: { agencyId, role: "LEAD" } } },
    orderBy: [{ document: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return tasks.map((t) => t.id);
}

/**
 * The tasks an agency leads with the person holding each, a page at a time; `without` keeps the
 * tasks nobody holds. Counts are over every task led, whatever the page.
 */
export async function ledTasksWithOwners(
  user: SessionUser,
  agencyId: number,
  opts: { without: boolean; skip: number; take: number },
) {
  assertCanSeeOwners(user, agencyId);
  const [ids, owners] = await Promise.all([ledTaskIds(agencyId), currentTaskOwners(agencyId)]);
  const ownerOf = new Map(owners.map((o) => [o.taskId, o]));
  const withoutIds = ids.filter((id) => !ownerOf.has(id));
  const listed = opts.without ? withoutIds : ids;
  const pageIds = listed.slice(opts.skip, opts.skip + opts.take);
  const [tasks, people] = await Promise.all([
    db.task.findMany({ where: { id: { in: pageIds } }, select: taskSelect }),
    db.user.findMany({
      where: { id: { in: pageIds.flatMap((id) => ownerOf.get(id)?.userId ?? []) } },
      select: { id: true, name: true, email: true },
    }),
  ]);
  const taskOf = new Map(tasks.map((t) => [t.id, t]));
  const personOf = new Map(people.map((p) => [p.id, p]));
  return {
    total: ids.length,
    without: withoutIds.length,
    listed: listed.length,
    items: pageIds.map((id) => {
      const owner = ownerOf.get(id) ?? null;
      return {
        task: taskOf.get(id)!,
        owner: owner ? { ...owner, person: personOf.get(owner.userId)! } : null,
      };
    }),
  };
}

export type LedTaskRow = Awaited<ReturnType<typeof ledTasksWithOwners>>["items"][number];

/**
 * One task's assignment inside one agency: the task, the person now, every assignment newest
 * first (who, by whom, when, why), and, for a reporter of that agency, the colleagues to choose
 * from. Null when the agency does not lead the task (today).
 */
export async function taskOwnerPanel(user: SessionUser, taskId: number, agencyId: number) {
  assertCanSeeOwners(user, agencyId);
  const task = await db.task.findFirst({
    where: { id: taskId, ...LIVE, assignees: { some: { agencyId, role: "LEAD" } } },
    select: taskSelect,
  });
  if (!task) return null;
  const canAssign = canAssignFor(user, agencyId);
  const [rows, owners, colleagues] = await Promise.all([
    db.taskOwner.findMany({ where: { taskId, agencyId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    currentTaskOwners(agencyId),
    canAssign
      ? db.user.findMany({
          where: { agencyId, active: true },
          select: { id: true, name: true, email: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        })
      : Promise.resolve([]),
  ]);
  const named = await db.user.findMany({
    where: { id: { in: [...new Set(rows.flatMap((r) => [r.assignedById, ...(r.userId ? [r.userId] : [])]))] } },
    select: { id: true, name: true, email: true },
  });
  const nameOf = new Map(named.map((u) => [u.id, u]));
  const current = owners.find((o) => o.taskId === taskId) ?? null;
  const latest = rows[0] ?? null;
  return {
    task,
    agencyId,
    canAssign,
    /** The row the form is drawn from: a save based on an older one is refused. */
    latestId: latest?.id ?? 0,
    latest: latest
      ? {
          userId: latest.userId,
          internalDueOn: latest.internalDueOn,
          expectedResult: latest.expectedResult,
        }
      : null,
    current: current ? { ...current, person: nameOf.get(current.userId)! } : null,
    history: rows.map((r) => ({
      id: r.id,
      person: r.userId ? (nameOf.get(r.userId) ?? null) : null,
      internalDueOn: r.internalDueOn,
      expectedResult: r.expectedResult,
      reason: r.reason,
      by: nameOf.get(r.assignedById) ?? null,
      createdAt: r.createdAt,
    })),
    colleagues,
  };
}

export type TaskOwnerPanelData = NonNullable<Awaited<ReturnType<typeof taskOwnerPanel>>>;

/** The person holding each of these tasks for the agency (name and internal deadline), for the workspace's rows. */
export async function ownersOfTasks(user: SessionUser, agencyId: number, taskIds: number[]) {
  assertCanSeeOwners(user, agencyId);
  const wanted = new Set(taskIds);
  const owners = (await currentTaskOwners(agencyId)).filter((o) => wanted.has(o.taskId));
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(owners.map((o) => o.userId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return new Map(owners.map((o) => [o.taskId, { name: nameOf.get(o.userId) ?? "", internalDueOn: o.internalDueOn }]));
}
