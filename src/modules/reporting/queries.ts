import "server-only";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/current-user";
import { previousQuarter } from "@/lib/periods";
import { assertCanReadAgency, readableAgencyWhere } from "./policy";

export type ItemState = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

const nationalTargetSelect = {
  where: { year: { in: [2025, 2030] } },
  select: { year: true, comparator: true, value: true, scopeKind: true, scopeLevel: true, document: { select: { key: true, numberCanonical: true } } },
  orderBy: [{ year: "asc" as const }, { documentId: "asc" as const }],
};

/** Everything an agency must report for a quarter: assigned indicators and the tasks it leads. */
export async function indicatorItems(user: SessionUser, agencyId: number, year: number, quarter: number) {
  assertCanReadAgency(user, agencyId);
  const prev = previousQuarter({ year, quarter });
  const assignments = await db.indicatorAssignment.findMany({
    where: { agencyId },
    include: {
      indicator: {
        include: {
          targets: nationalTargetSelect,
          observations: {
            where: { agencyId, OR: [{ year, quarter }, { year: prev.year, quarter: prev.quarter }] },
          },
        },
      },
    },
    orderBy: { indicator: { code: "asc" } },
  });
  return assignments.map(({ indicator }) => {
    const current = indicator.observations.find((o) => o.year === year && o.quarter === quarter) ?? null;
    const previous = indicator.observations.find((o) => o.year === prev.year && o.quarter === prev.quarter) ?? null;
    return {
      indicator: {
        id: indicator.id,
        code: indicator.code,
        nameVi: indicator.nameVi,
        nameEn: indicator.nameEn,
        kind: indicator.kind,
        unit: indicator.unit,
        minValue: indicator.minValue,
        maxValue: indicator.maxValue,
      },
      targets: indicator.targets,
      current,
      previousValue: previous ? (previous.approvedValue ?? previous.value) : null,
      state: (current?.state ?? "NOT_STARTED") as ItemState,
    };
  });
}

export type IndicatorItem = Awaited<ReturnType<typeof indicatorItems>>[number];

export async function taskItems(
  user: SessionUser,
  agencyId: number,
  year: number,
  quarter: number,
  opts: { skip: number; take: number; state?: ItemState; q?: string },
) {
  assertCanReadAgency(user, agencyId);
  const prev = previousQuarter({ year, quarter });
  const stateWhere =
    opts.state === "NOT_STARTED"
      ? { progresses: { none: { agencyId, year, quarter } } }
      : opts.state
        ? { progresses: { some: { agencyId, year, quarter, state: opts.state } } }
        : {};
  const where = {
    assignees: { some: { agencyId, role: "LEAD" as const } },
    ...stateWhere,
    ...(opts.q ? { title: { contains: opts.q, mode: "insensitive" as const } } : {}),
  };
  const [tasks, total] = await Promise.all([
    db.task.findMany({
      where,
      orderBy: [{ document: { sortOrder: "asc" } }, { sortOrder: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include: {
        document: { select: { key: true, numberCanonical: true } },
        progresses: { where: { agencyId, OR: [{ year, quarter }, { year: prev.year, quarter: prev.quarter }] } },
      },
    }),
    db.task.count({ where }),
  ]);
  return {
    total,
    items: tasks.map((t) => {
      const current = t.progresses.find((p) => p.year === year && p.quarter === quarter) ?? null;
      const previous = t.progresses.find((p) => p.year === prev.year && p.quarter === prev.quarter) ?? null;
      return {
        task: {
          id: t.id,
          key: t.key,
          numberPrinted: t.numberPrinted,
          title: t.title,
          documentKey: t.document.key,
          documentNumber: t.document.numberCanonical,
          deadlineKind: t.deadlineKind,
          deadlineRaw: t.deadlineRaw,
          deadlineYear: t.deadlineYear,
          deadlineQuarter: t.deadlineQuarter,
          deadlineFrom: t.deadlineFrom,
          deadlineTo: t.deadlineTo,
          deadlineEvery: t.deadlineEvery,
          dueOn: t.dueOn,
        },
        current,
        previousPercent: previous ? (previous.approvedPercent ?? previous.percentComplete) : null,
        state: (current?.state ?? "NOT_STARTED") as ItemState,
      };
    }),
  };
}

export type TaskItem = Awaited<ReturnType<typeof taskItems>>["items"][number];

/** Counts per state over all items of the agency and quarter, for "12 of 31 done". */
export async function progressSummary(user: SessionUser, agencyId: number, year: number, quarter: number) {
  assertCanReadAgency(user, agencyId);
  const [indicatorTotal, taskTotal, obs, tps] = await Promise.all([
    db.indicatorAssignment.count({ where: { agencyId } }),
    db.taskAssignment.count({ where: { agencyId, role: "LEAD" } }),
    db.observation.groupBy({ by: ["state"], where: { agencyId, year, quarter, indicator: { assignments: { some: { agencyId } } } }, _count: true }),
    db.taskProgress.groupBy({ by: ["state"], where: { agencyId, year, quarter, task: { assignees: { some: { agencyId, role: "LEAD" } } } }, _count: true }),
  ]);
  const byState: Record<string, number> = {};
  for (const g of [...obs, ...tps]) byState[g.state] = (byState[g.state] ?? 0) + g._count;
  const total = indicatorTotal + taskTotal;
  const done = (byState.SUBMITTED ?? 0) + (byState.APPROVED ?? 0);
  const started = Object.values(byState).reduce((a, b) => a + b, 0);
  return { total, done, indicatorTotal, taskTotal, byState: { ...byState, NOT_STARTED: total - started } as Record<string, number> };
}

/** Submitted items waiting for a reviewer, across agencies (national roles only). */
export async function reviewQueue(opts: { agencyId?: number; year?: number; quarter?: number; skip: number; take: number }) {
  const where = {
    state: "SUBMITTED" as const,
    ...(opts.agencyId ? { agencyId: opts.agencyId } : {}),
    ...(opts.year ? { year: opts.year } : {}),
    ...(opts.quarter ? { quarter: opts.quarter } : {}),
  };
  const [observations, obsTotal, tasks, taskTotal] = await Promise.all([
    db.observation.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include: {
        agency: { select: { code: true, nameVi: true, nameEn: true } },
        indicator: { select: { code: true, nameVi: true, nameEn: true, unit: true, kind: true, targets: nationalTargetSelect } },
      },
    }),
    db.observation.count({ where }),
    db.taskProgress.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include: {
        agency: { select: { code: true, nameVi: true, nameEn: true } },
        task: { select: { key: true, title: true, numberPrinted: true, document: { select: { numberCanonical: true } } } },
      },
    }),
    db.taskProgress.count({ where }),
  ]);
  return { observations, obsTotal, tasks, taskTotal };
}

export async function observationDetail(user: SessionUser, id: number) {
  const o = await db.observation.findFirst({
    where: { id, ...readableAgencyWhere(user) },
    include: {
      agency: true,
      indicator: { include: { targets: nationalTargetSelect } },
      revisions: { orderBy: { version: "desc" } },
    },
  });
  if (!o) return null;
  const authors = await authorNames(o.revisions.map((r) => r.authorId));
  return { ...o, revisions: o.revisions.map((r) => ({ ...r, author: r.authorId ? (authors.get(r.authorId) ?? null) : null })) };
}

export async function taskProgressDetail(user: SessionUser, id: number) {
  const p = await db.taskProgress.findFirst({
    where: { id, ...readableAgencyWhere(user) },
    include: { agency: true, task: { include: { document: true } }, revisions: { orderBy: { version: "desc" } } },
  });
  if (!p) return null;
  const authors = await authorNames(p.revisions.map((r) => r.authorId));
  return { ...p, revisions: p.revisions.map((r) => ({ ...r, author: r.authorId ? (authors.get(r.authorId) ?? null) : null })) };
}

async function authorNames(ids: (number | null)[]) {
  const unique = [...new Set(ids.filter((x): x is number => x != null))];
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, u]));
}
