import { forbidden } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { Overview } from "@/modules/dashboards/components/Overview";
import { parseFilters } from "@/modules/dashboards/filters";
import { agencyIdByCode } from "@/modules/agencies/queries";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { lang, m } = await resolveLang(params);
  const { allowed } = await pageUser(lang, "national.read", `/${lang}/dashboard`);
  if (!allowed) forbidden();
  const filters = parseFilters(await searchParams);
  if (filters.agencyCode) filters.agencyId = await agencyIdByCode(filters.agencyCode);
  return <Overview lang={lang} m={m} filters={filters} />;
}
