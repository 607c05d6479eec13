import "server-only";
// Which agency a signed-in dashboard download covers. National roles choose any agency (or all);
// agency staff always get their own, whatever the query says.
import { agencyIdByCode } from "@/modules/agencies/queries";
import { canReadAgency } from "@/modules/reporting/policy";
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { can } from "@/server/permissions";
import { parseFilters, type DashboardFilters } from "./filters";

export async function dashboardScope(
  req: Request,
  user: SessionUser,
): Promise<{ filters: DashboardFilters; agencyId: number | undefined }> {
  const filters = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
  let agencyId = await agencyIdByCode(filters.agencyCode);
  if (!can(user.role, "national.read")) agencyId = user.agencyId;
  if (agencyId && !canReadAgency(user, agencyId)) throw new ForbiddenError();
  return { filters, agencyId };
}
