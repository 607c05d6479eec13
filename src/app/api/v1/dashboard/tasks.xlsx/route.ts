import { exportScope, tasksWorkbook } from "@/modules/dashboards/export";
import { xlsxResponse } from "@/lib/xlsx";
import { withUser } from "@/server/api-auth";

export const dynamic = "force-dynamic";

/** Task counts by status and every (task, lead agency) behind them, for the view's agency and document. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) =>
    xlsxResponse("task-status.xlsx", await tasksWorkbook(await exportScope(req, user))),
  );
}
