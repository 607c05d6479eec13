import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { AssignmentsPage } from "@/modules/admin/components/AssignmentsPage";
import { adminGate } from "@/modules/admin/gate";
import { assignmentListQuery, firstValues } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.assignments.title, robots: { index: false } };
}

export default async function AdminAssignmentsPage({ params, searchParams }: Props) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "admin.assignments", `/${lang}/admin/assignments`);
  if (!user) forbidden();
  const q = assignmentListQuery.parse(firstValues(await searchParams));
  return <AssignmentsPage lang={lang} user={user} q={q.q} assignedOnly={!!q.assigned} page={q.page} />;
}
