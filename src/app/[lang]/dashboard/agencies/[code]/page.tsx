import { forbidden, notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { Overview } from "@/modules/dashboards/components/Overview";
import { parseFilters } from "@/modules/dashboards/filters";
import { canReadAgency } from "@/modules/reporting/policy";
import { findAgencyByCode } from "@/modules/agencies/queries";
import { UnownedTasks } from "@/modules/task-owners/components/UnownedTasks";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function AgencyDashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string; code: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { lang, m } = await resolveLang(params);
  const { code } = await params;
  const { user, allowed } = await pageUser(lang, "reporting.read", `/${lang}/dashboard/agencies/${code}`);
  if (!allowed) forbidden();
  const agency = /^[A-Z0-9-]{1,40}$/.test(code) ? await findAgencyByCode(code) : null;
  if (!agency) notFound();
  // An agency's own staff, and national roles; nobody else.
  if (!canReadAgency(user, agency.id)) forbidden();
  const filters = parseFilters(await searchParams);
  return (
    <div className="space-y-8">
      <Overview lang={lang} m={m} filters={{ ...filters, agencyId: agency.id }} agency={agency} />
      <UnownedTasks lang={lang} m={m} user={user} agency={agency} />
    </div>
  );
}
