import { csvResponse, toCsv } from "@/lib/csv";
import { taskStatuses } from "@/modules/dashboards/queries";
import { parseFilters } from "@/modules/dashboards/filters";
import { agencyIdByCode } from "@/modules/agencies/queries";
import { withUser } from "@/server/api-auth";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

/** Every (task, lead agency) with its status from approved updates. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) => {
    const f = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
    let agencyId = await agencyIdByCode(f.agencyCode);
    if (!can(user.role, "national.read")) agencyId = user.agencyId;
    const rows = (await taskStatuses()).filter(
      (t) => (!agencyId || t.agencyId === agencyId) && (!f.decision || t.documentKey === f.decision),
    );
    return csvResponse(
      "task-status.csv",
      toCsv(
        ["task", "decision", "lead_agency", "status"],
        rows.map((r) => [r.taskKey, r.documentKey, r.agencyCode, r.status]),
      ),
    );
  });
}
