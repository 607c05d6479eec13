import { forbidden } from "next/navigation";
import { z } from "zod";
import { resolveLang } from "@/i18n/server";
import { NotificationList } from "@/modules/notifications/components/NotificationList";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

const query = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export default async function NotificationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { lang, m } = await resolveLang(params);
  const { user, allowed } = await pageUser(lang, "notifications.read", `/${lang}/notifications`);
  if (!allowed) forbidden();
  const { page } = query.parse(await searchParams);
  return <NotificationList lang={lang} m={m} user={user} page={page} />;
}
