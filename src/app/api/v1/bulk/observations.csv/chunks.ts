import "server-only";
import { toCsv } from "@/lib/csv";
import { db } from "@/server/db";

export const OBSERVATION_CSV_HEADER = ["indicator", "agency", "national", "period", "value", "unit", "approved_at", "illustrative"];

/**
 * Every approved observation as CSV text, read `chunkSize` rows at a time (keyset pagination on
 * indicator, agency, year, quarter — the table's unique key), so a national-scale history is never
 * loaded at once. The first chunk is the byte-order mark and the header row.
 */
export async function* observationCsvChunks(chunkSize = 5_000): AsyncGenerator<string> {
  const [indicators, agencies] = await Promise.all([
    db.indicator.findMany({ select: { id: true, code: true, unit: true } }),
    db.agency.findMany({ select: { id: true, code: true } }),
  ]);
  const indicator = new Map(indicators.map((i) => [i.id, i]));
  const agency = new Map(agencies.map((a) => [a.id, a.code]));
  const head = toCsv(OBSERVATION_CSV_HEADER, []);
  yield head;
  let after: { indicatorId: number; agencyId: number; year: number; quarter: number } | null = null;
  for (;;) {
    const rows: { indicatorId: number; agencyId: number; year: number; quarter: number; isNational: boolean; approvedValue: number | null; approvedAt: Date | null; illustrative: boolean }[] =
      await db.observation.findMany({
        where: { approvedAt: { not: null } },
        orderBy: [{ indicatorId: "asc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
        ...(after ? { cursor: { indicatorId_agencyId_year_quarter: after }, skip: 1 } : {}),
        take: chunkSize,
        select: { indicatorId: true, agencyId: true, year: true, quarter: true, isNational: true, approvedValue: true, approvedAt: true, illustrative: true },
      });
    if (!rows.length) return;
    const body = toCsv(
      OBSERVATION_CSV_HEADER,
      rows.map((r) => {
        const i = indicator.get(r.indicatorId);
        return [i?.code, agency.get(r.agencyId), r.isNational, `${r.year}-Q${r.quarter}`, r.approvedValue, i?.unit, r.approvedAt?.toISOString(), r.illustrative];
      }),
    );
    yield body.slice(head.length);
    if (rows.length < chunkSize) return;
    const last = rows[rows.length - 1];
    after = { indicatorId: last.indicatorId, agencyId: last.agencyId, year: last.year, quarter: last.quarter };
  }
}
