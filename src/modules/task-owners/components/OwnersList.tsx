// The tasks an agency leads with the person responsible for each, filterable to those without a
// person, a page at a time. Agency staff see their own agency; national roles choose one.
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate } from "@/lib/format";
import { deadlineText } from "@/modules/tasks/deadline";
import type { SessionUser } from "@/server/current-user";
import { ledTasksWithOwners } from "../queries";

export const OWNERS_PAGE_SIZE = 25;

type Agency = { id: number; code: string; nameVi: string; nameEn: string };

/** The list's address with its filters: the agency only for national roles (others always get their own). */
export function ownersHref(lang: Lang, q: { agency?: string; without?: boolean; page?: number }) {
  const sp = new URLSearchParams();
  if (q.agency) sp.set("agency", q.agency);
  if (q.without) sp.set("without", "1");
  if (q.page && q.page > 1) sp.set("page", String(q.page));
  const s = sp.toString();
  return `/${lang}/reporting/owners${s ? `?${s}` : ""}`;
}

export async function OwnersList({
  lang,
  m,
  user,
  agency,
  agencies,
  filters,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  agency: Agency | null;
  /** The agencies a national user may choose from; null for agency staff. */
  agencies: Agency[] | null;
  filters: { without: boolean; page: number };
}) {
  const t = m.taskOwners;
  const name = (a: { nameVi: string; nameEn: string }) => (lang === "vi" ? a.nameVi : a.nameEn);
  const picker = agencies && (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <div>
        <label htmlFor="owners-agency" className="block text-xs font-medium">
          {t.chooseAgency}
        </label>
        <select
          id="owners-agency"
          name="agency"
          defaultValue={agency?.code ?? ""}
          className="mt-1 block w-full max-w-[18rem] rounded border border-slate-300 bg-white px-2 py-1"
        >
          <option value="">—</option>
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {name(a)}
            </option>
          ))}
        </select>
      </div>
      {filters.without && <input type="hidden" name="without" value="1" />}
      <button type="submit" className="rounded border border-slate-400 px-3 py-1">
        {t.show}
      </button>
    </form>
  );
  const header = (
    <div>
      <h1 className="text-2xl font-bold text-brand-800">{t.listTitle}</h1>
      <p className="text-slate-700">{t.listIntro}</p>
      {agency && (
        <p className="text-slate-700">
          {t.agency}: <strong>{name(agency)}</strong>
        </p>
      )}
    </div>
  );
  if (!agency)
    return (
      <div className="space-y-4">
        {header}
        {picker}
        <p className="text-slate-600">{m.reporting.noAgency}</p>
      </div>
    );

  const code = agencies ? agency.code : undefined;
  const list = await ledTasksWithOwners(user, agency.id, {
    without: filters.without,
    skip: (filters.page - 1) * OWNERS_PAGE_SIZE,
    take: OWNERS_PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(list.listed / OWNERS_PAGE_SIZE));
  const taskHref = (id: number) => `/${lang}/reporting/owners/${id}${code ? `?agency=${code}` : ""}`;
  return (
    <div className="space-y-4">
      {header}
      {picker}
      <p className="font-medium" data-testid="owners-count">
        {fill(t.count, { total: list.total, without: list.without })}
      </p>
      <form method="get" className="flex flex-wrap items-center gap-3 text-sm">
        {code && <input type="hidden" name="agency" value={code} />}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="without" value="1" defaultChecked={filters.without} />
          {t.filterWithout}
        </label>
        <button type="submit" className="rounded border border-slate-400 px-3 py-1">
          {t.apply}
        </button>
      </form>
      {list.items.length === 0 ? (
        <p className="text-slate-600">{t.empty}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t.listTitle}>
          <table className="min-w-full text-sm" data-testid="owners-table">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {t.task}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t.deadline}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t.person}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t.internalDue}
                </th>
                <th scope="col" className="px-2 py-1">
                  {t.expectedResult}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map(({ task, owner }) => (
                <tr key={task.id} className="border-t border-slate-100 align-top" data-task={task.id}>
                  <td className="max-w-md px-2 py-1">
                    <Link href={taskHref(task.id)} className="text-brand-700 underline">
                      {task.document.numberCanonical ?? ""} · {task.numberPrinted ?? ""}
                    </Link>
                    <span className="block text-slate-700" lang="vi">
                      {task.title.length > 200 ? `${task.title.slice(0, 200)}…` : task.title}
                    </span>
                  </td>
                  <td className="px-2 py-1">{deadlineText(task, lang, m)}</td>
                  <td className="px-2 py-1" data-testid="owner-cell">
                    {owner ? owner.person.name : <em className="text-amber-900">{t.nobody}</em>}
                  </td>
                  <td className="px-2 py-1">{owner?.internalDueOn ? formatDate(owner.internalDueOn, lang) : "—"}</td>
                  <td className="max-w-xs px-2 py-1">
                    {owner?.expectedResult
                      ? owner.expectedResult.length > 160
                        ? `${owner.expectedResult.slice(0, 160)}…`
                        : owner.expectedResult
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={fill(t.page, { page: filters.page, pages })} className="flex items-center gap-3 text-sm">
          {filters.page > 1 && (
            <Link
              href={ownersHref(lang, { agency: code, without: filters.without, page: filters.page - 1 })}
              className="text-brand-700 underline"
            >
              {t.prev}
            </Link>
          )}
          <span>{fill(t.page, { page: filters.page, pages })}</span>
          {filters.page < pages && (
            <Link
              href={ownersHref(lang, { agency: code, without: filters.without, page: filters.page + 1 })}
              className="text-brand-700 underline"
            >
              {t.next}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
