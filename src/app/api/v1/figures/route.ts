import { figureToApi, findFigures } from "@/modules/figures/queries";
import { figuresQuery } from "@/modules/figures/schemas";
import { corsPreflight, paginated, parseQuery, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/** Published figures with their citations: every release, or with `asOf` what each series said that day. */
export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, figuresQuery);
  if (!q.ok) return q.response;
  const { page, pageSize, indicator, source, asOf } = q.data;
  const all = await findFigures({ indicator, source, asOf });
  const start = (page - 1) * pageSize;
  return paginated(req, all.slice(start, start + pageSize).map(figureToApi), all.length, q.data);
});

export const OPTIONS = corsPreflight;
