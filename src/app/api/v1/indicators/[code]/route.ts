import { approvedNationalObservations, getIndicator, latestApprovedNational } from "@/modules/indicators/queries";
import { targetStatuses } from "@/modules/statuses/queries";
import { indicatorToApi, targetStatusToApi } from "@/modules/indicators/serialize";
import { indicatorFigures, indicatorSourcesToApi, indicatorStatusSource } from "@/modules/figures/queries";
import { corsPreflight, localizedApiError, publicJson, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/**
 * One indicator: its targets with their statuses, its approved national series, every published
 * source's values with citations, and the source its statuses use.
 */
export const GET = publicRoute(async (req: Request, ctx: { params: Promise<{ code: string }> }) => {
  const { code } = await ctx.params;
  if (!/^[a-z0-9-]{1,80}$/.test(code)) return localizedApiError(req, 404, "errors.api.indicatorMissing");
  const ind = await getIndicator(code);
  if (!ind) return localizedApiError(req, 404, "errors.api.indicatorMissing");
  const [latest, statuses, series, figures, choice] = await Promise.all([
    latestApprovedNational([ind.id]),
    targetStatuses(),
    approvedNationalObservations(ind.id),
    indicatorFigures(ind.code),
    indicatorStatusSource(ind.id),
  ]);
  const byTarget = new Map(statuses.filter((s) => s.indicatorId === ind.id).map((s) => [s.targetKey, s]));
  const base = indicatorToApi(ind, latest.get(ind.id));
  return publicJson({
    data: {
      ...base,
      targets: base.targets.map((t) => {
        const s = byTarget.get(t.key);
        return { ...t, status: s ? targetStatusToApi(s) : null };
      }),
      observations: series.map((o) => ({
        period: `${o.year}-Q${o.quarter}`,
        year: o.year,
        quarter: o.quarter,
        value: o.approvedValue,
        agency: o.agency.code,
        approvedAt: o.approvedAt?.toISOString() ?? null,
        illustrative: o.illustrative,
      })),
      ...indicatorSourcesToApi(figures, choice),
      links: {
        self: `/api/v1/indicators/${ind.code}`,
        csv: `/api/v1/indicators/${ind.code}/observations.csv`,
        html: `/vi/indicators/${ind.code}`,
      },
    },
  });
});

export const OPTIONS = corsPreflight;
