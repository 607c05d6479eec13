import "server-only";
import { db } from "@/server/db";
import { memoByPublicVersion } from "@/server/public-memo";
import { approvedValues, asOfDate, targetStatuses } from "@/modules/statuses/queries";
import { latestApprovedNational } from "@/modules/indicators/queries";
import { compareQuarters, type Quarter } from "@/lib/periods";

type Latest = Map<number, { year: number; quarter: number; approvedValue: number | null; illustrative: boolean }>;

/** The latest national value of each indicator, today or as published at the end of `asOf`. */
export async function latestNational(ids: number[], asOf: Quarter | null): Promise<Latest> {
  if (!asOf) return latestApprovedNational(ids);
  const rows = await approvedValues(asOfDate(asOf), { historical: true, national: true, indicatorIds: ids });
  const out: Latest = new Map();
  for (const r of rows) {
    if (compareQuarters(r, asOf) > 0) continue;
    const cur = out.get(r.indicatorId);
    if (!cur || compareQuarters(r, cur) > 0)
      out.set(r.indicatorId, {
        year: r.year,
        quarter: r.quarter,
        approvedValue: r.value,
        illustrative: r.illustrative,
      });
  }
  return out;
}

/** Everything the public scorecard shows, from approved data, memoised per published-data version. */
export async function scorecard(asOf: Quarter | null = null) {
  const statuses = await targetStatuses(asOf);
  return memoByPublicVersion(`scorecard:${asOf ? `${asOf.year}-Q${asOf.quarter}` : "now"}`, async () => {
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
    const latest = await latestNational(
      indicators.map((i) => i.id),
      asOf,
    );
    return { indicators, documents, latest, statuses };
  });
}
