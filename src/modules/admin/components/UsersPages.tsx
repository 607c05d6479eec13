// The user screens (server components): list with search, creation, one account's page.
import Link from "next/link";
import type React from "react";
import { notFound } from "next/navigation";
import { TableHead } from "@/components/table/TableHead";
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { fill, getMessages } from "@/i18n/messages";
import { currentAgencies, getUser, listUsers } from "../queries";
import { formatDateTimeVn } from "../rules";
import { AdminHeading, EmptyState, Pager, SearchBar } from "./layout";
import { ActiveForm, CreateUserForm, EditUserForm, ResetPasswordForm, type AgencyOption } from "./UserForms";

const agencyLabel = (a: { code: string; nameVi: string; nameEn: string }, lang: Lang) =>
  `${lang === "vi" ? a.nameVi : a.nameEn} (${a.code})`;

async function agencyOptions(lang: Lang): Promise<AgencyOption[]> {
  const agencies = await currentAgencies();
  return agencies
    .map((a) => ({ id: a.id, label: agencyLabel(a, lang) }))
    .sort((x, y) => x.label.localeCompare(y.label, lang));
}

export async function UsersList({ lang, user, q, page }: { lang: Lang; user: SessionUser; q?: string; page: number }) {
  const t = getMessages(lang).admin;
  const r = await listUsers(user, { q, page });
  const path = `/${lang}/admin/users`;
  return (
    <div>
      <AdminHeading lang={lang} title={t.users.title}>
        <Link
          href={`${path}/new`}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
        >
          {t.users.new}
        </Link>
      </AdminHeading>
      <SearchBar lang={lang} path={path} id="user-q" label={t.users.searchLabel} q={q} filtered={!!q} />
      {r.items.length === 0 ? (
        <EmptyState>{q ? fill(t.users.emptySearch, { q }) : t.users.empty}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">{t.users.listLabel}</caption>
            <TableHead
              className="bg-slate-100 text-slate-700"
              cellClass="px-3 py-2"
              columns={[
                { label: t.users.email },
                { label: t.users.name },
                { label: t.users.role },
                { label: t.users.agency },
                { label: t.users.status },
                { label: <span className="sr-only">{t.users.edit}</span> },
              ]}
            />
            <tbody>
              {r.items.map((u) => (
                <tr key={u.id} className="border-t border-slate-200" data-testid="user-row">
                  <td className="px-3 py-2 font-mono text-xs break-all">
                    {u.email}{" "}
                    {u.id === user.id ? <span className="font-sans text-slate-600">{t.users.you}</span> : null}
                  </td>
                  <td className="px-3 py-2">{u.name}</td>
                  <td className="px-3 py-2">{t.roles[u.role]}</td>
                  <td className="px-3 py-2">{agencyLabel(u.agency, lang)}</td>
                  <td className="px-3 py-2">
                    {u.active ? (
                      <span className="rounded bg-green-100 px-2 py-0.5 text-green-900">{t.users.active}</span>
                    ) : (
                      <span className="rounded bg-slate-200 px-2 py-0.5 text-slate-800">{t.users.inactive}</span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Link
                      href={`/${lang}/admin/users/${u.id}`}
                      className="text-brand-700 underline"
                      aria-label={`${t.users.edit}: ${u.email}`}
                    >
                      {t.users.edit}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager lang={lang} path={path} params={{ q }} page={r.page} pages={r.pages} total={r.total} />
    </div>
  );
}

export async function NewUser({ lang }: { lang: Lang }) {
  const t = getMessages(lang).admin;
  const agencies = await agencyOptions(lang);
  return (
    <div>
      <AdminHeading
        lang={lang}
        title={t.users.newTitle}
        back={{ href: `/${lang}/admin/users`, label: t.users.backToList }}
      />
      <CreateUserForm lang={lang} agencies={agencies} />
    </div>
  );
}

const section = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** One titled panel of the account page. */
function Panel({
  id,
  title,
  wide,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={wide ? `${section} lg:col-span-2` : section}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export async function EditUser({ lang, user, id }: { lang: Lang; user: SessionUser; id: number }) {
  const t = getMessages(lang).admin;
  const [target, agencies] = await Promise.all([getUser(user, id), agencyOptions(lang)]);
  if (!target) notFound();
  // A user of an agency that has since been merged keeps it until an admin picks a current one.
  if (!agencies.some((a) => a.id === target.agencyId)) {
    agencies.unshift({
      id: target.agencyId,
      label: fill(t.users.formerAgency, { name: agencyLabel(target.agency, lang) }),
    });
  }
  // Only these fields go to the browser (never the password hash or session version).
  const data = {
    id: target.id,
    email: target.email,
    name: target.name,
    role: target.role,
    agencyId: target.agencyId,
    active: target.active,
  };
  const isSelf = target.id === user.id;

  return (
    <div>
      <AdminHeading
        lang={lang}
        title={fill(t.users.editTitle, { email: target.email })}
        back={{ href: `/${lang}/admin/users`, label: t.users.backToList }}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t.users.status}</dt>
        <dd>{target.active ? t.users.active : t.users.inactive}</dd>
        <dt className="font-medium text-slate-700">{t.users.createdAt}</dt>
        <dd>{formatDateTimeVn(target.createdAt)}</dd>
        <dt className="font-medium text-slate-700">{t.users.passwordChangedAt}</dt>
        <dd>{formatDateTimeVn(target.passwordChangedAt)}</dd>
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="details-title" title={t.users.detailsTitle} wide>
          <EditUserForm lang={lang} user={data} agencies={agencies} isSelf={isSelf} />
        </Panel>
        <Panel id="status-title" title={t.users.statusTitle}>
          <ActiveForm lang={lang} user={data} isSelf={isSelf} />
        </Panel>
        <Panel id="reset-title" title={t.users.resetTitle}>
          <ResetPasswordForm lang={lang} user={data} isSelf={isSelf} />
        </Panel>
      </div>
    </div>
  );
}
