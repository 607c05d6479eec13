import { z } from "zod";
import { AGENCY_KINDS } from "@/lib/enums";
import { agencyToApi, listAgencies } from "@/modules/agencies/queries";
import { corsPreflight, pageQuery, paginated, parseQuery, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  kind: z.enum(AGENCY_KINDS).optional(),
  current: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, kind, current } = q.data;
  const { items, total } = await listAgencies({ skip: (page - 1) * pageSize, take: pageSize, kind, current });
  return paginated(req, items.map(agencyToApi), total, q.data);
});

export const OPTIONS = corsPreflight;
