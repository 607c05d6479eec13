import { clockNow } from "@/server/clock";
import { vi } from "@/messages/vi";
import { addTableSheet, newWorkbook, xlsxResponse } from "@/lib/xlsx";
import { targetStatuses } from "@/modules/statuses/queries";
import { listIndicators } from "@/modules/indicators/queries";
import { BULK_TARGET_CSV, bulkTargetRows } from "@/modules/indicators/serialize";
import { CACHE_BULK, CORS, corsPreflight, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/** The rows of indicators.csv (every target of every indicator with its effective status) as XLSX. */
export const GET = publicRoute(async () => {
  const [{ items }, statuses] = await Promise.all([listIndicators({ skip: 0, take: 100_000 }), targetStatuses()]);
  const rows = bulkTargetRows(items, new Map(statuses.map((s) => [s.targetId, s])));
  const wb = newWorkbook(clockNow());
  addTableSheet(
    wb,
    vi.exports.indicatorsSheet,
    BULK_TARGET_CSV.map(([column]) => column),
    rows.map((r) => BULK_TARGET_CSV.map(([, field]) => r[field] as string | number | boolean | null)),
  );
  return xlsxResponse("indicators-targets.xlsx", wb, { ...CORS, "Cache-Control": CACHE_BULK });
});

export const OPTIONS = corsPreflight;
