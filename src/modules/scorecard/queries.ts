import "server-only";
import { db } from "@/server/db";
import { memoByVersion, targetStatuses } from "@/modules/dashboards/data";
import { latestApprovedNational } from "@/modules/indicators/queries";

/** Everything the public scorecard shows, from approved data, memoised per data version. */
export async function scorecard() {
  const statuses = await targetStatuses();
  return memoByVersion("scorecard", async () => {
    const [indicators, documents] = await Promise.all([
      db.indicator.findMany({
        where: { targets: { some: {} } },
        orderBy: [{ pillar: "asc" }, { nameVi: "asc" }],
        select: { id: true, code: true, nameVi: true, nameEn: true, pillar: true, unit: true, kind: true },
      }),
      db.document.findMany({
        orderBy: { sortOrder: "asc" },
        include: { _count: { select: { targets: true, tasks: true, commitments: true, notes: true } } },
      }),
    ]);
    const latest = await latestApprovedNational(indicators.map((i) => i.id));
    return { indicators, documents, latest, statuses };
  });
}
