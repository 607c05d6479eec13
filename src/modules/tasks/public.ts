import "server-only";
import { LIVE } from "@/modules/catalogue/live";
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import type { TaskStatus } from "@/lib/status";
import { taskStatuses } from "@/modules/dashboards/queries";
import { matchesText, type TaskFilters } from "./filters";
import { statusByTask } from "./status";

// The public task list: every task with its aggregated status from approved updates only
// (taskStatuses() reads approved progress). Shared by the tasks page and /api/v1/tasks.csv, so
// both apply the same filters.

const select = {
  id: true,
  key: true,
  line: true,
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
  dueOn: true,
  document: { select: { key: true, numberCanonical: true, numberPrinted: true, inForce: true } },
  agencies: {
    where: { role: "LEAD" },
    orderBy: { position: "asc" },
    select: { groupCode: true, agency: { select: { code: true, nameVi: true, nameEn: true } } },
  },
  assignees: { where: { role: "LEAD" }, orderBy: { agencyId: "asc" }, select: { agency: { select: { code: true } } } },
} satisfies Prisma.TaskSelect;

export type PublicTask = Prisma.TaskGetPayload<{ select: typeof select }> & {
  status: TaskStatus | null;
  leadCodes: string[];
};

/** Every task matching the filters (all pages), in document order. */
export async function publicTasks(f: Omit<TaskFilters, "page">): Promise<PublicTask[]> {
  const where: Prisma.TaskWhereInput = {
    ...LIVE,
    ...(f.decision ? { document: { key: f.decision } } : {}),
    ...(f.agency ? { assignees: { some: { role: "LEAD", agency: { code: f.agency } } } } : {}),
  };
  const [tasks, statuses] = await Promise.all([
    db.task.findMany({ where, orderBy: [{ document: { sortOrder: "asc" } }, { sortOrder: "asc" }], select }),
    taskStatuses(),
  ]);
  const recurring = new Set(tasks.filter((t) => t.deadlineKind === "RECURRING").map((t) => t.id));
  const byTask = statusByTask(statuses, (id) => recurring.has(id));
  return tasks
    .map((t) => ({ ...t, status: byTask.get(t.id) ?? null, leadCodes: t.assignees.map((a) => a.agency.code) }))
    .filter(
      (t) =>
        (!f.status || t.status === f.status) &&
        matchesText([t.numberPrinted, t.title, t.product, t.leadRaw, t.document.numberCanonical], f.q),
    );
}

/** Choices of the filters: documents with tasks, and the agencies that lead a task today. */
export async function taskFilterChoices() {
  const [documents, agencies] = await Promise.all([
    db.document.findMany({
      where: { tasks: { some: {} } },
      orderBy: { sortOrder: "asc" },
      select: { key: true, numberCanonical: true, numberPrinted: true, titleVi: true, titleEn: true, inForce: true },
    }),
    db.agency.findMany({
      where: { assignments: { some: { role: "LEAD" } } },
      orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
      select: { code: true, nameVi: true, nameEn: true },
    }),
  ]);
  return { documents, agencies };
}
