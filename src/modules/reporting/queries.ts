import "server-only";
import { LIVE } from "@/modules/catalogue/live";
import { findPeriod, requirePeriod } from "@/modules/periods/queries";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { previousQuarter } from "@/lib/periods";
import { assertCanReadAgency, readableAgencyWhere } from "./policy";
import { editable, needsExplanation, readyToSubmit } from "./rules";

export type ItemState = "NOT_STARTED" | "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

const nationalTargetSelect = {
  where: { year: { in: [2025, 2030] } },
  select: {
    year: true,
    comparator: true,
    value: true,
    scopeKind: true,
    scopeLevel: true,
    document: { select: { key: true, numberCanonical: true } },
  },
  orderBy: [{ year: "asc" as const }, { documentId: "asc" as const }],
};

type Quarter = { year: number; quarter: number };
/** The records of a quarter and of the one before, from the list of both. */
function thisAndLast<T extends Quarter>(
  rows: T[],
  at: Quarter,
  prev: Quarter,
): { current: T | null; previous: T | null } {
  const of = (q: Quarter) => rows.find((r) => r.year === q.year && r.quarter === q.quarter) ?? null;
  return { current: of(at), previous: of(prev) };
}

/** An agency's records for a quarter and for the one before it. */
function quarterAndPrevious(agencyId: number, at: Quarter, prev: Quarter) {
  return { agencyId, OR: [at, { year: prev.year, quarter: prev.quarter }] };
}

/** This quarter's record, what the quarter before reported (as `previousOf` reads it), the state. */
function withPrevious<T extends Quarter & { state: string }, V>(
  rows: T[],
  at: Quarter,
  prev: Quarter,
  previousOf: (r: T) => V,
) {
  const { current, previous } = thisAndLast(rows, at, prev);
  return {
    current,
    previous: previous ? previousOf(previous) : null,
    state: (current?.state ?? "NOT_STARTED") as ItemState,
  };
}

/** Everything an agency must report for a quarter: assigned indicators and the tasks it leads. */
export async function indicatorItems(user: SessionUser, agencyId: number, year: number, quarter: number) {
  assertCanReadAgency(user, agencyId);
  const prev = previousQuarter({ year, quarter });
  const assignments = await db.indicatorAssignment.findMany({
    where: { agencyId },
    include: {
      indicator: {
        select: {
          id: true,
          code: true,
          nameVi: true,
          nameEn: true,
          kind: true,
          unit: true,
          minValue: true,
          maxValue: true,
          targets: nationalTargetSelect,
          observations: { where: quarterAndPrevious(agencyId, { year, quarter }, prev) },
        },
      },
    },
    orderBy: { indicator: { code: "asc" } },
  });
  return assignments.map(({ indicator: { targets, observations, ...indicator } }) => {
    const { current, previous, state } = withPrevious(
      observations,
      { year, quarter },
      prev,
      (o) => o.approvedValue ?? o.value,
    );
    return { indicator, targets, current, previousValue: previous, state };
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
    ...LIVE,
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
      select: {
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
        dueOn: true,
        document: { select: { key: true, numberCanonical: true } },
        progresses: { where: quarterAndPrevious(agencyId, { year, quarter }, prev) },
      },
    }),
    db.task.count({ where }),
  ]);
  return {
    total,
    items: tasks.map(({ document, progresses, ...task }) => {
      const { current, previous, state } = withPrevious(
        progresses,
        { year, quarter },
        prev,
        (p) => p.approvedPercent ?? p.percentComplete,
      );
      return {
        task: { ...task, documentKey: document.key, documentNumber: document.numberCanonical },
        current,
        previousPercent: previous,
        state,
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
    db.observation.groupBy({
      by: ["state"],
      where: { agencyId, year, quarter, indicator: { assignments: { some: { agencyId } } } },
      _count: true,
    }),
    db.taskProgress.groupBy({
      by: ["state"],
      where: { agencyId, year, quarter, task: { assignees: { some: { agencyId, role: "LEAD" } } } },
      _count: true,
    }),
  ]);
  const byState: Record<string, number> = {};
  for (const g of [...obs, ...tps]) byState[g.state] = (byState[g.state] ?? 0) + g._count;
  const total = indicatorTotal + taskTotal;
  const done = (byState.SUBMITTED ?? 0) + (byState.APPROVED ?? 0);
  const started = Object.values(byState).reduce((a, b) => a + b, 0);
  return {
    total,
    done,
    indicatorTotal,
    taskTotal,
    byState: { ...byState, NOT_STARTED: total - started } as Record<string, number>,
  };
}

export type QueueFilters = {
  agencyId?: number;
  year?: number;
  quarter?: number;
  kind?: "obs" | "task";
  indicatorId?: number;
};

/**
 * Submitted items waiting for a reviewer, across agencies (national roles only), filtered, each
 * with the value approved before it: the item's own (when it was reopened after approval) or else
 * the agency's latest approved value of an earlier quarter.
 */
export async function reviewQueue(opts: QueueFilters & { skip: number; take: number }) {
  const where = {
    state: "SUBMITTED" as const,
    ...(opts.agencyId ? { agencyId: opts.agencyId } : {}),
    ...(opts.year ? { year: opts.year } : {}),
    ...(opts.quarter ? { quarter: opts.quarter } : {}),
  };
  const obsWhere = { ...where, ...(opts.indicatorId ? { indicatorId: opts.indicatorId } : {}) };
  // Oldest submission first, the same page of both kinds.
  const page = { orderBy: [{ submittedAt: "asc" as const }, { id: "asc" as const }], skip: opts.skip, take: opts.take };
  const agency = { select: { code: true, nameVi: true, nameEn: true } };
  const wantObs = opts.kind !== "task";
  // Tasks are not indicators: filtering by indicator leaves only indicator values.
  const wantTasks = opts.kind !== "obs" && !opts.indicatorId;
  const [observations, obsTotal, tasks, taskTotal] = await Promise.all([
    wantObs
      ? db.observation.findMany({
          where: obsWhere,
          ...page,
          include: {
            agency,
            indicator: {
              select: { code: true, nameVi: true, nameEn: true, unit: true, kind: true, targets: nationalTargetSelect },
            },
          },
        })
      : Promise.resolve([]),
    wantObs ? db.observation.count({ where: obsWhere }) : Promise.resolve(0),
    wantTasks
      ? db.taskProgress.findMany({
          where,
          ...page,
          include: {
            agency,
            task: {
              select: { key: true, title: true, numberPrinted: true, document: { select: { numberCanonical: true } } },
            },
          },
        })
      : Promise.resolve([]),
    wantTasks ? db.taskProgress.count({ where }) : Promise.resolve(0),
  ]);
  // The same agency and item in any quarter: where an earlier approved value can be.
  const sameItems = <K extends "indicatorId" | "taskId">(
    rows: ({ agencyId: number } & Record<K, number>)[],
    key: K,
  ) => ({
    agencyId: { in: [...new Set(rows.map((r) => r.agencyId))] },
    [key]: { in: [...new Set(rows.map((r) => r[key]))] },
  });
  const when = { agencyId: true, year: true, quarter: true } as const;
  const [obsHistory, taskHistory] = await Promise.all([
    observations.length
      ? db.observation.findMany({
          where: { ...sameItems(observations, "indicatorId"), approvedValue: { not: null } },
          select: { ...when, indicatorId: true, approvedValue: true },
        })
      : Promise.resolve([]),
    tasks.length
      ? db.taskProgress.findMany({
          where: { ...sameItems(tasks, "taskId"), approvedStatus: { not: null } },
          select: { ...when, taskId: true, approvedStatus: true, approvedPercent: true },
        })
      : Promise.resolve([]),
  ]);
  const earlier = (a: { year: number; quarter: number }, b: { year: number; quarter: number }) =>
    a.year * 4 + a.quarter < b.year * 4 + b.quarter;
  const latestBefore = <T extends { year: number; quarter: number }>(
    rows: T[],
    at: { year: number; quarter: number },
  ) => rows.filter((r) => earlier(r, at)).sort((a, b) => b.year * 4 + b.quarter - (a.year * 4 + a.quarter))[0] ?? null;
  return {
    observations: observations.map((o) => {
      const prior = latestBefore(
        obsHistory.filter((h) => h.agencyId === o.agencyId && h.indicatorId === o.indicatorId),
        o,
      );
      const previous = o.approvedValue ?? prior?.approvedValue ?? null;
      return {
        ...o,
        previousApproved: previous,
        previousPeriod:
          o.approvedValue != null
            ? { year: o.year, quarter: o.quarter }
            : prior
              ? { year: prior.year, quarter: prior.quarter }
              : null,
      };
    }),
    obsTotal,
    tasks: tasks.map((t) => {
      const prior = latestBefore(
        taskHistory.filter((h) => h.agencyId === t.agencyId && h.taskId === t.taskId),
        t,
      );
      const own = t.approvedStatus ? { status: t.approvedStatus, percent: t.approvedPercent } : null;
      return {
        ...t,
        previousApproved: own ?? (prior ? { status: prior.approvedStatus!, percent: prior.approvedPercent } : null),
      };
    }),
    taskTotal,
  };
}

/** What the queue's filters offer: agencies and indicators with waiting items, and the periods. */
export async function queueFilterOptions() {
  const [obsAgencies, taskAgencies, indicators, periods] = await Promise.all([
    db.observation.findMany({ where: { state: "SUBMITTED" }, distinct: ["agencyId"], select: { agencyId: true } }),
    db.taskProgress.findMany({ where: { state: "SUBMITTED" }, distinct: ["agencyId"], select: { agencyId: true } }),
    db.observation.findMany({
      where: { state: "SUBMITTED" },
      distinct: ["indicatorId"],
      select: { indicator: { select: { code: true, nameVi: true, nameEn: true } } },
    }),
    db.reportingPeriod.findMany({
      orderBy: [{ year: "desc" }, { quarter: "desc" }],
      select: { year: true, quarter: true },
    }),
  ]);
  const ids = [...new Set([...obsAgencies, ...taskAgencies].map((a) => a.agencyId))];
  const agencies = await db.agency.findMany({
    where: { id: { in: ids } },
    select: { id: true, code: true, nameVi: true, nameEn: true },
    orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
  });
  return {
    agencies,
    indicators: indicators.map((i) => i.indicator).sort((a, b) => a.code.localeCompare(b.code)),
    periods,
  };
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
  return {
    ...o,
    revisions: o.revisions.map((r) => ({ ...r, author: r.authorId ? (authors.get(r.authorId) ?? null) : null })),
  };
}

export async function taskProgressDetail(user: SessionUser, id: number) {
  const p = await db.taskProgress.findFirst({
    where: { id, ...readableAgencyWhere(user) },
    include: { agency: true, task: { include: { document: true } }, revisions: { orderBy: { version: "desc" } } },
  });
  if (!p) return null;
  const authors = await authorNames(p.revisions.map((r) => r.authorId));
  return {
    ...p,
    revisions: p.revisions.map((r) => ({ ...r, author: r.authorId ? (authors.get(r.authorId) ?? null) : null })),
  };
}

async function authorNames(ids: (number | null)[]) {
  const unique = [...new Set(ids.filter((x): x is number => x != null))];
  const users = await db.user.findMany({
    where: { id: { in: unique } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u]));
}

/**
 * Every item of an agency's quarter that could be submitted as stored (see readyToSubmit), across
 * all pages, with the version the confirmation will name; and how many drafts are not ready.
 */
export async function readyItems(user: SessionUser, agencyId: number, year: number, quarter: number, now = clockNow()) {
  assertCanReadAgency(user, agencyId);
  const prev = previousQuarter({ year, quarter });
  const period = await findPeriod({ year, quarter });
  if (!period) return { ready: [], notReady: 0 };
  const open = { agencyId, year, quarter, state: { in: ["DRAFT" as const, "RETURNED" as const] } };
  const lastRevision = { orderBy: { version: "desc" as const }, take: 1, select: { authorId: true } };
  const [obs, previous, tps] = await Promise.all([
    db.observation.findMany({
      where: { ...open, indicator: { assignments: { some: { agencyId } } } },
      include: { indicator: { select: { id: true, nameVi: true, nameEn: true, kind: true } }, revisions: lastRevision },
      orderBy: { indicator: { code: "asc" } },
    }),
    db.observation.findMany({
      where: { agencyId, year: prev.year, quarter: prev.quarter },
      select: { indicatorId: true, value: true, approvedValue: true },
    }),
    db.taskProgress.findMany({
      where: { ...open, task: { assignees: { some: { agencyId, role: "LEAD" } } } },
      include: {
        task: {
          select: {
            id: true,
            title: true,
            numberPrinted: true,
            document: { select: { numberCanonical: true, sortOrder: true } },
            sortOrder: true,
          },
        },
        revisions: lastRevision,
      },
    }),
  ]);
  const before = new Map(previous.map((o) => [o.indicatorId, o.approvedValue ?? o.value]));
  const savedSinceReturn = (r: { updatedById: number | null; revisions: { authorId: number | null }[] }) =>
    r.revisions[0]?.authorId != null && r.revisions[0].authorId === r.updatedById;
  const ready: { kind: "ind" | "task"; id: number; version: number; labelVi: string; labelEn: string }[] = [];
  let notReady = 0;
  for (const o of obs) {
    const complete =
      o.value != null &&
      !(needsExplanation(before.get(o.indicatorId), o.value, o.indicator.kind) && !o.explanation?.trim());
    if (
      readyToSubmit({
        state: o.state,
        editable: editable(o.state, period, now, o.reopened),
        complete,
        savedSinceReturn: savedSinceReturn(o),
      })
    ) {
      ready.push({
        kind: "ind",
        id: o.indicatorId,
        version: o.version,
        labelVi: o.indicator.nameVi,
        labelEn: o.indicator.nameEn,
      });
    } else notReady++;
  }
  tps.sort((a, b) => a.task.document.sortOrder - b.task.document.sortOrder || a.task.sortOrder - b.task.sortOrder);
  for (const p of tps) {
    const complete = p.status === "NOT_STARTED" || !!p.achieved?.trim();
    if (
      readyToSubmit({
        state: p.state,
        editable: editable(p.state, period, now, p.reopened),
        complete,
        savedSinceReturn: savedSinceReturn(p),
      })
    ) {
      const label = `${p.task.document.numberCanonical ?? ""} · ${p.task.numberPrinted ?? ""} — ${p.task.title.slice(0, 140)}${p.task.title.length > 140 ? "…" : ""}`;
      ready.push({ kind: "task", id: p.taskId, version: p.version, labelVi: label, labelEn: label });
    } else notReady++;
  }
  return { ready, notReady };
}

/** Submitted items waiting for a reviewer, per agency, for the count reviewers land on. */
export async function waitingCounts() {
  const [obs, tps] = await Promise.all([
    db.observation.groupBy({ by: ["agencyId"], where: { state: "SUBMITTED" }, _count: true }),
    db.taskProgress.groupBy({ by: ["agencyId"], where: { state: "SUBMITTED" }, _count: true }),
  ]);
  const byAgency = new Map<number, number>();
  for (const g of [...obs, ...tps]) byAgency.set(g.agencyId, (byAgency.get(g.agencyId) ?? 0) + g._count);
  const agencies = await db.agency.findMany({
    where: { id: { in: [...byAgency.keys()] } },
    select: { id: true, code: true, nameVi: true, nameEn: true },
  });
  const rows = agencies
    .map((a) => ({ ...a, count: byAgency.get(a.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.nameVi.localeCompare(b.nameVi, "vi"));
  return { total: rows.reduce((s, r) => s + r.count, 0), rows };
}

/** Agency and indicator codes from the queue's URL, as ids (unknown codes match nothing). */
export async function resolveQueueCodes(codes: { agency?: string; indicator?: string }) {
  const [agency, indicator] = await Promise.all([
    codes.agency ? db.agency.findUnique({ where: { code: codes.agency }, select: { id: true } }) : null,
    codes.indicator ? db.indicator.findUnique({ where: { code: codes.indicator }, select: { id: true } }) : null,
  ]);
  return {
    agencyId: codes.agency ? (agency?.id ?? -1) : undefined,
    indicatorId: codes.indicator ? (indicator?.id ?? -1) : undefined,
  };
}

/** The agencies a national user can open the workspace of: current ones with indicators or led tasks. */
export async function reportingAgencies(user: SessionUser) {
  if (!can(user.role, "national.read")) return [];
  return db.agency.findMany({
    where: { OR: [{ indicatorAssignments: { some: {} } }, { assignments: { some: { role: "LEAD" } } }], validTo: null },
    select: { id: true, code: true, nameVi: true, nameEn: true },
    orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
  });
}

/** The names of an agency whose workspace the user may read. */
export async function workspaceAgency(user: SessionUser, agencyId: number) {
  assertCanReadAgency(user, agencyId);
  return db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { code: true, nameVi: true, nameEn: true } });
}

/** What an item's page shows beside the item: its period's dates and the evidence files its revisions name. */
export async function itemSurroundings(
  user: SessionUser,
  record: { agencyId: number; year: number; quarter: number },
  fileIds: (string | null)[],
) {
  assertCanReadAgency(user, record.agencyId);
  const ids = [...new Set(fileIds.filter((x): x is string => !!x))];
  const [period, files] = await Promise.all([
    requirePeriod(record),
    db.evidenceFile.findMany({ where: { id: { in: ids }, agencyId: record.agencyId } }),
  ]);
  return { period, files };
}
