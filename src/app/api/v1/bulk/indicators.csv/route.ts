import { toCsv } from "@/lib/csv";
import { targetStatuses } from "@/modules/statuses/queries";
import { listIndicators } from "@/modules/indicators/queries";
import { BULK_TARGET_CSV, bulkTargetRows } from "@/modules/indicators/serialize";
import { CACHE_BULK, corsPreflight, publicCsv, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/** Every indicator with every target, one row per target, with its effective status. */
export const GET = publicRoute(async () => {
  const [{ items }, statuses] = await Promise.all([listIndicators({ skip: 0, take: 100_000 }), targetStatuses()]);
  const rows = bulkTargetRows(items, new Map(statuses.map((s) => [s.targetId, s])));
  return publicCsv(
    "indicators-targets.csv",
    toCsv(
      BULK_TARGET_CSV.map(([column]) => column),
      rows.map((r) => BULK_TARGET_CSV.map(([, field]) => r[field])),
    ),
    CACHE_BULK,
  );
});

export const OPTIONS = corsPreflight;
