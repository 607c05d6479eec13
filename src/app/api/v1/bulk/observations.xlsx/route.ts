import { vi } from "@/messages/vi";
import { xlsxStreamResponse } from "@/lib/xlsx";
import { CACHE_BULK, CORS, corsPreflight, publicRoute } from "@/server/api";
import { OBSERVATION_CSV_HEADER, observationRowChunks } from "../observations.csv/chunks";

export const dynamic = "force-dynamic";

/**
 * Every approved observation as one XLSX sheet, the columns of observations.csv, written while it
 * is read 5,000 rows at a time (memory stays bounded; at most the sheet's row limit).
 */
export const GET = publicRoute(() =>
  xlsxStreamResponse(
    "observations.xlsx",
    {
      name: vi.exports.observationsSheet,
      header: OBSERVATION_CSV_HEADER,
      widths: [28, 14, 9, 10, 12, 10, 26, 12],
      cappedNote: vi.exports.capped,
    },
    observationRowChunks(5_000),
    { ...CORS, "Cache-Control": CACHE_BULK },
  ),
);

export const OPTIONS = corsPreflight;
