import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { memoByPublicVersion, memoByStamp } from "@/server/public-memo";
import { taskStatus, type TaskStatus } from "@/lib/status";
import { periodState } from "@/modules/reporting/rules";
import { findFigures, groupFigures, type IndicatorFigures } from "@/modules/figures/queries";

export type CompletenessCell = {
  year: number;
  quarter: number;
  expected: number;
  submitted: number;
  late: number;
  status: "ON_TIME" | "LATE" | "MISSING" | "NOT_DUE";
};
export type CompletenessRow = {
  agencyId: number;
  code: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  cells: CompletenessCell[];
};

/** Who has reported what for the last `count` quarters that have opened: agencies × quarters. */
export type CompletenessGrid = { quarters: { year: number; quarter: number }[]; rows: CompletenessRow[] };

/**
 * Counts submissions, which are not published data: the counts are memoised on a stamp that moves
 * with every reporting write (reportingStamp), not on the published-data version. Periods and
 * assignments are read every time (cheap, and changed by administrators without a revision).
 */
export async function completenessGrid(
  opts: { count?: number; agencyId?: number; kind?: string } = {},
): Promise<CompletenessGrid> {
  return loadCompletenessGrid(opts, clockNow(), true);
}

/** Unmemoised unless `memo` (benchmarks time it directly). */
export async function loadCompletenessGrid(
  opts: { count?: number; agencyId?: number; kind?: string } = {},
  now = clockNow(),
  memo = false,
): Promise<CompletenessGrid> {
  const periods = (
    await db.reportingPeriod.findMany({
      where: { opensAt: { lte: now } },
      orderBy: [{ year: "desc" }, { quarter: "desc" }],
      take: opts.count ?? 6,
    })
  ).reverse();
  if (!periods.length) return { quarters: [], rows: [] };
  const agencyFilter = opts.agencyId ? Prisma.sql`AND a.id = ${opts.agencyId}` : Prisma.empty;
  const kindFilter = opts.kind ? Prisma.sql`AND a.kind::text = ${opts.kind}` : Prisma.empty;
  const first = periods[0];
  const counts = async () =>
    memo
      ? memoByStamp(`completeness:${first.year}-Q${first.quarter}`, await reportingStamp(), () => countSubmitted(first))
      : countSubmitted(first);
  const agencyRows = db.$queryRaw<
    { id: number; code: string; nameVi: string; nameEn: string; kind: string; expected: number }[]
  >(Prisma.sql`
    SELECT a.id, a.code, a."nameVi", a."nameEn", a.kind::text AS kind,
      ((SELECT count(*) FROM "IndicatorAssignment" ia WHERE ia."agencyId" = a.id) +
       (SELECT count(*) FROM "TaskAssignment" ta WHERE ta."agencyId" = a.id AND ta.role = 'LEAD'))::int AS expected
    FROM "Agency" a
    WHERE a."validTo" IS NULL ${agencyFilter} ${kindFilter}
      AND (EXISTS (SELECT 1 FROM "IndicatorAssignment" ia WHERE ia."agencyId" = a.id)
        OR EXISTS (SELECT 1 FROM "TaskAssignment" ta WHERE ta."agencyId" = a.id AND ta.role = 'LEAD'))
    ORDER BY a.kind, a."nameVi"`);
  const [agencies, done] = await Promise.all([agencyRows, counts()]);
  const byKey = new Map(done.map((d) => [`${d.agencyId}/${d.year}/${d.quarter}`, d]));
  const rows = agencies.map((a) => ({
    agencyId: a.id,
    code: a.code,
    nameVi: a.nameVi,
    nameEn: a.nameEn,
    kind: a.kind,
    cells: periods.map((p) => {
      const d = byKey.get(`${a.id}/${p.year}/${p.quarter}`);
      const submitted = Math.min(d?.submitted ?? 0, a.expected);
      const late = d?.late ?? 0;
      const state = periodState(p, now);
      const status: CompletenessCell["status"] =
        submitted >= a.expected
          ? late > 0
            ? "LATE"
            : "ON_TIME"
          : state === "OVERDUE" || state === "LOCKED"
            ? "MISSING"
            : "NOT_DUE";
      return { year: p.year, quarter: p.quarter, expected: a.expected, submitted, late, status };
    }),
  }));
  return { quarters: periods.map((p) => ({ year: p.year, quarter: p.quarter })), rows };
}

/**
 * Moves with every write to the reported items: each save, submission, review and reopening writes
 * a revision row in its transaction (src/modules/reporting/mutations.ts), and new items (the seed)
 * a new id; history is never deleted. Four primary-key look-ups.
 */
async function reportingStamp(): Promise<string> {
  const [r] = await db.$queryRaw<{ stamp: string }[]>`
    SELECT concat_ws('|', (SELECT max(id) FROM "ObservationRevision"), (SELECT max(id) FROM "TaskProgressRevision"),
      (SELECT max(id) FROM "Observation"), (SELECT max(id) FROM "TaskProgress")) AS stamp`;
  return r?.stamp ?? "";
}

/** Items submitted (and of them, late) per agency and quarter from `first` on: the grid's costly part. */
async function countSubmitted(first: { year: number; quarter: number }) {
  return db.$queryRaw<
    { agencyId: number; year: number; quarter: number; submitted: number; late: number }[]
  >(Prisma.sql`
    SELECT "agencyId", year, quarter, sum(submitted)::int AS submitted, sum(late)::int AS late FROM (
      SELECT "agencyId", year, quarter, count(*) FILTER (WHERE state IN ('SUBMITTED', 'APPROVED')) AS submitted, count(*) FILTER (WHERE late AND state IN ('SUBMITTED', 'APPROVED')) AS late
        FROM "Observation" WHERE (year, quarter) >= (${first.year}, ${first.quarter}) GROUP BY 1, 2, 3
      UNION ALL
      SELECT "agencyId", year, quarter, count(*) FILTER (WHERE state IN ('SUBMITTED', 'APPROVED')), count(*) FILTER (WHERE late AND state IN ('SUBMITTED', 'APPROVED'))
        FROM "TaskProgress" WHERE (year, quarter) >= (${first.year}, ${first.quarter}) GROUP BY 1, 2, 3
    ) x GROUP BY 1, 2, 3`);
}

export type TaskStatusRow = {
  taskId: number;
  taskKey: string;
  documentKey: string;
  agencyId: number;
  agencyCode: string;
  status: TaskStatus;
};

/** The status of every (task, lead agency) from the latest approved update and the deadline (memoised per published-data version). */
export async function taskStatuses(): Promise<TaskStatusRow[]> {
  return memoByPublicVersion("tasks", () => loadTaskStatuses(clockNow()));
}

export async function loadTaskStatuses(now = clockNow()): Promise<TaskStatusRow[]> {
  const rows = await db.$queryRaw<
    {
      taskId: number;
      taskKey: string;
      documentKey: string;
      agencyId: number;
      agencyCode: string;
      dueOn: Date | null;
      deadlineKind: string;
      status: string | null;
      completedOn: Date | null;
      approvedAt: Date | null;
    }[]
  >`
    SELECT ta."taskId", t.key AS "taskKey", d.key AS "documentKey", ta."agencyId", a.code AS "agencyCode", t."dueOn", t."deadlineKind"::text AS "deadlineKind",
           p."approvedStatus"::text AS status, p."completedOn", p."approvedAt"
    FROM "TaskAssignment" ta
    JOIN "Task" t ON t.id = ta."taskId"
    JOIN "Document" d ON d.id = t."documentId"
    JOIN "Agency" a ON a.id = ta."agencyId"
    LEFT JOIN LATERAL (
      SELECT "approvedStatus", "completedOn", "approvedAt" FROM "TaskProgress" p
      WHERE p."taskId" = ta."taskId" AND p."agencyId" = ta."agencyId" AND p."approvedAt" IS NOT NULL
      ORDER BY p.year DESC, p.quarter DESC LIMIT 1
    ) p ON true
    WHERE ta.role = 'LEAD' AND t."retiredAt" IS NULL`;
  const out = rows.map((r) => ({
    taskId: r.taskId,
    taskKey: r.taskKey,
    documentKey: r.documentKey,
    agencyId: r.agencyId,
    agencyCode: r.agencyCode,
    status: taskStatus(
      { dueOn: r.dueOn, recurring: r.deadlineKind === "RECURRING" },
      r.status ? { status: r.status as "DONE", completedOn: r.completedOn, updatedAt: r.approvedAt ?? now } : null,
      now,
    ),
  }));
  return out;
}

export const TASK_STATUSES: TaskStatus[] = [
  "DONE_ON_TIME",
  "DONE_LATE",
  "IN_PROGRESS",
  "ONGOING",
  "OVERDUE",
  "NOT_STARTED",
  "NO_REPORT",
];

/**
 * Documents, indicators (with the agencies reporting them) and the agencies that report: the
 * overview's labels and filter choices. Not memoised: assignments change without a published-data
 * version change (src/server/public-memo.ts).
 */
export async function overviewLookups() {
  const [documents, indicators, agencies] = await Promise.all([
    db.document.findMany({
      orderBy: { sortOrder: "asc" },
      select: { key: true, numberCanonical: true, titleVi: true, titleEn: true, inForce: true },
    }),
    db.indicator.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true, unit: true, kind: true } }),
    db.agency.findMany({
      where: {
        validTo: null,
        OR: [{ indicatorAssignments: { some: {} } }, { assignments: { some: { role: "LEAD" } } }],
      },
      select: { id: true, code: true, nameVi: true, nameEn: true },
      orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
    }),
  ]);
  return { documents, indicators, agencies };
}

export type OverviewLookups = Awaited<ReturnType<typeof overviewLookups>>;

export type ChartSeries = {
  /** Approved national values per indicator id, oldest first. */
  actual: Map<number, { year: number; quarter: number; value: number; illustrative: boolean }[]>;
  /** Published figures per indicator code, grouped per source. */
  figures: Map<string, IndicatorFigures>;
};

/**
 * The series the dashboards' small multiples draw, for every shown indicator at once: two queries
 * whatever the number of indicators (never one per chart).
 */
export async function chartSeries(indicatorIds: number[]): Promise<ChartSeries> {
  if (!indicatorIds.length) return { actual: new Map(), figures: new Map() };
  const [rows, figures] = await Promise.all([
    db.observation.findMany({
      where: { indicatorId: { in: indicatorIds }, isNational: true, approvedAt: { not: null } },
      orderBy: [{ year: "asc" }, { quarter: "asc" }],
      select: { indicatorId: true, year: true, quarter: true, approvedValue: true, illustrative: true },
    }),
    findFigures({ indicatorIds }),
  ]);
  const actual: ChartSeries["actual"] = new Map();
  for (const r of rows) {
    if (r.approvedValue == null) continue;
    const list = actual.get(r.indicatorId) ?? [];
    list.push({ year: r.year, quarter: r.quarter, value: r.approvedValue, illustrative: r.illustrative });
    actual.set(r.indicatorId, list);
  }
  return { actual, figures: new Map(groupFigures(figures).map((g) => [g.indicator.code, g])) };
}
