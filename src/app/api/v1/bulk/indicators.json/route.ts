import { clockNow } from "@/server/clock";
import { NextResponse } from "next/server";
import { targetStatuses } from "@/modules/statuses/queries";
import { listIndicators } from "@/modules/indicators/queries";
import { bulkTargetRows } from "@/modules/indicators/serialize";
import { CACHE_BULK, CORS, corsPreflight, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/** The same rows as indicators.csv, as JSON: every target of every indicator with its effective status. */
export const GET = publicRoute(async () => {
  const [{ items }, statuses] = await Promise.all([listIndicators({ skip: 0, take: 100_000 }), targetStatuses()]);
  const rows = bulkTargetRows(items, new Map(statuses.map((s) => [s.targetId, s])));
  return NextResponse.json(
    { meta: { generatedAt: clockNow().toISOString(), total: rows.length }, data: rows },
    {
      headers: {
        ...CORS,
        "Cache-Control": CACHE_BULK,
        "Content-Disposition": 'attachment; filename="indicators-targets.json"',
      },
    },
  );
});

export const OPTIONS = corsPreflight;
