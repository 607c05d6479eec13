import { exportScope, targetsWorkbook } from "@/modules/dashboards/export";
import { xlsxResponse } from "@/lib/xlsx";
import { withUser } from "@/server/api-auth";

export const dynamic = "force-dynamic";

/** The dashboard's target list (every page, in the order shown) with the filter written in the file. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) =>
    xlsxResponse("targets-status.xlsx", await targetsWorkbook(await exportScope(req, user))),
  );
}
