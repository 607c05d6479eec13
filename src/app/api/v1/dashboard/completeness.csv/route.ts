import { csvResponse, toCsv } from "@/lib/csv";
import { completenessGrid } from "@/modules/dashboards/queries";
import { parseFilters } from "@/modules/dashboards/filters";
import { canReadAgency } from "@/modules/reporting/policy";
import { agencyIdByCode } from "@/modules/agencies/queries";
import { withUser } from "@/server/api-auth";
import { ForbiddenError } from "@/server/errors";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

/** Who reported what, per agency and quarter: national roles see all, agency staff their own. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) => {
    const f = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
    let agencyId = await agencyIdByCode(f.agencyCode);
    if (!can(user.role, "national.read")) agencyId = user.agencyId;
    if (agencyId && !canReadAgency(user, agencyId)) throw new ForbiddenError();
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
