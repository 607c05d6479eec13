// Reporting periods, newest first, each with its dates editable in place.
import { clockNow } from "@/server/clock";
import type { Lang } from "@/i18n/config";
import { periodState } from "@/modules/reporting/rules";
import type { SessionUser } from "@/server/current-user";
import { fill, getMessages } from "@/i18n/messages";
import { listPeriods } from "../queries";
import { dayOf } from "../rules";
import { AdminHeading, EmptyState, Pager } from "./layout";
import { PeriodForm } from "./PeriodForm";

const STATE_STYLE = {
  NOT_OPEN: "bg-slate-200 text-slate-800",
  OPEN: "bg-green-100 text-green-900",
  OVERDUE: "bg-amber-100 text-amber-900",
  LOCKED: "bg-slate-700 text-white",
} as const;

export async function PeriodsPage({ lang, user, page }: { lang: Lang; user: SessionUser; page: number }) {
  const t = getMessages(lang).admin;
  const r = await listPeriods(user, { page });
  const now = clockNow();
  return (
    <div>
      <AdminHeading lang={lang} title={t.periods.title} intro={t.periods.intro} />
      {r.items.length === 0 ? (
        <EmptyState>{t.periods.empty}</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label={t.periods.listLabel}>
          {r.items.map((p) => {
            const label = fill(t.periods.period, { quarter: p.quarter, year: p.year });
            const state = periodState(p, now);
            return (
              <li
                key={p.id}
                className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                data-testid="period-row"
              >
                <h2 className="mb-2 flex flex-wrap items-center gap-2 text-base font-semibold">
                  {label}
                  <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_STYLE[state]}`}>
                    {t.periods.states[state]}
                  </span>
                </h2>
                <PeriodForm
                  lang={lang}
                  label={label}
                  period={{ id: p.id, opensAt: dayOf(p.opensAt), dueAt: dayOf(p.dueAt), locksAt: dayOf(p.locksAt) }}
                />
              </li>
            );
          })}
        </ul>
      )}
      <Pager lang={lang} path={`/${lang}/admin/periods`} params={{}} page={r.page} pages={r.pages} total={r.total} />
    </div>
  );
}
