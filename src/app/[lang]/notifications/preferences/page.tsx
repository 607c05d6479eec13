import Link from "next/link";
import { forbidden } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { PreferencesForm } from "@/modules/notifications/components/PreferencesForm";
import { preferencesOf } from "@/modules/notifications/queries";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function NotificationPreferencesPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  const { user, allowed } = await pageUser(lang, "notifications.read", `/${lang}/notifications/preferences`);
  if (!allowed) forbidden();
  const t = m.notifications.preferences;
  return (
    <div className="space-y-4">
      <Link href={`/${lang}/notifications`} className="text-sm text-brand-700 hover:underline">
        {t.back}
      </Link>
      <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
      <p className="text-sm text-slate-700">{t.intro}</p>
      <PreferencesForm m={t} initial={await preferencesOf(user.id)} />
    </div>
  );
}
