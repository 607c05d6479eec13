import "server-only";
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const include = {
  document: { select: { key: true, numberCanonical: true, numberPrinted: true, kind: true, inForce: true } },
  heading: { select: { code: true, title: true } },
  agencies: { orderBy: [{ role: "asc" }, { position: "asc" }], include: { agency: { select: { code: true, nameVi: true, nameEn: true } } } },
  assignees: { orderBy: { agencyId: "asc" }, include: { agency: { select: { code: true } } } },
} satisfies Prisma.TaskInclude;

export async function listTasks(opts: { skip: number; take: number; decision?: string; agency?: string }) {
  const where: Prisma.TaskWhereInput = {
    ...(opts.decision ? { document: { key: opts.decision } } : {}),
    ...(opts.agency ? { assignees: { some: { agency: { code: opts.agency } } } } : {}),
  };
  const [items, total] = await Promise.all([
    db.task.findMany({ where, orderBy: [{ document: { sortOrder: "asc" } }, { sortOrder: "asc" }], skip: opts.skip, take: opts.take, include }),
    db.task.count({ where }),
  ]);
  return { items, total };
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>["items"][number];
