import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { agencyIdByCode } from "@/modules/agencies/queries";
import { workspaceAgency } from "@/modules/reporting/queries";
import { deadlineText } from "@/modules/tasks/deadline";
import { TaskOwnerView } from "@/modules/task-owners/components/TaskOwnerPanel";
import { taskOwnerPanel } from "@/modules/task-owners/queries";
import { ownersHref } from "@/modules/task-owners/components/OwnersList";
import { listQuery } from "@/modules/task-owners/schemas";
import { pageUser } from "@/server/page-auth";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

export default async function TaskOwnerPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string; taskId: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { lang, m } = await resolveLang(params);
  const { taskId } = await params;
  const sp = listQuery.parse(await searchParams);
  const { user, allowed } = await pageUser(lang, "reporting.read", `/${lang}/reporting/owners/${taskId}`);
  if (!allowed) forbidden();
  const id = /^[1-9]\d{0,9}$/.test(taskId) ? Number(taskId) : 0;
  if (!id || id > 2_147_483_647) notFound();
  // Agency staff see their own agency's assignment; national roles name the agency in the URL.
  const national = can(user.role, "national.read");
  const agencyId = national ? await agencyIdByCode(sp.agency) : user.agencyId;
  if (!agencyId) notFound();
  const code = national ? sp.agency : undefined;
  const p = await taskOwnerPanel(user, id, agencyId);
  if (!p) notFound();
  const agency = await workspaceAgency(user, agencyId);
  return (
    <article className="space-y-6">
      <Link href={ownersHref(lang, { agency: code })} className="text-sm text-brand-700 hover:underline">
        {m.taskOwners.back}
      </Link>
      <div>
        <h1 className="text-2xl font-bold text-brand-800">
          {p.task.document.numberCanonical ?? ""} · {p.task.numberPrinted ?? ""}
        </h1>
        <p lang="vi">{p.task.title}</p>
        <p className="text-sm text-slate-700">
          {m.taskOwners.deadline}: {deadlineText(p.task, lang, m)}
          {` · ${m.taskOwners.agency}: ${lang === "vi" ? agency.nameVi : agency.nameEn}`}
        </p>
      </div>
      <TaskOwnerView lang={lang} m={m} p={p} />
    </article>
  );
}
