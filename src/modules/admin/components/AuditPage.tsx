// The audit log viewer: filters in the URL (a plain GET form, works without JavaScript), newest first.
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { getMessages } from "@/i18n/messages";
import { auditEntityTypes, listAudit } from "../queries";
import { dayOf, formatDateTimeVn } from "../rules";
import type { AuditQuery } from "../schemas";
import { AdminHeading, EmptyState, Pager } from "./layout";

const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 sm:text-sm";
const label = "block text-sm font-medium text-slate-800";

export async function AuditPage({ lang, user, query }: { lang: Lang; user: SessionUser; query: AuditQuery }) {
  const t = getMessages(lang).admin;
  const [r, types] = await Promise.all([listAudit(user, query), auditEntityTypes(user)]);
  const path = `/${lang}/admin/audit`;
  const day = (d: Date | "invalid" | undefined) => (d instanceof Date ? dayOf(d) : undefined);
  const params = { actor: query.actor, agency: query.agency, type: query.type, id: query.id, from: day(query.from), to: day(query.to) };
  const filtered = Object.values(params).some(Boolean);
  const badDate = query.from === "invalid" || query.to === "invalid";
  const canOpenUsers = can(user.role, "admin.users");
  const typeLabel = (x: string) => (t.audit.entityTypes as Record<string, string>)[x] ?? x;
  return (
    <div>
      <AdminHeading lang={lang} title={t.audit.title} intro={t.audit.intro} />
      <form method="get" action={path} role="search" aria-labelledby="audit-filters" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="audit-filters" className="mb-3 text-lg font-semibold">
          {t.audit.filters}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="audit-actor" className={label}>
              {t.audit.actor}
            </label>
            <input id="audit-actor" name="actor" type="search" defaultValue={query.actor ?? ""} maxLength={200} spellCheck={false} className={input} />
          </div>
          <div>
            <label htmlFor="audit-agency" className={label}>
              {t.audit.agency}
            </label>
            <input id="audit-agency" name="agency" type="search" defaultValue={query.agency ?? ""} maxLength={50} spellCheck={false} aria-describedby="audit-agency-hint" className={input} />
            <p id="audit-agency-hint" className="mt-1 text-xs text-slate-600">
              {t.audit.agencyHint}
            </p>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="audit-type" className={label}>
                {t.audit.entityType}
              </label>
              <select id="audit-type" name="type" defaultValue={query.type ?? ""} className={input}>
                <option value="">{t.audit.anyType}</option>
                {[...new Set([...types, ...(query.type ? [query.type] : [])])].map((x) => (
                  <option key={x} value={x}>
                    {typeLabel(x)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="audit-id" className={label}>
                {t.audit.entityId}
              </label>
              <input id="audit-id" name="id" type="search" defaultValue={query.id ?? ""} maxLength={100} spellCheck={false} className={input} />
            </div>
          </div>
          <div>
            <label htmlFor="audit-from" className={label}>
              {t.audit.from}
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={params.from ?? ""} className={input} />
          </div>
          <div>
            <label htmlFor="audit-to" className={label}>
              {t.audit.to}
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={params.to ?? ""} className={input} />
          </div>
          <div className="flex items-end gap-3">
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
              {t.audit.apply}
            </button>
            {filtered || badDate ? (
              <Link href={path} className="py-2 text-sm text-brand-700 underline">
                {t.common.clear}
              </Link>
            ) : null}
          </div>
        </div>
        {badDate ? (
          <p role="alert" className="mt-3 text-sm text-amber-800">
            {t.audit.badDate}
          </p>
        ) : null}
      </form>
      {r.items.length === 0 ? (
        <EmptyState>{t.audit.empty}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption className="sr-only">{t.audit.listLabel}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 whitespace-nowrap">{t.audit.at}</th>
                <th scope="col" className="px-3 py-2">{t.audit.action}</th>
                <th scope="col" className="px-3 py-2">{t.audit.who}</th>
                <th scope="col" className="px-3 py-2">{t.audit.entity}</th>
                <th scope="col" className="px-3 py-2">{t.audit.change}</th>
                <th scope="col" className="px-3 py-2">{t.audit.reason}</th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((e) => (
                <tr key={e.id} className="border-t border-slate-200 align-top" data-testid="audit-row">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    <time dateTime={e.at.toISOString()}>{formatDateTimeVn(e.at)}</time>
                  </td>
                  <td className="px-3 py-2">
                    {t.audit.actions[e.action] ?? e.action}
                    <span className="block font-mono text-xs text-slate-500">{e.action}</span>
                  </td>
                  <td className="px-3 py-2 break-all">{e.actorEmail ?? t.audit.system}</td>
                  <td className="px-3 py-2">
                    {e.entityType === "User" && e.entityId && canOpenUsers ? (
                      <Link href={`/${lang}/admin/users/${e.entityId}`} className="text-brand-700 underline">
                        {typeLabel(e.entityType)} #{e.entityId}
                      </Link>
                    ) : (
                      <span>
                        {typeLabel(e.entityType)}
                        {e.entityId ? ` #${e.entityId}` : ""}
                      </span>
                    )}
                    {e.agencyCode ? <span className="block text-xs text-slate-600">{e.agencyCode}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <code className="font-mono text-xs break-all text-slate-700">{e.before}</code>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only">, </span>
                    <code className="font-mono text-xs break-all text-slate-900">{e.after}</code>
                  </td>
                  <td className="px-3 py-2">{e.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager lang={lang} path={path} params={params} page={r.page} pages={r.pages} total={r.total} />
    </div>
  );
}
