import { clockNow } from "@/server/clock";
import Link from "next/link";
import { FilterInput, FilterSelect } from "@/components/form/FilterField";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatNumber } from "@/lib/format";
import { formatQuarter, periodKey } from "@/lib/periods";
import { deadlineText } from "@/modules/decisions/components/TaskTable";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { listPeriods } from "@/modules/periods/queries";
import { ownersOfTasks } from "@/modules/task-owners/queries";
import {
  indicatorItems,
  progressSummary,
  readyItems,
  reportingAgencies,
  taskItems,
  waitingCounts,
  workspaceAgency,
  type ItemState,
} from "../queries";
import { periodState } from "../rules";
import { indicatorRowView, taskRowView, tasksQuery } from "../view-model";
import { IndicatorEntryForm, type IndicatorRowView } from "./IndicatorEntryForm";
import { SubmitReady } from "./SubmitReady";
import { TaskEntryForm, type TaskRowView } from "./TaskEntryForm";

const PAGE_SIZE = 20;
const STATES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const;

type Period = { year: number; quarter: number; opensAt: Date; dueAt: Date; locksAt: Date };
type Filters = { state?: ItemState; q?: string; page: number; tab?: "indicators" | "tasks" };
type Agency = { id: number; code: string; nameVi: string; nameEn: string };
type R = Messages["reporting"];

/** The quarter (and, for national users, agency) chooser above every view of the workspace. */
async function PeriodPicker({
  lang,
  r,
  period,
  agencies,
  agencyId,
}: {
  lang: Lang;
  r: R;
  period: Period | null;
  agencies: Agency[] | null;
  agencyId: number | null;
}) {
  const now = clockNow();
  const periods = (await listPeriods()).filter((p) => p.opensAt <= now);
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <FilterSelect
        id="period"
        name="period"
        label={r.period}
        value={period ? periodKey(period) : undefined}
        options={periods.map((p) => [
          periodKey(p),
          `${formatQuarter(p, lang)} — ${r.periodState[periodState(p, now)]}`,
        ])}
      />
      {agencies && (
        <FilterSelect
          id="agency"
          name="agency"
          label={r.chooseAgency}
          value={agencies.find((a) => a.id === agencyId)?.code}
          options={agencies.map((a) => [a.code, lang === "vi" ? a.nameVi : a.nameEn])}
        />
      )}
      <button type="submit" className="rounded border border-slate-400 px-3 py-1">
        {r.show}
      </button>
    </form>
  );
}

/** What a reviewer lands on: the number of items waiting, per agency. */
async function WaitingPanel({ lang, r }: { lang: Lang; r: R }) {
  const waiting = await waitingCounts();
  return (
    <section
      aria-labelledby="waiting-title"
      className="rounded border border-brand-700 bg-white p-4"
      data-testid="waiting"
    >
      <h1 id="waiting-title" className="text-xl font-bold text-brand-800">
        {r.waitingTitle}
      </h1>
      <p className="mt-1 text-lg" data-testid="waiting-count">
        {fill(r.waitingCount, { count: formatNumber(waiting.total, lang) })}
      </p>
      {waiting.rows.length > 0 && (
        <>
          <h2 className="mt-2 text-sm font-medium">{r.waitingByAgency}</h2>
          <ul className="mt-1 flex flex-wrap gap-2 text-sm">
            {waiting.rows.slice(0, 20).map((a) => (
              <li key={a.id}>
                <Link
                  href={`/${lang}/review?agency=${a.code}`}
                  className="inline-block rounded border border-slate-300 px-2 py-1 text-brand-700 hover:bg-brand-50"
                >
                  {lang === "vi" ? a.nameVi : a.nameEn}: <strong>{formatNumber(a.count, lang)}</strong>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link
        href={`/${lang}/review`}
        className="mt-3 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {r.openQueue}
      </Link>
    </section>
  );
}

function Heading({
  lang,
  r,
  period,
  agency,
  summary,
}: {
  lang: Lang;
  r: R;
  period: Period;
  agency: Omit<Agency, "id">;
  summary: { done: number; total: number; byState: Record<string, number> };
}) {
  return (
    <div>
      <h1 className="text-2xl font-bold text-brand-800">{fill(r.title, { period: formatQuarter(period, lang) })}</h1>
      <p className="text-slate-700">
        {r.agency}: <strong>{lang === "vi" ? agency.nameVi : agency.nameEn}</strong> ·{" "}
        <span data-testid="period-state">{r.periodState[periodState(period, clockNow())]}</span>
      </p>
      <p className="text-sm text-slate-600">
        {fill(r.dates, {
          opens: formatDate(period.opensAt, lang),
          due: formatDate(period.dueAt, lang),
          locks: formatDate(period.locksAt, lang),
        })}
      </p>
      <p className="mt-2 font-medium" data-testid="progress-count">
        {fill(r.progress, { done: summary.done, total: summary.total })}
      </p>
      <ul className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700">
        {STATES.map((s) => (
          <li key={s}>
            {r.states[s]}: {summary.byState[s] ?? 0}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Tabs({
  r,
  tab,
  base,
  counts,
}: {
  r: R;
  tab: "indicators" | "tasks";
  base: Record<string, string>;
  counts: { indicators: number; tasks: number };
}) {
  return (
    <nav aria-label={r.tabs} className="flex gap-1 border-b border-slate-300" data-testid="workspace-tabs">
      {(["indicators", "tasks"] as const).map((t) => (
        <Link
          key={t}
          href={`?${new URLSearchParams({ ...base, tab: t }).toString()}`}
          aria-current={tab === t ? "page" : undefined}
          className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${tab === t ? "border-slate-300 border-b-white bg-white text-brand-800" : "border-transparent text-brand-700 underline"}`}
        >
          {fill(t === "indicators" ? r.tabIndicators : r.tabTasks, { count: counts[t] })}
        </Link>
      ))}
    </nav>
  );
}

function IndicatorsTab({
  lang,
  r,
  pk,
  formKey,
  rows,
  canWrite,
}: {
  lang: Lang;
  r: R;
  pk: string;
  formKey: string;
  rows: IndicatorRowView[];
  canWrite: boolean;
}) {
  return (
    <section aria-labelledby="ind-title">
      <h2 id="ind-title" className="text-xl font-semibold text-brand-800">
        {fill(r.indicatorsTitle, { count: rows.length })}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-slate-600">{r.indicatorsEmpty}</p>
      ) : (
        <div className="mt-2">
          <IndicatorEntryForm key={formKey} lang={lang} m={r} period={pk} rows={rows} canWrite={canWrite} />
        </div>
      )}
    </section>
  );
}

function TasksTab(p: {
  lang: Lang;
  r: R;
  pk: string;
  agencyCode?: string;
  filters: Filters;
  formKey: string;
  rows: TaskRowView[];
  total: number;
  canWrite: boolean;
  /** The link to the people responsible for each task (task-owners). */
  ownersLink: string;
}) {
  const { r, filters } = p;
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  const qs = (extra: Record<string, string | number | undefined>) =>
    tasksQuery({ period: p.pk, agency: p.agencyCode, state: filters.state, q: filters.q }, extra);
  return (
    <section aria-labelledby="task-title">
      <h2 id="task-title" className="text-xl font-semibold text-brand-800">
        {fill(r.tasksTitle, { count: p.total })}
      </h2>
      <p className="mt-1 text-sm">
        <Link
          href={`/${p.lang}/reporting/owners${p.agencyCode ? `?agency=${p.agencyCode}` : ""}`}
          className="text-brand-700 underline"
        >
          {p.ownersLink}
        </Link>
      </p>
      <form method="get" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="period" value={p.pk} />
        <input type="hidden" name="tab" value="tasks" />
        {p.agencyCode && <input type="hidden" name="agency" value={p.agencyCode} />}
        <FilterSelect
          id="state"
          name="state"
          label={r.filterState}
          value={filters.state ?? ""}
          all={r.allStates}
          options={STATES.map((s) => [s, r.states[s]])}
        />
        <FilterInput id="q" name="q" label={r.search} value={filters.q} />
        <button type="submit" className="rounded border border-slate-400 px-3 py-1">
          {r.apply}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p className="mt-2 text-slate-600">{r.tasksEmpty}</p>
      ) : (
        <div className="mt-2">
          <TaskEntryForm key={p.formKey} lang={p.lang} m={r} period={p.pk} rows={p.rows} canWrite={p.canWrite} />
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={fill(r.page, { page: filters.page, pages })} className="mt-3 flex items-center gap-3 text-sm">
          {filters.page > 1 && (
            <Link href={qs({ page: filters.page - 1 })} className="text-brand-700 underline">
              {r.prev}
            </Link>
          )}
          <span>{fill(r.page, { page: filters.page, pages })}</span>
          {filters.page < pages && (
            <Link href={qs({ page: filters.page + 1 })} className="text-brand-700 underline">
              {r.next}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

export async function Workspace({
  lang,
  m,
  user,
  agencyId,
  period,
  filters,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  agencyId: number | null;
  period: Period | null;
  filters: Filters;
}) {
  const r = m.reporting;
  const national = can(user.role, "national.read");
  const agencies = national ? await reportingAgencies(user) : null;
  const picker = <PeriodPicker lang={lang} r={r} period={period} agencies={agencies} agencyId={agencyId} />;
  if (!period || !agencyId) {
    return (
      <div className="space-y-4">
        {can(user.role, "reporting.review") && <WaitingPanel lang={lang} r={r} />}
        {picker}
        <p className="text-slate-600">{r.noAgency}</p>
      </div>
    );
  }

  const now = clockNow();
  const pk = periodKey(period);
  const canWrite = can(user.role, "reporting.write") && user.agencyId === agencyId;
  const [agency, indicators, tasks, summary, ready] = await Promise.all([
    workspaceAgency(user, agencyId),
    indicatorItems(user, agencyId, period.year, period.quarter),
    taskItems(user, agencyId, period.year, period.quarter, {
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      state: filters.state,
      q: filters.q,
    }),
    progressSummary(user, agencyId, period.year, period.quarter),
    canWrite ? readyItems(user, agencyId, period.year, period.quarter, now) : Promise.resolve(null),
  ]);
  // One form on screen at a time, so one action bar: the tab decides which.
  const tab = filters.tab ?? (indicators.length ? "indicators" : "tasks");
  const ctx = { lang, r, period, now };
  const indicatorRows = indicators.map((i) => indicatorRowView(i, ctx));
  // Each task row also names the person responsible inside the agency (task-owners), if any.
  const owners = await ownersOfTasks(
    user,
    agencyId,
    tasks.items.map((t) => t.task.id),
  );
  const taskRows = tasks.items.map((t) => {
    const row = taskRowView(t, ctx, (task) => deadlineText(task, lang, m));
    const o = owners.get(t.task.id);
    const due = o?.internalDueOn ? ` (${m.taskOwners.internalDue}: ${formatDate(o.internalDueOn, lang)})` : "";
    return { ...row, meta: `${row.meta} · ${m.taskOwners.person}: ${o ? `${o.name}${due}` : m.taskOwners.nobody}` };
  });
  const agencyCode = national ? agency.code : undefined;

  return (
    <div className="space-y-6">
      <Heading lang={lang} r={r} period={period} agency={agency} summary={summary} />
      {picker}
      {canWrite && (
        <p className="flex flex-wrap gap-4 text-sm">
          <a href={`/api/reporting/template?period=${pk}`} className="text-brand-700 underline">
            ⬇ {r.downloadTemplate}
          </a>
          <Link href={`/${lang}/reporting/import?period=${pk}`} className="text-brand-700 underline">
            ⬆ {r.importExcel}
          </Link>
        </p>
      )}
      {periodState(period, now) === "LOCKED" && <p className="rounded bg-slate-100 p-2 text-sm">{r.locked}</p>}
      {ready && (
        <SubmitReady
          lang={lang}
          m={r}
          period={pk}
          items={ready.ready.map((i) => ({
            kind: i.kind,
            id: i.id,
            version: i.version,
            label: lang === "vi" ? i.labelVi : i.labelEn,
          }))}
          notReady={ready.notReady}
        />
      )}
      <Tabs
        r={r}
        tab={tab}
        base={{ period: pk, ...(agencyCode ? { agency: agencyCode } : {}) }}
        counts={{ indicators: indicatorRows.length, tasks: tasks.total }}
      />
      {tab === "indicators" && (
        <IndicatorsTab
          lang={lang}
          r={r}
          pk={pk}
          formKey={`${pk}-${agencyId}`}
          rows={indicatorRows}
          canWrite={canWrite}
        />
      )}
      {tab === "tasks" && (
        <TasksTab
          lang={lang}
          r={r}
          pk={pk}
          agencyCode={agencyCode}
          filters={filters}
          formKey={`${pk}-${agencyId}-${filters.page}-${filters.state}-${filters.q}`}
          rows={taskRows}
          total={tasks.total}
          canWrite={canWrite}
          ownersLink={m.taskOwners.workspaceLink}
        />
      )}
    </div>
  );
}
