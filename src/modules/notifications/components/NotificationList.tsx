import Link from "next/link";
import { Pager } from "@/components/PublicList";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import type { SessionUser } from "@/server/current-user";
import { notificationsPage } from "../queries";
import { notificationText } from "../text";
import { MarkAllRead, OpenNotification } from "./NotificationForms";

/** The signed-in user's notifications, one page, newest first; unread ones say so in words. */
export async function NotificationList({
  lang,
  m,
  user,
  page,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  page: number;
}) {
  const t = m.notifications;
  const { rows, unread, pages } = await notificationsPage(user, page);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
          <p className="text-sm text-slate-700">{t.intro}</p>
        </div>
        <Link href={`/${lang}/notifications/preferences`} className="text-sm text-brand-700 underline">
          {t.preferencesLink}
        </Link>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm" data-testid="unread-count">
          {fill(t.unreadCount, { n: unread })}
        </p>
        {rows.length > 0 && <MarkAllRead m={t} />}
      </div>
      {rows.length === 0 ? (
        <p
          className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700"
          data-testid="notifications-empty"
        >
          {t.empty}
        </p>
      ) : (
        <ul className="space-y-2" data-testid="notifications">
          {rows.map((n) => (
            <li
              key={n.id}
              data-testid="notification"
              data-unread={n.readAt ? undefined : "true"}
              className={`rounded border p-3 text-sm ${n.readAt ? "border-slate-200 bg-white" : "border-l-4 border-brand-700 bg-brand-50"}`}
            >
              <p className="text-xs text-slate-600">
                <span className={n.readAt ? "" : "font-semibold text-brand-800"}>{n.readAt ? t.read : t.unread}</span> ·{" "}
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, lang)}</time>
              </p>
              <OpenNotification id={n.id} lang={lang} label={t.open}>
                {notificationText(lang, n.kind, n.params)}
              </OpenNotification>
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={page}
        pages={pages}
        href={(p) => `/${lang}/notifications?page=${p}`}
        t={{ pagination: t.pagination, prev: t.prev, next: t.next, page: t.page }}
      />
    </div>
  );
}
