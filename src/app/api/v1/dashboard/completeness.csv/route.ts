import { csvResponse, toCsv } from "@/lib/csv";
import { completenessGrid } from "@/modules/dashboards/queries";
import { dashboardScope } from "@/modules/dashboards/policy";
import { withUser } from "@/server/api-auth";

export const dynamic = "force-dynamic";

/** Who reported what, per agency and quarter: national roles see all, agency staff their own. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) => {
    const { agencyId } = await dashboardScope(req, user);
    const grid = await completenessGrid({ agencyId });
    return csvResponse(
      "reporting-completeness.csv",
      toCsv(
        ["agency", "agency_name_vi", "period", "expected", "submitted", "late", "status"],
        grid.rows.flatMap((r) =>
          r.cells.map((c) => [r.code, r.nameVi, `${c.year}-Q${c.quarter}`, c.expected, c.submitted, c.late, c.status]),
        ),
      ),
    );
  });
}
