import { clockNow } from "@/server/clock";
import Link from "next/link";
import { Suspense } from "react";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { PILLARS } from "@/lib/enums";
import { formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { MILESTONE_STATUSES } from "@/lib/status";
import { latestApprovedNational, latestApprovedOf } from "@/modules/indicators/queries";
import { targetSentence } from "@/modules/statuses/sentence";
import { countBy, filterTargets, type TargetStatus } from "@/modules/statuses/filter";
import { listTargets } from "@/modules/statuses/queries";
import { StatusBadge } from "@/modules/statuses/components/StatusBadge";
import {
  completenessGrid,
  overviewLookups,
  TASK_STATUSES,
  taskStatuses,
  type CompletenessGrid,
  type OverviewLookups,
} from "../queries";
import type { DashboardFilters } from "../filters";
import { filtersQuery } from "../filters";
import { lastQuarters, orderTargets, pageOf, taskSummary } from "../view-model";
import { FilterSelect } from "@/components/form/FilterField";
import { DownloadLinks } from "./DownloadLinks";
import { PrintButton } from "./PrintButton";
import { statusStacks, tasksByAgency, type AgencyTasksRow } from "../charts";
import { COMPLETENESS_CELL, STATUS_FILL, TASK_FILL } from "../colors";
import { IndicatorMultiples } from "./IndicatorMultiples";
import { StackedBars } from "./StackedBars";

type Agency = { id: number; code: string; nameVi: string; nameEn: string };
type Named = { nameVi: string; nameEn: string };
type Group = { key: string; label: string; filter: Partial<DashboardFilters> };
/** What every part of the overview shares: the language, the messages, where links point. */
type View = {
  lang: Lang;
  m: Messages;
  filters: DashboardFilters;
  here: string;
  name: (x: Named) => string;
  link: (extra: Partial<DashboardFilters>) => string;
  /** The agency whose own values are shown beside the national ones (its page, or the agency filter). */
  own: Agency | null;
};

/** The national overview, or one agency's view of it when `agency` (or the agency filter) is set. */
export async function Overview({
  lang,
  m,
  filters,
  agency,
}: {
  lang: Lang;
  m: Messages;
  filters: DashboardFilters;
  agency?: Agency;
}) {
  const d = m.dashboard;
  const agencyId = agency?.id ?? filters.agencyId ?? null;
  // The agency's view: the targets of the indicators it reports (the CSV applies the same filters).
  const [scoped, lookups, grid, tasks] = await Promise.all([
    listTargets({ asOf: filters.asOf, decision: filters.decision, pillar: filters.pillar, agencyId }),
    overviewLookups(),
    completenessGrid({ agencyId: agencyId ?? undefined }),
    taskStatuses(),
  ]);
  const name = (x: Named) => (lang === "vi" ? x.nameVi : x.nameEn);
  const here = agency ? `/${lang}/dashboard/agencies/${agency.code}` : `/${lang}/dashboard`;
  const view: View = {
    lang,
    m,
    filters,
    here,
    name,
    link: (extra) => `${here}${filtersQuery({ ...filters, page: 1, charts: 1, ...extra })}`,
    own: agency ?? lookups.agencies.find((a) => a.id === agencyId) ?? null,
  };
  // Downloads carry the agency of the view, so the file holds what the page shows.
  const csv = (what: string) =>
    `/api/v1/dashboard/${what}.csv${filtersQuery({ ...filters, page: 1, charts: 1, agencyCode: agency?.code ?? filters.agencyCode })}`;
  const pillars: Group[] = PILLARS.map((p) => ({ key: p, label: m.pillars[p], filter: { pillar: p } }));
  const docs: Group[] = lookups.documents.map((x) => ({
    key: x.key,
    label: `${x.numberCanonical ?? x.key}${x.inForce ? "" : ` (${m.doc.notInForce})`}`,
    filter: { decision: x.key },
  }));
  const listed = filterTargets(scoped, { milestone: filters.milestone, status: filters.status });
  // The charts: one per indicator the list holds, by pillar, then by name.
  const collator = new Intl.Collator(lang === "vi" ? "vi" : "en");
  const listedIds = new Set(listed.map((t) => t.indicatorId));
  const pillarOf = new Map(listed.map((t) => [t.indicatorId, PILLARS.indexOf(t.pillar)]));
  const shownIndicators = lookups.indicators
    .filter((i) => listedIds.has(i.id))
    .sort((a, b) => pillarOf.get(a.id)! - pillarOf.get(b.id)! || collator.compare(name(a), name(b)));
  const counts = (
    milestone: number,
    groups: Group[],
    groupOf: (t: TargetStatus) => string,
    caption: string,
    kind: "pillar" | "decision",
  ) => (
    <CountTable
      view={view}
      rows={scoped}
      milestone={milestone}
      groups={groups}
      groupOf={groupOf}
      caption={caption}
      kind={kind}
    />
  );

  return (
    <div className="print-a4-landscape space-y-8">
      <div>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-bold text-brand-800">
            {agency ? fill(d.agencyTitle, { agency: name(agency) }) : d.title}
          </h1>
          <PrintButton label={m.exports.print} />
        </div>
        <p className="text-slate-700">{d.intro}</p>
      </div>

      <FilterForm view={view} lookups={lookups} pillars={pillars} withAgency={!agency} />

      <section aria-labelledby="counts" className="space-y-4">
        <h2 id="counts" className="sr-only">
          {d.byPillar}
        </h2>
        {counts(2025, pillars, (t) => t.pillar, `${fill(d.byPillar, { year: 2025 })} (${d.milestoneFinal})`, "pillar")}
        {counts(2030, pillars, (t) => t.pillar, `${fill(d.byPillar, { year: 2030 })} (${d.milestoneOpen})`, "pillar")}
        {!agency &&
          counts(
            2025,
            docs,
            (t) => t.documentKey,
            `${fill(d.byDecision, { year: 2025 })} (${d.milestoneFinal})`,
            "decision",
          )}
        {!agency &&
          counts(
            2030,
            docs,
            (t) => t.documentKey,
            `${fill(d.byDecision, { year: 2030 })} (${d.milestoneOpen})`,
            "decision",
          )}
      </section>

      <Suspense fallback={<p className="text-slate-600">{m.common.loading}</p>}>
        <IndicatorMultiples
          lang={lang}
          m={m}
          indicators={shownIndicators}
          targets={scoped}
          page={filters.charts}
          pageHref={(charts) => `${here}${filtersQuery({ ...filters, charts })}#charts`}
        />
      </Suspense>

      <TargetList view={view} rows={listed} lookups={lookups} csvHref={csv("targets")} />
      <Completeness view={view} grid={grid} csvHref={csv("completeness")} />
      <Tasks
        view={view}
        summary={taskSummary(tasks, { agencyId, decision: filters.decision }, TASK_STATUSES)}
        byAgency={tasksByAgency(tasks, { agencyId, decision: filters.decision })}
        agencies={lookups.agencies}
        csvHref={csv("tasks")}
      />
    </div>
  );
}

function FilterForm({
  view,
  lookups,
  pillars,
  withAgency,
}: {
  view: View;
  lookups: OverviewLookups;
  pillars: Group[];
  withAgency: boolean;
}) {
  const { lang, m, filters, here, name } = view;
  const d = m.dashboard;
  return (
    <form
      method="get"
      action={here}
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      aria-label={d.filters}
    >
      <FilterSelect
        id="decision"
        label={d.decision}
        value={filters.decision ?? ""}
        options={[
          ["", d.all],
          ...lookups.documents.map((x) => [x.key, x.numberCanonical ?? x.key] as [string, string]),
        ]}
      />
      <FilterSelect
        id="pillar"
        label={d.pillar}
        value={filters.pillar ?? ""}
        options={[["", d.all], ...pillars.map((p) => [p.key, p.label] as [string, string])]}
      />
      {withAgency && (
        <FilterSelect
          id="agency"
          label={d.agency}
          value={lookups.agencies.find((a) => a.id === filters.agencyId)?.code ?? ""}
          options={[["", d.all], ...lookups.agencies.map((a) => [a.code, name(a)] as [string, string])]}
        />
      )}
      <FilterSelect
        id="milestone"
        label={d.milestone}
        value={filters.milestone ? String(filters.milestone) : ""}
        options={[
          ["", d.all],
          ["2025", "2025"],
          ["2030", "2030"],
          ["2020", "2020"],
        ]}
      />
      <FilterSelect
        id="status"
        label={d.status}
        value={filters.status ?? ""}
        options={[["", d.all], ...MILESTONE_STATUSES.map((s) => [s, d.statuses[s]] as [string, string])]}
      />
      <FilterSelect
        id="asOf"
        label={d.asOf}
        value={filters.asOf ? `${filters.asOf.year}-Q${filters.asOf.quarter}` : ""}
        options={[
          ["", d.now],
          ...lastQuarters(clockNow(), 12).map(
            (q) => [`${q.year}-Q${q.quarter}`, formatQuarter(q, lang)] as [string, string],
          ),
        ]}
      />
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
        {d.apply}
      </button>
      <Link href={here} className="text-brand-700 underline">
        {d.reset}
      </Link>
    </form>
  );
}

function CountTable(props: {
  view: View;
  rows: TargetStatus[];
  milestone: number;
  groups: Group[];
  groupOf: (t: TargetStatus) => string;
  caption: string;
  kind: "pillar" | "decision";
}) {
  const { view, milestone, groups, caption, kind } = props;
  const d = view.m.dashboard;
  const counts = countBy(props.rows, milestone, props.groupOf);
  const stacks = statusStacks(props.rows, milestone, groups, props.groupOf);
  return (
    <div className="space-y-1">
      {stacks.length > 0 && (
        <figure
          className="rounded border border-slate-200 bg-white p-2"
          data-chart
          data-testid={`status-chart-${milestone}-${kind}`}
        >
          <figcaption className="text-sm">
            <span className="font-semibold">{caption}</span>
            <span className="block text-xs text-slate-600">{d.charts.statusBars}</span>
          </figcaption>
          <StackedBars
            rows={stacks}
            keys={MILESTONE_STATUSES.map((s) => ({ key: s, name: d.statuses[s], color: STATUS_FILL[s] }))}
          />
        </figure>
      )}
      <CountTableBody {...props} counts={counts} />
    </div>
  );
}

function CountTableBody(props: Parameters<typeof CountTable>[0] & { counts: ReturnType<typeof countBy> }) {
  const { view, milestone, groups, caption, kind, counts } = props;
  const d = view.m.dashboard;
  return (
    <div
      className="overflow-x-auto rounded border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table
        className="min-w-full text-sm [&_td]:px-2 [&_td]:py-1 [&_td]:text-center"
        data-testid={`counts-${milestone}-${kind}`}
      >
        <caption className="px-3 py-2 text-left font-semibold">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-2 py-1">
              {kind === "pillar" ? d.pillar : d.decision}
            </th>
            {MILESTONE_STATUSES.map((s) => (
              <th key={s} scope="col" className="px-2 py-1">
                <StatusBadge status={s} m={d} />
              </th>
            ))}
            <th scope="col" className="px-2 py-1">
              {d.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups
            .filter((g) => counts.has(g.key))
            .map((g) => (
              <tr key={g.key} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {g.label}
                </th>
                {MILESTONE_STATUSES.map((s) => {
                  const n = counts.get(g.key)?.[s] ?? 0;
                  return (
                    <td key={s}>
                      {n ? (
                        <Link
                          href={`${view.link({ ...g.filter, milestone, status: s })}#targets`}
                          className="font-semibold text-brand-700 underline"
                          data-testid={`count-${milestone}-${g.key}-${s}`}
                        >
                          {n}
                        </Link>
                      ) : (
                        <span className="text-slate-400">0</span>
                      )}
                    </td>
                  );
                })}
                <td>{counts.get(g.key)?.TOTAL ?? 0}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

async function TargetList({
  view,
  rows,
  lookups,
  csvHref,
}: {
  view: View;
  rows: TargetStatus[];
  lookups: OverviewLookups;
  csvHref: string;
}) {
  const { lang, m, filters, here, name, link, own } = view;
  const d = m.dashboard;
  const indById = new Map(lookups.indicators.map((i) => [i.id, i]));
  const listed = orderTargets(rows, filters.sort, (id) => name(indById.get(id)!), lang);
  const { page, pages, shown } = pageOf(listed, filters.page);
  const shownIds = [...new Set(shown.map((t) => t.indicatorId))];
  const [latest, ownLatest] = await Promise.all([
    latestApprovedNational(shownIds),
    own ? latestApprovedOf(shownIds, own.id) : null,
  ]);
  const approved = (l: ReturnType<typeof latest.get>, ind: { unit: string; kind: string }) => (
    <>
      {l?.approvedValue != null
        ? `${formatValue(l.approvedValue, ind.unit, ind.kind, lang)} (${formatQuarter(l, lang)})`
        : "—"}
      {l?.illustrative && <span className="block text-xs text-slate-500">{m.common.illustrative}</span>}
    </>
  );
  const sortHeader = (key: NonNullable<DashboardFilters["sort"]>, label: string) => (
    <th scope="col" className="px-2 py-2" aria-sort={(filters.sort ?? "status") === key ? "ascending" : "none"}>
      <Link href={`${link({ sort: key })}#targets`} className="underline decoration-dotted">
        {label}
      </Link>
    </th>
  );
  return (
    <section aria-labelledby="targets" id="targets" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="targets-title" className="text-xl font-semibold text-brand-800">
          {fill(d.targetsTitle, { count: listed.length })}
        </h2>
        <DownloadLinks csvHref={csvHref} lang={lang} m={m} testId="targets" />
      </div>
      {shown.length === 0 ? (
        <p className="text-slate-600">{d.empty}</p>
      ) : (
        <div
          className="overflow-x-auto rounded border border-slate-200 bg-white"
          tabIndex={0}
          role="region"
          aria-labelledby="targets-title"
        >
          <table className="min-w-full text-sm [&_td]:px-2 [&_td]:py-2" data-testid="targets-list">
            <thead className="bg-slate-100 text-left">
              <tr>
                {sortHeader("indicator", d.indicator)}
                {sortHeader("decision", d.decision)}
                {sortHeader("milestone", d.milestone)}
                <th scope="col" className="px-2 py-2">
                  {d.threshold}
                </th>
                {own && (
                  <th scope="col" className="px-2 py-2">
                    {d.latest} · {name(own)}
                  </th>
                )}
                <th scope="col" className="px-2 py-2">
                  {own ? `${d.latest} · ${m.compare.national}` : d.latest}
                </th>
                {sortHeader("status", d.status)}
                <th scope="col" className="px-2 py-2">
                  {d.why}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => {
                const ind = indById.get(t.indicatorId)!;
                const l = latest.get(t.indicatorId);
                return (
                  <tr
                    key={t.targetId}
                    className="border-t border-slate-100 align-top"
                    data-testid="target-row"
                    data-target={t.targetKey}
                  >
                    <td>
                      <Link href={`/${lang}/indicators/${ind.code}`} className="link">
                        {name(ind)}
                      </Link>
                    </td>
                    <td className="whitespace-nowrap">{t.documentNumber ?? t.documentKey}</td>
                    <td>{t.year}</td>
                    <td className="whitespace-nowrap">
                      {formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang)}
                    </td>
                    {ownLatest && (
                      <td className="whitespace-nowrap" data-testid="own-latest">
                        {approved(ownLatest.get(t.indicatorId), ind)}
                      </td>
                    )}
                    <td className="whitespace-nowrap">{approved(l, ind)}</td>
                    <td>
                      <StatusBadge
                        status={t.effective}
                        m={d}
                        overridden={!!t.override}
                        phase={t.computed.explanation.phase}
                      />
                      {t.override && (
                        <span className="mt-1 block text-xs text-slate-600">
                          {d.computed}: {d.statuses[t.computed.status]}
                        </span>
                      )}
                    </td>
                    <td className="text-xs text-slate-700">{targetSentence(t, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="flex gap-3 text-sm" aria-label={fill(d.page, { page, pages })}>
          {page > 1 && (
            <Link
              href={`${here}${filtersQuery({ ...filters, page: page - 1 })}#targets`}
              className="text-brand-700 underline"
            >
              {d.prev}
            </Link>
          )}
          <span>{fill(d.page, { page, pages })}</span>
          {page < pages && (
            <Link
              href={`${here}${filtersQuery({ ...filters, page: page + 1 })}#targets`}
              className="text-brand-700 underline"
            >
              {d.next}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

function Completeness({ view, grid, csvHref }: { view: View; grid: CompletenessGrid; csvHref: string }) {
  const { lang, m, name } = view;
  const d = m.dashboard;
  return (
    <section aria-labelledby="completeness" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="completeness" className="text-xl font-semibold text-brand-800">
          {d.completenessTitle}
        </h2>
        <DownloadLinks csvHref={csvHref} lang={lang} m={m} />
      </div>
      <p className="text-xs text-slate-600">{d.completenessLegend}</p>
      <div
        className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-labelledby="completeness"
      >
        {/* Cell padding is set once on the table, not on each of the ~350 cells: the grid is the
            largest part of the overview, and its HTML (twice: markup and RSC payload) is what the
            page's time at national scale goes into. */}
        <table
          className="min-w-full border-separate border-spacing-0.5 text-xs [&_td]:px-2 [&_td]:py-1 [&_td]:whitespace-nowrap"
          data-testid="completeness"
          data-heatmap
        >
          <thead className="sticky top-0 bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-1">
                {d.agency}
              </th>
              {grid.quarters.map((q) => (
                <th key={`${q.year}-${q.quarter}`} scope="col" className="px-2 py-1 whitespace-nowrap">
                  {formatQuarter(q, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.agencyId} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  <Link href={`/${lang}/dashboard/agencies/${r.code}`} className="link">
                    {name(r)}
                  </Link>
                </th>
                {r.cells.map((c) => (
                  <td key={`${c.year}-${c.quarter}`} className={COMPLETENESS_CELL[c.status]} data-status={c.status}>
                    {`${d.cell[c.status]} ${c.submitted}/${c.expected}`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Tasks({
  view,
  summary,
  byAgency,
  agencies,
  csvHref,
}: {
  view: View;
  summary: ReturnType<typeof taskSummary>;
  byAgency: AgencyTasksRow[];
  agencies: Agency[];
  csvHref: string;
}) {
  const { lang, m, name } = view;
  const d = m.dashboard;
  const agencyByCode = new Map(agencies.map((a) => [a.code, a]));
  return (
    <section aria-labelledby="tasks" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="tasks" className="text-xl font-semibold text-brand-800">
          {d.tasksTitle}
        </h2>
        <DownloadLinks csvHref={csvHref} lang={lang} m={m} />
      </div>
      <ul className="flex flex-wrap gap-3 text-sm" data-testid="task-counts">
        {TASK_STATUSES.map((s) => (
          <li key={s} className="rounded border border-slate-200 bg-white px-3 py-2">
            {d.taskStatus[s]}: <strong>{summary.counts[s]}</strong>
          </li>
        ))}
      </ul>
      <TasksByAgency view={view} rows={byAgency} agencies={agencies} />
      <h3 className="font-semibold">{d.overdueTitle}</h3>
      {summary.overdue.length === 0 ? (
        <p className="text-sm text-slate-600">{d.overdueEmpty}</p>
      ) : (
        <ol className="grid gap-1 text-sm sm:grid-cols-2">
          {summary.overdue.map(([code, n]) => (
            <li key={code}>
              <Link href={`/${lang}/dashboard/agencies/${code}`} className="text-brand-700 underline">
                {agencyByCode.get(code) ? name(agencyByCode.get(code)!) : code}
              </Link>
              : {n}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Task statuses per lead agency: stacked bars, and the same numbers in a table. */
function TasksByAgency({ view, rows, agencies }: { view: View; rows: AgencyTasksRow[]; agencies: Agency[] }) {
  const { lang, m, name } = view;
  const d = m.dashboard;
  if (!rows.length) return null;
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const label = (code: string) => (byCode.get(code) ? name(byCode.get(code)!) : code);
  return (
    <figure className="space-y-1 rounded border border-slate-200 bg-white p-2" data-chart data-testid="tasks-chart">
      <figcaption className="text-sm">
        <span className="font-semibold">{d.charts.tasksTitle}</span>
        <span className="block text-xs text-slate-600">{fill(d.charts.tasksSummary, { count: rows.length })}</span>
      </figcaption>
      <StackedBars
        rows={rows.map((r) => ({ ...r, label: label(r.code) }))}
        keys={TASK_STATUSES.map((s) => ({ key: s, name: d.taskStatus[s], color: TASK_FILL[s] ?? "#94a3b8" }))}
        labelWidth={180}
      />
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={d.charts.tasksTitle}>
        <table className="min-w-full text-xs [&_td]:px-2 [&_td]:py-1 [&_td]:text-center">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-1">
                {d.agency}
              </th>
              {TASK_STATUSES.map((s) => (
                <th key={s} scope="col" className="px-2 py-1">
                  {d.taskStatus[s]}
                </th>
              ))}
              <th scope="col" className="px-2 py-1">
                {d.charts.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  <Link href={`/${lang}/dashboard/agencies/${r.code}`} className="text-brand-700 underline">
                    {label(r.code)}
                  </Link>
                </th>
                {TASK_STATUSES.map((s) => (
                  <td key={s}>{r[s] ?? 0}</td>
                ))}
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
