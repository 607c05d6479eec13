import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { EditUser } from "@/modules/admin/components/UsersPages";
import { adminGate } from "@/modules/admin/gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lang: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.users.title, robots: { index: false } };
}

export default async function AdminEditUserPage({ params }: Props) {
  const { lang } = await resolveLang(params);
  const { id } = await params;
  const user = await adminGate(lang, "admin.users", `/${lang}/admin/users/${encodeURIComponent(id)}`);
  if (!user) forbidden();
  if (!/^\d{1,9}$/.test(id)) notFound();
  return <EditUser lang={lang} user={user} id={Number(id)} />;
}
