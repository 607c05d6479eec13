// The audit log viewer: filters in the URL (a plain GET form, works without JavaScript), newest first.
import Link from "next/link";
import type React from "react";
import { Field as KitField } from "@/components/form/Field";
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { getMessages } from "@/i18n/messages";
import { auditEntityTypes, listAudit } from "../queries";
import { dayOf, formatDateTimeVn } from "../rules";
import type { AuditQuery } from "../schemas";
import { AdminHeading, EmptyState, FilterButtons, Pager } from "./layout";

const input = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 sm:text-sm";
const label = "block text-sm font-medium text-slate-800";

type T = ReturnType<typeof getMessages>["admin"];
type Params = Record<"actor" | "agency" | "type" | "id" | "from" | "to", string | undefined>;

/** One labelled input of the filter form. */
function Field({
  id,
  text,
  hint,
  ...props
}: { id: string; text: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <KitField id={id} label={text} hint={hint} labelClass={label}>
      {(control) => <input {...control} className={input} {...props} />}
    </KitField>
  );
}

function AuditFilters({
  lang,
  t,
  path,
  query,
  params,
  types,
  typeLabel,
}: {
  lang: Lang;
  t: T;
  path: string;
  query: AuditQuery;
  params: Params;
  types: string[];
  typeLabel: (x: string) => string;
}) {
  const badDate = query.from === "invalid" || query.to === "invalid";
  const filtered = Object.values(params).some(Boolean);
  const search = (name: "actor" | "agency" | "id", text: string, maxLength: number, hint?: string) => (
    <Field
      id={`audit-${name}`}
      text={text}
      hint={hint}
      name={name}
      defaultValue={query[name] ?? ""}
      maxLength={maxLength}
      type="search"
      spellCheck={false}
    />
  );
  const date = (name: "from" | "to") => (
    <Field id={`audit-${name}`} text={t.audit[name]} name={name} type="date" defaultValue={params[name] ?? ""} />
  );
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-labelledby="audit-filters"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="audit-filters" className="mb-3 text-lg font-semibold">
        {t.audit.filters}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {search("actor", t.audit.actor, 200)}
        {search("agency", t.audit.agency, 50, t.audit.agencyHint)}
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
          {search("id", t.audit.entityId, 100)}
        </div>
        {date("from")}
        {date("to")}
        <div className="flex items-end gap-3">
          <FilterButtons lang={lang} path={path} filtered={filtered || badDate} label={t.audit.apply} primary />
        </div>
      </div>
      {badDate ? (
        <p role="alert" className="mt-3 text-sm text-amber-800">
          {t.audit.badDate}
        </p>
      ) : null}
    </form>
  );
}

type Entry = Awaited<ReturnType<typeof listAudit>>["items"][number];

function AuditTable({
  t,
  lang,
  items,
  canOpenUsers,
  typeLabel,
}: {
  t: T;
  lang: Lang;
  items: Entry[];
  canOpenUsers: boolean;
  typeLabel: (x: string) => string;
}) {
  const heads = [t.audit.at, t.audit.action, t.audit.who, t.audit.entity, t.audit.change, t.audit.reason];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">{t.audit.listLabel}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {heads.map((h, i) => (
              <th key={i} scope="col" className={`px-3 py-2${i === 0 ? " whitespace-nowrap" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
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
  );
}

export async function AuditPage({ lang, user, query }: { lang: Lang; user: SessionUser; query: AuditQuery }) {
  const t = getMessages(lang).admin;
  const [r, types] = await Promise.all([listAudit(user, query), auditEntityTypes(user)]);
  const path = `/${lang}/admin/audit`;
  const day = (d: Date | "invalid" | undefined) => (d instanceof Date ? dayOf(d) : undefined);
  const params = {
    actor: query.actor,
    agency: query.agency,
    type: query.type,
    id: query.id,
    from: day(query.from),
    to: day(query.to),
  };
  const typeLabel = (x: string) => (t.audit.entityTypes as Record<string, string>)[x] ?? x;
  return (
    <div>
      <AdminHeading lang={lang} title={t.audit.title} intro={t.audit.intro} />
      <AuditFilters lang={lang} t={t} path={path} query={query} params={params} types={types} typeLabel={typeLabel} />
      {r.items.length === 0 ? (
        <EmptyState>{t.audit.empty}</EmptyState>
      ) : (
        <AuditTable
          t={t}
          lang={lang}
          items={r.items}
          canOpenUsers={can(user.role, "admin.users")}
          typeLabel={typeLabel}
        />
      )}
      <Pager lang={lang} path={path} params={params} page={r.page} pages={r.pages} total={r.total} />
    </div>
  );
}
