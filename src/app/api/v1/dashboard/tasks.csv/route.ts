import { csvResponse, toCsv } from "@/lib/csv";
import { taskStatuses } from "@/modules/dashboards/queries";
import { dashboardScope } from "@/modules/dashboards/policy";
import { withUser } from "@/server/api-auth";

export const dynamic = "force-dynamic";

/** Every (task, lead agency) with its status from approved updates. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) => {
    const { filters: f, agencyId } = await dashboardScope(req, user);
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
