import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { UsersList } from "@/modules/admin/components/UsersPages";
import { adminGate } from "@/modules/admin/gate";
import { firstValues, userListQuery } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.users.title, robots: { index: false } };
}

export default async function AdminUsersPage({ params, searchParams }: Props) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "admin.users", `/${lang}/admin/users`);
  if (!user) forbidden();
  const q = userListQuery.parse(firstValues(await searchParams));
  return <UsersList lang={lang} user={user} q={q.q} page={q.page} />;
}
