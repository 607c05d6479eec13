import "server-only";
import { db } from "@/server/db";

export async function listDecisions() {
  return db.document.findMany({
    orderBy: { sortOrder: "asc" },
    include: { _count: { select: { targets: true, tasks: true, commitments: true, notes: true } } },
  });
}

export async function getDecision(key: string) {
  return db.document.findUnique({
    where: { key },
    include: {
      targets: { include: { indicator: true }, orderBy: [{ line: "asc" }, { year: "asc" }, { id: "asc" }] },
      commitments: { orderBy: { line: "asc" } },
      headings: { orderBy: { sortOrder: "asc" } },
      tasks: {
        orderBy: { sortOrder: "asc" },
        include: {
          agencies: {
            orderBy: [{ role: "asc" }, { position: "asc" }],
            include: { agency: { select: { code: true, nameVi: true, nameEn: true, shortVi: true } } },
          },
          _count: { select: { assignees: true } },
        },
      },
      notes: { orderBy: [{ line: "asc" }, { id: "asc" }] },
    },
  });
}

export type DecisionDetail = NonNullable<Awaited<ReturnType<typeof getDecision>>>;

export async function groupNames(): Promise<Map<string, { nameVi: string; nameEn: string | null }>> {
  const groups = await db.agencyGroup.findMany({ select: { code: true, nameVi: true, nameEn: true } });
  return new Map(groups.map((g) => [g.code, { nameVi: g.nameVi, nameEn: g.nameEn }]));
}

/** Every document's key, in the documents' order (the sitemap). */
export async function documentKeys(): Promise<string[]> {
  return (await db.document.findMany({ orderBy: { sortOrder: "asc" }, select: { key: true } })).map((d) => d.key);
}
