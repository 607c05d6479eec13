import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { AuditPage } from "@/modules/admin/components/AuditPage";
import { adminGate } from "@/modules/admin/gate";
import { auditQuery, firstValues } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.audit.title, robots: { index: false } };
}

export default async function AdminAuditPage({ params, searchParams }: Props) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "audit.read", `/${lang}/admin/audit`);
  if (!user) forbidden();
  const query = auditQuery.parse(firstValues(await searchParams));
  return <AuditPage lang={lang} user={user} query={query} />;
}
