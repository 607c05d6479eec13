import { listSources } from "@/modules/figures/queries";
import { corsPreflight, pageQuery, paginated, parseQuery, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, pageQuery);
  if (!q.ok) return q.response;
  const all = await listSources();
  const start = (q.data.page - 1) * q.data.pageSize;
  const items = all
    .slice(start, start + q.data.pageSize)
    .map((s) => ({ code: s.code, kind: s.kind, name: { vi: s.nameVi, en: s.nameEn }, url: s.url, figures: s.figures }));
  return paginated(req, items, all.length, q.data);
});

export const OPTIONS = corsPreflight;
