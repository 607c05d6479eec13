import { latestApprovedNational, listIndicators } from "@/modules/indicators/queries";
import { indicatorToApi } from "@/modules/indicators/serialize";
import { corsPreflight, pageQuery, paginated, parseQuery, publicRoute, apiParam } from "@/server/api";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  pillar: apiParam.pillar.optional(),
  decision: apiParam.decision.optional(),
});

export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, pillar, decision } = q.data;
  const { items, total } = await listIndicators({ skip: (page - 1) * pageSize, take: pageSize, pillar, decision });
  const latest = await latestApprovedNational(items.map((i) => i.id));
  return paginated(
    req,
    items.map((i) => indicatorToApi(i, latest.get(i.id))),
    total,
    q.data,
  );
});

export const OPTIONS = corsPreflight;
