import "server-only";
import { toCsv } from "@/lib/csv";
import { approvedObservationChunk, observationLookups, type ObservationKey } from "@/modules/indicators/queries";

export const OBSERVATION_CSV_HEADER = [
  "indicator",
  "agency",
  "national",
  "period",
  "value",
  "unit",
  "approved_at",
  "illustrative",
];

/**
 * Every approved observation as rows of OBSERVATION_CSV_HEADER, read `chunkSize` at a time (keyset
 * pagination on indicator, agency, year, quarter — the table's unique key), so a national-scale
 * history is never loaded at once.
 */
export async function* observationRowChunks(chunkSize = 5_000) {
  const { indicators, agencies } = await observationLookups();
  const indicator = new Map(indicators.map((i) => [i.id, i]));
  const agency = new Map(agencies.map((a) => [a.id, a.code]));
  let after: ObservationKey | null = null;
  for (;;) {
    const rows = await approvedObservationChunk(after, chunkSize);
    if (!rows.length) return;
    yield rows.map((r) => {
      const i = indicator.get(r.indicatorId);
      return [
        i?.code,
        agency.get(r.agencyId),
        r.isNational,
        `${r.year}-Q${r.quarter}`,
        r.approvedValue,
        i?.unit,
        r.approvedAt?.toISOString(),
        r.illustrative,
      ];
    });
    if (rows.length < chunkSize) return;
    const last = rows[rows.length - 1];
    after = { indicatorId: last.indicatorId, agencyId: last.agencyId, year: last.year, quarter: last.quarter };
  }
}

/**
 * The same rows as CSV text; the first chunk is the byte-order mark and the header row. The first
 * rows are read before the header is given out, so a database that cannot be reached is a 503, not
 * a 200 that breaks off.
 */
export async function* observationCsvChunks(chunkSize = 5_000): AsyncGenerator<string> {
  const head = toCsv(OBSERVATION_CSV_HEADER, []);
  const chunks = observationRowChunks(chunkSize);
  const first = await chunks.next();
  yield head;
  if (first.done) return;
  yield toCsv(OBSERVATION_CSV_HEADER, first.value).slice(head.length);
  for await (const rows of chunks) yield toCsv(OBSERVATION_CSV_HEADER, rows).slice(head.length);
}
