import { forbidden } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { findAgencyByCode } from "@/modules/agencies/queries";
import { reportingAgencies } from "@/modules/reporting/queries";
import { OwnersList } from "@/modules/task-owners/components/OwnersList";
import { listQuery } from "@/modules/task-owners/schemas";
import { pageUser } from "@/server/page-auth";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

export default async function TaskOwnersPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { lang, m } = await resolveLang(params);
  const sp = listQuery.parse(await searchParams);
  const { user, allowed } = await pageUser(lang, "reporting.read", `/${lang}/reporting/owners`);
  if (!allowed) forbidden();
  // Agency staff always see their own agency, whatever the URL says; national roles choose one.
  const national = can(user.role, "national.read");
  const agency = national
    ? sp.agency
      ? await findAgencyByCode(sp.agency)
      : null
    : { id: user.agencyId, code: user.agencyCode, nameVi: user.agencyNameVi, nameEn: user.agencyNameEn };
  return (
    <OwnersList
      lang={lang}
      m={m}
      user={user}
      agency={agency}
      agencies={national ? await reportingAgencies(user) : null}
      filters={{ without: sp.without, page: sp.page }}
    />
  );
}
