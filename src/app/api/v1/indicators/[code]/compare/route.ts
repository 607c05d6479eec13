import { z } from "zod";
import { corsPreflight, localizedApiError, parseQuery, periodParam, publicJson, publicRoute } from "@/server/api";
import { agencyComparison } from "@/modules/compare/queries";
import { comparisonToApi } from "@/modules/compare/serialize";

export const dynamic = "force-dynamic";

const query = z.object({ period: periodParam.optional() });

/** Every agency's approved value of one indicator for one quarter, ranked, with the per-unit floors. */
export const GET = publicRoute(async (req: Request, ctx: { params: Promise<{ code: string }> }) => {
  const { code } = await ctx.params;
  if (!/^[a-z0-9-]{1,80}$/.test(code)) return localizedApiError(req, 404, "errors.api.indicatorMissing");
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const c = await agencyComparison(code, q.data.period ?? null);
  if (!c) return localizedApiError(req, 404, "errors.api.indicatorMissing");
  return publicJson({ data: comparisonToApi(c) });
});

export const OPTIONS = corsPreflight;
