import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { PeriodsPage } from "@/modules/admin/components/PeriodsPage";
import { adminGate } from "@/modules/admin/gate";
import { firstValues, pageQuery } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.periods.title, robots: { index: false } };
}

export default async function AdminPeriodsPage({ params, searchParams }: Props) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "admin.periods", `/${lang}/admin/periods`);
  if (!user) forbidden();
  const q = pageQuery.parse(firstValues(await searchParams));
  return <PeriodsPage lang={lang} user={user} page={q.page} />;
}
