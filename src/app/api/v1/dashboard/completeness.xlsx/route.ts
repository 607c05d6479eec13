import { exportScope, completenessWorkbook } from "@/modules/dashboards/export";
import { xlsxResponse } from "@/lib/xlsx";
import { withUser } from "@/server/api-auth";

export const dynamic = "force-dynamic";

/** Who reported what, per agency and quarter: national roles see all, agency staff their own. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) =>
    xlsxResponse("reporting-completeness.xlsx", await completenessWorkbook(await exportScope(req, user))),
  );
}
