import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { AdminIndex } from "@/modules/admin/components/AdminIndex";
import { adminGate } from "@/modules/admin/gate";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.admin.title, robots: { index: false } };
}

export default async function AdminPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "any", `/${lang}/admin`);
  if (!user) forbidden();
  return <AdminIndex lang={lang} user={user} />;
}
