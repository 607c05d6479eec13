import { toCsv } from "@/lib/csv";
import { corsPreflight, localizedApiError, publicCsv, publicRoute } from "@/server/api";
import { approvedObservationsOf } from "@/modules/indicators/queries";

export const dynamic = "force-dynamic";

/** Approved values of one indicator, every agency, as CSV. */
export const GET = publicRoute(async (req: Request, ctx: { params: Promise<{ code: string }> }) => {
  const { code } = await ctx.params;
  if (!/^[a-z0-9-]{1,80}$/.test(code)) return localizedApiError(req, 404, "errors.api.indicatorMissing");
  const found = await approvedObservationsOf(code);
  if (!found) return localizedApiError(req, 404, "errors.api.indicatorMissing");
  const { unit, rows } = found;
  return publicCsv(
    `${code}.csv`,
    toCsv(
      ["indicator", "agency", "national", "period", "value", "unit", "approved_at", "illustrative"],
      rows.map((r) => [
        code,
        r.agency.code,
        r.isNational,
        `${r.year}-Q${r.quarter}`,
        r.approvedValue,
        unit,
        r.approvedAt?.toISOString(),
        r.illustrative,
      ]),
    ),
  );
});

export const OPTIONS = corsPreflight;
