import { forbidden } from "next/navigation";
import { z } from "zod";
import { resolveLang } from "@/i18n/server";
import { Workspace } from "@/modules/reporting/components/Workspace";
import { parsePeriodKey } from "@/lib/periods";
import { agencyIdByCode } from "@/modules/agencies/queries";
import { periodOrDefault } from "@/modules/periods/queries";
import { pageUser } from "@/server/page-auth";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

const query = z.object({
  period: z.string().optional(),
  agency: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  state: z.enum(["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED"]).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  tab: z.enum(["indicators", "tasks"]).optional().catch(undefined),
});

export default async function ReportingPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { lang, m } = await resolveLang(params);
  const sp = query.parse(await searchParams);
  const { user, allowed } = await pageUser(lang, "reporting.read", `/${lang}/reporting`);
  if (!allowed) forbidden();
  const key = parsePeriodKey(sp.period);
  const period = await periodOrDefault(key);
  // Reporters and viewers always see their own agency, whatever the URL says.
  let agencyId: number | null = user.agencyId;
  if (can(user.role, "national.read")) {
    agencyId = (await agencyIdByCode(sp.agency)) ?? null;
  }
  return (
    <Workspace
      lang={lang}
      m={m}
      user={user}
      agencyId={agencyId}
      period={period}
      filters={{ state: sp.state, q: sp.q, page: sp.page, tab: sp.tab }}
    />
  );
}
