import { listDecisions } from "@/modules/decisions/queries";
import { decisionToApi } from "@/modules/decisions/serialize";
import { corsPreflight, pageQuery, paginated, parseQuery, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, pageQuery);
  if (!q.ok) return q.response;
  const all = await listDecisions();
  const start = (q.data.page - 1) * q.data.pageSize;
  const items = all.slice(start, start + q.data.pageSize).map((d) => decisionToApi(d, d._count));
  return paginated(req, items, all.length, q.data);
});

export const OPTIONS = corsPreflight;
