// Indicator assignments: the add form, then each indicator with the agencies that report it.
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { fill, getMessages } from "@/i18n/messages";
import { currentAgencies, indicatorOptions, listAssignments } from "../queries";
import { AddAssignmentForm, RemoveAssignmentButton } from "./AssignmentForms";
import { AdminHeading, EmptyState, Pager, SearchBar } from "./layout";

export async function AssignmentsPage({
  lang,
  user,
  q,
  assignedOnly,
  page,
}: {
  lang: Lang;
  user: SessionUser;
  q?: string;
  assignedOnly: boolean;
  page: number;
}) {
  const t = getMessages(lang).admin;
  const [r, indicators, agencies] = await Promise.all([
    listAssignments(user, { q, assignedOnly, page }),
    indicatorOptions(),
    currentAgencies(),
  ]);
  const name = (x: { nameVi: string; nameEn: string }) => (lang === "vi" ? x.nameVi : x.nameEn);
  const path = `/${lang}/admin/assignments`;
  return (
    <div>
      <AdminHeading lang={lang} title={t.assignments.title} intro={t.assignments.intro} />
      <section aria-labelledby="add-title" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="add-title" className="mb-3 text-lg font-semibold">
          {t.assignments.addTitle}
        </h2>
        <AddAssignmentForm
          lang={lang}
          indicators={indicators.map((i) => ({ id: i.id, label: `${i.code} — ${name(i)}` }))}
          agencies={agencies
            .map((a) => ({ id: a.id, label: `${name(a)} (${a.code})` }))
            .sort((x, y) => x.label.localeCompare(y.label, lang))}
        />
      </section>
      <h2 className="mb-3 text-lg font-semibold">{t.assignments.listLabel}</h2>
      <SearchBar
        lang={lang}
        path={path}
        id="assign-q"
        label={t.assignments.searchLabel}
        q={q}
        filtered={!!q || assignedOnly}
      >
        <div className="flex items-center gap-2 py-2">
          <input
            id="assign-only"
            name="assigned"
            type="checkbox"
            value="1"
            defaultChecked={assignedOnly}
            className="size-4"
          />
          <label htmlFor="assign-only" className="text-sm text-slate-800">
            {t.assignments.onlyAssigned}
          </label>
        </div>
      </SearchBar>
      {r.items.length === 0 ? (
        <EmptyState>{t.assignments.empty}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {r.items.map((i) => (
            <li
              key={i.id}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="assignment-indicator"
            >
              <h3 className="font-semibold">
                <span className="font-mono text-xs text-slate-600">{i.code}</span>
                <span className="block">{name(i)}</span>
              </h3>
              {i.assignments.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t.assignments.noneAssigned}</p>
              ) : (
                <ul
                  className="mt-2 flex flex-wrap gap-2"
                  aria-label={fill(t.assignments.assignedCount, { count: i.assignments.length })}
                >
                  {i.assignments.map((a) => (
                    <li
                      key={a.id}
                      className="flex items-center gap-2 rounded border border-slate-300 bg-slate-50 px-2 py-1 text-sm"
                    >
                      <span>
                        {name(a.agency)} <span className="text-slate-600">({a.agency.code})</span>
                      </span>
                      {a.national ? (
                        <span className="rounded bg-brand-100 px-1.5 text-xs font-medium text-brand-800">
                          {t.assignments.nationalBadge}
                        </span>
                      ) : null}
                      <RemoveAssignmentButton lang={lang} id={a.id} agency={name(a.agency)} indicator={name(i)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager
        lang={lang}
        path={path}
        params={{ q, assigned: assignedOnly ? "1" : undefined }}
        page={r.page}
        pages={r.pages}
        total={r.total}
      />
    </div>
  );
}
