import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { adminGate } from "@/modules/admin/gate";
import { BackupsPage } from "@/modules/backups/components/BackupsPage";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.ops.backups.title, robots: { index: false } };
}

export default async function AdminBackupsPage({ params }: Props) {
  const { lang } = await resolveLang(params);
  const user = await adminGate(lang, "admin.backups", `/${lang}/admin/backups`);
  if (!user) forbidden();
  return <BackupsPage lang={lang} user={user} />;
}
