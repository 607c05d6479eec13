import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { NewUser } from "@/modules/admin/components/UsersPages";
import { adminGate } from "@/modules/admin/gate";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.users.newTitle, robots: { index: false } };
}

export default async function AdminNewUserPage({ params }: Props) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "admin.users", `/${lang}/admin/users/new`);
  if (!user) forbidden();
  return <NewUser lang={lang} />;
}
