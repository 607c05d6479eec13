import "server-only";
import { LIVE } from "@/modules/catalogue/live";
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const include = {
  document: { select: { key: true, numberCanonical: true, numberPrinted: true, kind: true, inForce: true } },
  heading: { select: { code: true, title: true } },
  agencies: {
    orderBy: [{ role: "asc" }, { position: "asc" }],
    include: { agency: { select: { code: true, nameVi: true, nameEn: true } } },
  },
  assignees: { orderBy: { agencyId: "asc" }, include: { agency: { select: { code: true } } } },
} satisfies Prisma.TaskInclude;

export async function listTasks(opts: { skip: number; take: number; decision?: string; agency?: string }) {
  const where: Prisma.TaskWhereInput = {
    ...LIVE,
    ...(opts.decision ? { document: { key: opts.decision } } : {}),
    ...(opts.agency ? { assignees: { some: { agency: { code: opts.agency } } } } : {}),
  };
  const [items, total] = await Promise.all([
    db.task.findMany({
      where,
      orderBy: [{ document: { sortOrder: "asc" } }, { sortOrder: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include,
    }),
    db.task.count({ where }),
  ]);
  return { items, total };
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>["items"][number];

/** Every task with its document, heading, lead agencies as named and the agencies that lead it today (the bulk CSV). */
export async function bulkTasks() {
  return db.task.findMany({
    where: LIVE,
    orderBy: [{ document: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    include: {
      document: { select: { key: true, numberCanonical: true, numberPrinted: true } },
      heading: { select: { code: true } },
      agencies: {
        where: { role: "LEAD" },
        orderBy: { position: "asc" },
        include: { agency: { select: { code: true, nameVi: true } } },
      },
      assignees: {
        where: { role: "LEAD" },
        orderBy: { agency: { code: "asc" } },
        include: { agency: { select: { code: true, nameVi: true } } },
      },
    },
  });
}

export type LatestApprovedProgress = {
  taskId: number;
  agencyId: number;
  year: number;
  quarter: number;
  status: string | null;
  percent: number | null;
  approvedAt: Date;
  illustrative: boolean;
};

/** The latest approved update of every (task, agency). */
export async function latestApprovedProgress(): Promise<LatestApprovedProgress[]> {
  return db.$queryRaw<LatestApprovedProgress[]>`
    SELECT DISTINCT ON ("taskId", "agencyId") "taskId", "agencyId", year, quarter, "approvedStatus"::text AS status, "approvedPercent" AS percent, "approvedAt", illustrative
    FROM "TaskProgress" WHERE "approvedAt" IS NOT NULL
    ORDER BY "taskId", "agencyId", year DESC, quarter DESC`;
}
