import { groupNames } from "@/modules/decisions/queries";
import { listTasks } from "@/modules/tasks/queries";
import { taskToApi } from "@/modules/tasks/serialize";
import { corsPreflight, pageQuery, paginated, parseQuery, publicRoute, apiParam } from "@/server/api";

export const dynamic = "force-dynamic";

const query = pageQuery.extend({
  decision: apiParam.decision.optional(),
  agency: apiParam.agency.optional(),
});

export const GET = publicRoute(async (req: Request) => {
  const q = parseQuery(req, query);
  if (!q.ok) return q.response;
  const { page, pageSize, decision, agency } = q.data;
  const [{ items, total }, groups] = await Promise.all([
    listTasks({ skip: (page - 1) * pageSize, take: pageSize, decision, agency }),
    groupNames(),
  ]);
  return paginated(
    req,
    items.map((t) => taskToApi(t, groups)),
    total,
    q.data,
  );
});

export const OPTIONS = corsPreflight;
