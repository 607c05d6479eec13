// The administrator's outbox: every mail the portal wrote, newest first, in Vietnam time, with
// its delivery state; without SMTP this is where mail is read (the text part, shown as text).
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { fill, getMessages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { AdminHeading, EmptyState, Pager } from "@/modules/admin/components/layout";
import { mailSettings } from "../config";
import { categoryName } from "../compose";
import { outboxPage } from "../queries";
import type { OutboxQuery } from "../schemas";

export async function OutboxPage({ lang, user, query }: { lang: Lang; user: SessionUser; query: OutboxQuery }) {
  const t = getMessages(lang).mail.outbox;
  const page = await outboxPage(user, query.page);
  const names = t.categoryNames as Record<string, string>;
  const statuses = t.status as Record<string, string>;
  return (
    <div>
      <AdminHeading lang={lang} title={t.title} intro={mailSettings().smtp ? t.introSmtp : t.introOutbox} />
      {page.rows.length === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-3">
                  {t.colTime}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t.colTo}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t.colSubject}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t.colCategory}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t.colStatus}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top" data-testid="outbox-row">
                  <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(r.createdAt, lang)}</td>
                  <td className="py-2 pr-3 break-all">{r.to}</td>
                  <td className="py-2 pr-3">
                    <details>
                      <summary className="cursor-pointer" title={t.showBody}>
                        {r.subject}
                      </summary>
                      <pre className="mt-2 max-w-prose whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-sans text-xs">
                        {r.text}
                      </pre>
                    </details>
                  </td>
                  <td className="py-2 pr-3">{names[r.category] ?? categoryName(lang, r.category)}</td>
                  <td className="py-2 pr-3">
                    {statuses[r.status] ?? r.status}
                    {r.sentAt ? <span className="block text-slate-600">{formatDateTime(r.sentAt, lang)}</span> : null}
                    {r.attempts > 0 && r.status !== "SENT" ? (
                      <span className="block text-red-800">
                        {fill(t.attempts, { n: r.attempts, error: r.lastError ?? "" })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        lang={lang}
        path={`/${lang}/admin/outbox`}
        params={{}}
        page={query.page}
        pages={page.pages}
        total={page.total}
      />
    </div>
  );
}
