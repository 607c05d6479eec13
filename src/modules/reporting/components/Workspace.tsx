import { clockNow } from "@/server/clock";
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatNumber, formatThreshold, type Comparator } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { deadlineText } from "@/modules/decisions/components/TaskTable";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { listPeriods, periodKey } from "../periods";
import { indicatorItems, progressSummary, readyItems, taskItems, waitingCounts, type ItemState } from "../queries";
import { editable, periodState } from "../rules";
import { IndicatorEntryForm, type IndicatorRowView } from "./IndicatorEntryForm";
import { SubmitReady } from "./SubmitReady";
import { TaskEntryForm, type TaskRowView } from "./TaskEntryForm";

const PAGE_SIZE = 20;

type Target = { year: number; comparator: string; value: number; scopeKind: string; scopeLevel: string | null; document: { numberCanonical: string | null } };

export function targetsSummary(targets: Target[], unit: string, kind: string, lang: Lang): string {
  const national = targets.filter((t) => t.scopeKind === "NATIONAL" || t.scopeKind === "EACH");
  if (!national.length) return "—";
  return [2025, 2030]
    .map((y) => {
      const ts = national.filter((t) => t.year === y);
      if (!ts.length) return null;
      const uniq = [...new Set(ts.map((t) => formatThreshold({ comparator: t.comparator as Comparator, value: t.value }, unit, kind, lang)))];
      return `${y}: ${uniq.join(", ")}`;
    })
    .filter(Boolean)
    .join(" · ");
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
  period: { year: number; quarter: number; opensAt: Date; dueAt: Date; locksAt: Date } | null;
  filters: { state?: ItemState; q?: string; page: number; tab?: "indicators" | "tasks" };
}) {
  const r = m.reporting;
  const national = can(user.role, "national.read");
  const [periods, agencies] = await Promise.all([
    listPeriods(),
    national
      ? db.agency.findMany({
          where: { OR: [{ indicatorAssignments: { some: {} } }, { assignments: { some: { role: "LEAD" } } }], validTo: null },
          select: { id: true, code: true, nameVi: true, nameEn: true },
          orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
        })
      : Promise.resolve([]),
  ]);
  const now = clockNow();
  const picker = (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <div>
        <label htmlFor="period" className="block text-xs font-medium">{r.period}</label>
        <select id="period" name="period" defaultValue={period ? periodKey(period) : undefined} className="mt-1 rounded border border-slate-300 px-2 py-1">
          {periods
            .filter((p) => p.opensAt <= now)
            .map((p) => (
              <option key={p.id} value={periodKey(p)}>
                {formatQuarter(p, lang)} — {r.periodState[periodState(p, now)]}
              </option>
            ))}
        </select>
      </div>
      {national && (
        <div>
          <label htmlFor="agency" className="block text-xs font-medium">{r.chooseAgency}</label>
          <select id="agency" name="agency" defaultValue={agencies.find((a) => a.id === agencyId)?.code} className="mt-1 max-w-xs rounded border border-slate-300 px-2 py-1">
            {agencies.map((a) => (
              <option key={a.id} value={a.code}>{lang === "vi" ? a.nameVi : a.nameEn}</option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="rounded border border-slate-400 px-3 py-1">{r.show}</button>
    </form>
  );
  if (!period || !agencyId) {
    const waiting = can(user.role, "reporting.review") ? await waitingCounts() : null;
    return (
      <div className="space-y-4">
        {waiting && (
          <section aria-labelledby="waiting-title" className="rounded border border-brand-700 bg-white p-4" data-testid="waiting">
            <h1 id="waiting-title" className="text-xl font-bold text-brand-800">{r.waitingTitle}</h1>
            <p className="mt-1 text-lg" data-testid="waiting-count">{fill(r.waitingCount, { count: formatNumber(waiting.total, lang) })}</p>
            {waiting.rows.length > 0 && (
              <>
                <h2 className="mt-2 text-sm font-medium">{r.waitingByAgency}</h2>
                <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                  {waiting.rows.slice(0, 20).map((a) => (
                    <li key={a.id}>
                      <Link href={`/${lang}/review?agency=${a.code}`} className="inline-block rounded border border-slate-300 px-2 py-1 text-brand-700 hover:bg-brand-50">
                        {lang === "vi" ? a.nameVi : a.nameEn}: <strong>{formatNumber(a.count, lang)}</strong>
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Link href={`/${lang}/review`} className="mt-3 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{r.openQueue}</Link>
          </section>
        )}
        {picker}
        <p className="text-slate-600">{r.noAgency}</p>
      </div>
    );
  }

  const pk = periodKey(period);
  const ps = periodState(period, now);
  const canWrite = can(user.role, "reporting.write") && user.agencyId === agencyId;
  const [agency, indicators, tasks, summary, ready] = await Promise.all([
    db.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { code: true, nameVi: true, nameEn: true } }),
    indicatorItems(user, agencyId, period.year, period.quarter),
    taskItems(user, agencyId, period.year, period.quarter, { skip: (filters.page - 1) * PAGE_SIZE, take: PAGE_SIZE, state: filters.state, q: filters.q }),
    progressSummary(user, agencyId, period.year, period.quarter),
    canWrite ? readyItems(user, agencyId, period.year, period.quarter, now) : Promise.resolve(null),
  ]);
  // One form on screen at a time, so one action bar: the tab decides which.
  const tab = filters.tab ?? (indicators.length ? "indicators" : "tasks");
  const num = (x: number | null | undefined) => (x == null ? "" : formatNumber(x, lang, 4));

  const indicatorRows: IndicatorRowView[] = indicators.map((i) => ({
    indicatorId: i.indicator.id,
    name: lang === "vi" ? i.indicator.nameVi : i.indicator.nameEn,
    unit: i.indicator.unit,
    targetsText: targetsSummary(i.targets, i.indicator.unit, i.indicator.kind, lang),
    previousText: i.previousValue == null ? r.none : formatNumber(i.previousValue, lang),
    state: i.state,
    editable: i.current ? editable(i.current.state, period, now, i.current.reopened) : editable("DRAFT", period, now, false),
    observationId: i.current?.id ?? null,
    version: i.current?.version ?? 0,
    value: num(i.current?.value),
    source: i.current?.source ?? "",
    note: i.current?.note ?? "",
    explanation: i.current?.explanation ?? "",
    evidenceUrl: i.current?.evidenceUrl ?? "",
    reviewComment: i.current?.reviewComment ?? null,
    late: i.current?.late ?? false,
    illustrative: i.current?.illustrative ?? false,
  }));
  const taskRows: TaskRowView[] = tasks.items.map((t) => ({
    taskId: t.task.id,
    title: t.task.title,
    reference: `${t.task.documentNumber ?? t.task.documentKey} · ${t.task.key.split("-").slice(-2).join(" ")}`,
    deadlineText: deadlineText(t.task, lang, m),
    previousText: t.previousPercent == null ? r.none : `${t.previousPercent}%`,
    state: t.state,
    editable: t.current ? editable(t.current.state, period, now, t.current.reopened) : editable("DRAFT", period, now, false),
    progressId: t.current?.id ?? null,
    version: t.current?.version ?? 0,
    status: t.current?.status ?? "NOT_STARTED",
    percent: t.current?.percentComplete == null ? "" : String(t.current.percentComplete),
    achieved: t.current?.achieved ?? "",
    obstacles: t.current?.obstacles ?? "",
    nextSteps: t.current?.nextSteps ?? "",
    evidenceUrl: t.current?.evidenceUrl ?? "",
    reviewComment: t.current?.reviewComment ?? null,
    late: t.current?.late ?? false,
  }));
  const pages = Math.max(1, Math.ceil(tasks.total / PAGE_SIZE));
  const qs = (extra: Record<string, string | number | undefined>) => {
    const p = new URLSearchParams({ period: pk, ...(national ? { agency: agency.code } : {}), tab: "tasks" });
    if (filters.state) p.set("state", filters.state);
    if (filters.q) p.set("q", filters.q);
    for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
    return `?${p.toString()}`;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{fill(r.title, { period: formatQuarter(period, lang) })}</h1>
        <p className="text-slate-700">
          {r.agency}: <strong>{lang === "vi" ? agency.nameVi : agency.nameEn}</strong> · <span data-testid="period-state">{r.periodState[ps]}</span>
        </p>
        <p className="text-sm text-slate-600">
          {fill(r.dates, { opens: formatDate(period.opensAt, lang), due: formatDate(period.dueAt, lang), locks: formatDate(period.locksAt, lang) })}
        </p>
        <p className="mt-2 font-medium" data-testid="progress-count">{fill(r.progress, { done: summary.done, total: summary.total })}</p>
        <ul className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700">
          {(["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const).map((s) => (
            <li key={s}>{r.states[s]}: {summary.byState[s] ?? 0}</li>
          ))}
        </ul>
      </div>
      {picker}
      {canWrite && (
        <p className="flex flex-wrap gap-4 text-sm">
          <a href={`/api/reporting/template?period=${pk}`} className="text-brand-700 underline">⬇ {r.downloadTemplate}</a>
          <Link href={`/${lang}/reporting/import?period=${pk}`} className="text-brand-700 underline">⬆ {r.importExcel}</Link>
        </p>
      )}
      {ps === "LOCKED" && <p className="rounded bg-slate-100 p-2 text-sm">{r.locked}</p>}
      {ready && <SubmitReady lang={lang} m={r} period={pk} items={ready.ready.map((i) => ({ kind: i.kind, id: i.id, version: i.version, label: lang === "vi" ? i.labelVi : i.labelEn }))} notReady={ready.notReady} />}

      <nav aria-label={r.tabs} className="flex gap-1 border-b border-slate-300" data-testid="workspace-tabs">
        {(["indicators", "tasks"] as const).map((t) => (
          <Link
            key={t}
            href={`?${new URLSearchParams({ period: pk, ...(national ? { agency: agency.code } : {}), tab: t }).toString()}`}
            aria-current={tab === t ? "page" : undefined}
            className={`-mb-px rounded-t border px-4 py-2 text-sm font-medium ${tab === t ? "border-slate-300 border-b-white bg-white text-brand-800" : "border-transparent text-brand-700 underline"}`}
          >
            {fill(t === "indicators" ? r.tabIndicators : r.tabTasks, { count: t === "indicators" ? indicatorRows.length : tasks.total })}
          </Link>
        ))}
      </nav>

      {tab === "indicators" && (
      <section aria-labelledby="ind-title">
        <h2 id="ind-title" className="text-xl font-semibold text-brand-800">{fill(r.indicatorsTitle, { count: indicatorRows.length })}</h2>
        {indicatorRows.length === 0 ? (
          <p className="mt-2 text-slate-600">{r.indicatorsEmpty}</p>
        ) : (
          <div className="mt-2">
            <IndicatorEntryForm key={`${pk}-${agencyId}`} lang={lang} m={r} period={pk} rows={indicatorRows} canWrite={canWrite} />
          </div>
        )}
      </section>
      )}

      {tab === "tasks" && (
      <section aria-labelledby="task-title">
        <h2 id="task-title" className="text-xl font-semibold text-brand-800">{fill(r.tasksTitle, { count: tasks.total })}</h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-2 text-sm">
          <input type="hidden" name="period" value={pk} />
          <input type="hidden" name="tab" value="tasks" />
          {national && <input type="hidden" name="agency" value={agency.code} />}
          <div>
            <label htmlFor="state" className="block text-xs font-medium">{r.filterState}</label>
            <select id="state" name="state" defaultValue={filters.state ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1">
              <option value="">{r.allStates}</option>
              {(["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED"] as const).map((s) => (
                <option key={s} value={s}>{r.states[s]}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="q" className="block text-xs font-medium">{r.search}</label>
            <input id="q" name="q" defaultValue={filters.q ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1" />
          </div>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1">{r.apply}</button>
        </form>
        {taskRows.length === 0 ? (
          <p className="mt-2 text-slate-600">{r.tasksEmpty}</p>
        ) : (
          <div className="mt-2">
            <TaskEntryForm key={`${pk}-${agencyId}-${filters.page}-${filters.state}-${filters.q}`} lang={lang} m={r} period={pk} rows={taskRows} canWrite={canWrite} />
          </div>
        )}
        {pages > 1 && (
          <nav aria-label={fill(r.page, { page: filters.page, pages })} className="mt-3 flex items-center gap-3 text-sm">
            {filters.page > 1 && <Link href={qs({ page: filters.page - 1 })} className="text-brand-700 underline">{r.prev}</Link>}
            <span>{fill(r.page, { page: filters.page, pages })}</span>
            {filters.page < pages && <Link href={qs({ page: filters.page + 1 })} className="text-brand-700 underline">{r.next}</Link>}
          </nav>
        )}
      </section>
      )}
    </div>
  );
}
