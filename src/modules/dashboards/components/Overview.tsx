import { clockNow } from "@/server/clock";
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { db } from "@/server/db";
import { latestApprovedNational } from "@/modules/indicators/queries";
import { countBy, memoByVersion, MILESTONE_STATUSES, sortByStatus, targetStatuses } from "../data";
import { explainStatus } from "../explain";
import { completenessGrid, TASK_STATUSES, taskStatuses } from "../queries";
import type { DashboardFilters } from "../filters";
import { filtersQuery } from "../filters";
import { StatusBadge } from "./StatusBadge";

const PAGE = 50;

/** The national overview, or one agency's view of it when `agencyId` is set. */
export async function Overview({ lang, m, filters, agency }: { lang: Lang; m: Messages; filters: DashboardFilters; agency?: { id: number; code: string; nameVi: string; nameEn: string } }) {
  const d = m.dashboard;
  const [all, { documents, indicators, agencies }, grid, tasks] = await Promise.all([
    targetStatuses(filters.asOf),
    overviewLookups(),
    completenessGrid({ agencyId: agency?.id ?? filters.agencyId ?? undefined }),
    taskStatuses(),
  ]);
  const indById = new Map(indicators.map((i) => [i.id, i]));
  const name = (x: { nameVi: string; nameEn: string }) => (lang === "vi" ? x.nameVi : x.nameEn);
  const agencyId = agency?.id ?? filters.agencyId ?? null;
  // An agency's view: the targets of the indicators it reports.
  const scoped = all.filter(
    (t) =>
      (!filters.decision || t.documentKey === filters.decision) &&
      (!filters.pillar || t.pillar === filters.pillar) &&
      (!agencyId || indById.get(t.indicatorId)?.assignments.some((a) => a.agencyId === agencyId)),
  );
  const filtered = sortByStatus(scoped.filter((t) => (!filters.milestone || t.year === filters.milestone) && (!filters.status || t.effective === filters.status)));
  const collator = new Intl.Collator(lang === "vi" ? "vi" : "en");
  const listed =
    filters.sort === "indicator"
      ? [...filtered].sort((a, b) => collator.compare(name(indById.get(a.indicatorId)!), name(indById.get(b.indicatorId)!)))
      : filters.sort === "decision"
        ? [...filtered].sort((a, b) => collator.compare(a.documentNumber ?? a.documentKey, b.documentNumber ?? b.documentKey))
        : filters.sort === "milestone"
          ? [...filtered].sort((a, b) => a.year - b.year)
          : filtered;
  const pages = Math.max(1, Math.ceil(listed.length / PAGE));
  const page = Math.min(filters.page, pages);
  const shown = listed.slice((page - 1) * PAGE, page * PAGE);
  const latest = await latestApprovedNational([...new Set(shown.map((t) => t.indicatorId))]);
  const here = agency ? `/${lang}/dashboard/agencies/${agency.code}` : `/${lang}/dashboard`;
  const link = (extra: Partial<DashboardFilters>) => `${here}${filtersQuery({ ...filters, page: 1, ...extra })}`;

  const myTasks = tasks.filter((t) => (!agencyId || t.agencyId === agencyId) && (!filters.decision || t.documentKey === filters.decision));
  const taskCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, myTasks.filter((t) => t.status === s).length]));
  const overdueBy = new Map<string, number>();
  for (const t of myTasks) if (t.status === "OVERDUE") overdueBy.set(t.agencyCode, (overdueBy.get(t.agencyCode) ?? 0) + 1);
  const agencyByCode = new Map(agencies.map((a) => [a.code, a]));
  const csv = (what: string) => `/api/v1/dashboard/${what}.csv${filtersQuery({ ...filters, page: 1, agencyId: agencyId ?? undefined })}`;

  const countTable = (milestone: number, groups: { key: string; label: string; filter: Partial<DashboardFilters> }[], groupOf: (t: (typeof scoped)[number]) => string, caption: string, groupLabel: string) => {
    const counts = countBy(scoped, milestone, groupOf);
    return (
      <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={caption}>
        <table className="min-w-full text-sm" data-testid={`counts-${milestone}-${groupLabel === d.pillar ? "pillar" : "decision"}`}>
          <caption className="px-3 py-2 text-left font-semibold">{caption}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-1">{groupLabel}</th>
              {MILESTONE_STATUSES.map((s) => (
                <th key={s} scope="col" className="px-2 py-1"><StatusBadge status={s} m={d} /></th>
              ))}
              <th scope="col" className="px-2 py-1">{d.total}</th>
            </tr>
          </thead>
          <tbody>
            {groups
              .filter((g) => counts.has(g.key))
              .map((g) => (
                <tr key={g.key} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-medium">{g.label}</th>
                  {MILESTONE_STATUSES.map((s) => {
                    const n = counts.get(g.key)?.[s] ?? 0;
                    return (
                      <td key={s} className="px-2 py-1 text-center">
                        {n ? (
                          <Link href={`${link({ ...g.filter, milestone, status: s })}#targets`} className="font-semibold text-brand-700 underline" data-testid={`count-${milestone}-${g.key}-${s}`}>
                            {n}
                          </Link>
                        ) : (
                          <span className="text-slate-400">0</span>
                        )}
                      </td>
                    );
                  })}
                  <td className="px-2 py-1 text-center">{counts.get(g.key)?.TOTAL ?? 0}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    );
  };
  const pillars = (["DIGITAL_GOVERNMENT", "DIGITAL_ECONOMY", "DIGITAL_SOCIETY", "FOUNDATION"] as const).map((p) => ({ key: p, label: m.pillars[p], filter: { pillar: p } }));
  const docs = documents.map((x) => ({ key: x.key, label: `${x.numberCanonical ?? x.key}${x.inForce ? "" : ` (${m.doc.notInForce})`}`, filter: { decision: x.key } }));

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{agency ? fill(d.agencyTitle, { agency: name(agency) }) : d.title}</h1>
        <p className="text-slate-700">{d.intro}</p>
      </div>

      <form method="get" action={here} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm" aria-label={d.filters}>
        <Select id="decision" label={d.decision} value={filters.decision ?? ""} options={[["", d.all], ...documents.map((x) => [x.key, x.numberCanonical ?? x.key] as [string, string])]} />
        <Select id="pillar" label={d.pillar} value={filters.pillar ?? ""} options={[["", d.all], ...pillars.map((p) => [p.key, p.label] as [string, string])]} />
        {!agency && <Select id="agency" label={d.agency} value={agencies.find((a) => a.id === filters.agencyId)?.code ?? ""} options={[["", d.all], ...agencies.map((a) => [a.code, name(a)] as [string, string])]} />}
        <Select id="milestone" label={d.milestone} value={filters.milestone ? String(filters.milestone) : ""} options={[["", d.all], ["2025", "2025"], ["2030", "2030"], ["2020", "2020"]]} />
        <Select id="status" label={d.status} value={filters.status ?? ""} options={[["", d.all], ...MILESTONE_STATUSES.map((s) => [s, d.statuses[s]] as [string, string])]} />
        <Select
          id="asOf"
          label={d.asOf}
          value={filters.asOf ? `${filters.asOf.year}-Q${filters.asOf.quarter}` : ""}
          options={[["", d.now], ...lastQuarters(12).map((q) => [`${q.year}-Q${q.quarter}`, formatQuarter(q, lang)] as [string, string])]}
        />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">{d.apply}</button>
        <Link href={here} className="text-brand-700 underline">{d.reset}</Link>
      </form>

      <section aria-labelledby="counts" className="space-y-4">
        <h2 id="counts" className="sr-only">{d.byPillar}</h2>
        {countTable(2025, pillars, (t) => t.pillar, `${fill(d.byPillar, { year: 2025 })} (${d.milestoneFinal})`, d.pillar)}
        {countTable(2030, pillars, (t) => t.pillar, `${fill(d.byPillar, { year: 2030 })} (${d.milestoneOpen})`, d.pillar)}
        {!agency && countTable(2025, docs, (t) => t.documentKey, `${fill(d.byDecision, { year: 2025 })} (${d.milestoneFinal})`, d.decision)}
        {!agency && countTable(2030, docs, (t) => t.documentKey, `${fill(d.byDecision, { year: 2030 })} (${d.milestoneOpen})`, d.decision)}
      </section>

      <section aria-labelledby="targets" id="targets" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="targets-title" className="text-xl font-semibold text-brand-800">{fill(d.targetsTitle, { count: listed.length })}</h2>
          <a href={csv("targets")} className="text-sm text-brand-700 underline">⬇ {d.csv}</a>
        </div>
        {shown.length === 0 ? (
          <p className="text-slate-600">{d.empty}</p>
        ) : (
          <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby="targets-title">
            <table className="min-w-full text-sm" data-testid="targets-list">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-2 py-2" aria-sort={(filters.sort ?? "status") === "indicator" ? "ascending" : "none"}>
                    <Link href={`${link({ sort: "indicator" })}#targets`} className="underline decoration-dotted">{d.indicator}</Link>
                  </th>
                  <th scope="col" className="px-2 py-2" aria-sort={(filters.sort ?? "status") === "decision" ? "ascending" : "none"}>
                    <Link href={`${link({ sort: "decision" })}#targets`} className="underline decoration-dotted">{d.decision}</Link>
                  </th>
                  <th scope="col" className="px-2 py-2" aria-sort={(filters.sort ?? "status") === "milestone" ? "ascending" : "none"}>
                    <Link href={`${link({ sort: "milestone" })}#targets`} className="underline decoration-dotted">{d.milestone}</Link>
                  </th>
                  <th scope="col" className="px-2 py-2">{d.threshold}</th>
                  <th scope="col" className="px-2 py-2">{d.latest}</th>
                  <th scope="col" className="px-2 py-2" aria-sort={(filters.sort ?? "status") === "status" ? "ascending" : "none"}>
                    <Link href={`${link({ sort: "status" })}#targets`} className="underline decoration-dotted">{d.status}</Link>
                  </th>
                  <th scope="col" className="px-2 py-2">{d.why}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((t) => {
                  const ind = indById.get(t.indicatorId)!;
                  const l = latest.get(t.indicatorId);
                  return (
                    <tr key={t.targetId} className="border-t border-slate-100 align-top" data-testid="target-row">
                      <td className="px-2 py-2">
                        <Link href={`/${lang}/indicators/${ind.code}`} className="text-brand-700 underline">{name(ind)}</Link>
                      </td>
                      <td className="px-2 py-2 whitespace-nowrap">{t.documentNumber ?? t.documentKey}</td>
                      <td className="px-2 py-2">{t.year}</td>
                      <td className="px-2 py-2 whitespace-nowrap">{formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang)}</td>
                      <td className="px-2 py-2 whitespace-nowrap">
                        {l?.approvedValue != null ? `${formatValue(l.approvedValue, ind.unit, ind.kind, lang)} (${formatQuarter(l, lang)})` : "—"}
                        {l?.illustrative && <span className="block text-xs text-slate-500">{m.common.illustrative}</span>}
                      </td>
                      <td className="px-2 py-2">
                        <StatusBadge status={t.effective} m={d} overridden={!!t.override} />
                        {t.override && (
                          <span className="mt-1 block text-xs text-slate-600">
                            {d.computed}: {d.statuses[t.computed.status]}
                          </span>
                        )}
                      </td>
                      <td className="px-2 py-2 text-xs text-slate-700">{explainStatus(t.computed, ind, lang, d, t.units)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav className="flex gap-3 text-sm" aria-label={fill(d.page, { page, pages })}>
            {page > 1 && <Link href={`${here}${filtersQuery({ ...filters, page: page - 1 })}#targets`} className="text-brand-700 underline">{d.prev}</Link>}
            <span>{fill(d.page, { page, pages })}</span>
            {page < pages && <Link href={`${here}${filtersQuery({ ...filters, page: page + 1 })}#targets`} className="text-brand-700 underline">{d.next}</Link>}
          </nav>
        )}
      </section>

      <section aria-labelledby="completeness" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="completeness" className="text-xl font-semibold text-brand-800">{d.completenessTitle}</h2>
          <a href={csv("completeness")} className="text-sm text-brand-700 underline">⬇ {d.csv}</a>
        </div>
        <p className="text-xs text-slate-600">{d.completenessLegend}</p>
        <div className="max-h-[32rem] overflow-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby="completeness">
          <table className="min-w-full text-xs" data-testid="completeness">
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-2 py-1">{d.agency}</th>
                {grid.quarters.map((q) => (
                  <th key={`${q.year}-${q.quarter}`} scope="col" className="px-2 py-1 whitespace-nowrap">{formatQuarter(q, lang)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((r) => (
                <tr key={r.agencyId} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    <Link href={`/${lang}/dashboard/agencies/${r.code}`} className="text-brand-700 underline">{name(r)}</Link>
                  </th>
                  {r.cells.map((c) => (
                    <td key={`${c.year}-${c.quarter}`} className="px-2 py-1 whitespace-nowrap" data-status={c.status}>
                      {d.cell[c.status]} <span className="text-slate-500">{c.submitted}/{c.expected}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="tasks" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="tasks" className="text-xl font-semibold text-brand-800">{d.tasksTitle}</h2>
          <a href={csv("tasks")} className="text-sm text-brand-700 underline">⬇ {d.csv}</a>
        </div>
        <ul className="flex flex-wrap gap-3 text-sm" data-testid="task-counts">
          {TASK_STATUSES.map((s) => (
            <li key={s} className="rounded border border-slate-200 bg-white px-3 py-2">
              {d.taskStatus[s]}: <strong>{taskCounts[s]}</strong>
            </li>
          ))}
        </ul>
        <h3 className="font-semibold">{d.overdueTitle}</h3>
        {overdueBy.size === 0 ? (
          <p className="text-sm text-slate-600">{d.overdueEmpty}</p>
        ) : (
          <ol className="grid gap-1 text-sm sm:grid-cols-2">
            {[...overdueBy]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 20)
              .map(([code, n]) => (
                <li key={code}>
                  <Link href={`/${lang}/dashboard/agencies/${code}`} className="text-brand-700 underline">{agencyByCode.get(code) ? name(agencyByCode.get(code)!) : code}</Link>: {n}
                </li>
              ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** Documents, indicators with their reporting agencies, and reporting agencies: memoised per data version. */
function overviewLookups() {
  return memoByVersion("overview-lookups", async () => {
    const [documents, indicators, agencies] = await Promise.all([
      db.document.findMany({ orderBy: { sortOrder: "asc" }, select: { key: true, numberCanonical: true, titleVi: true, titleEn: true, inForce: true } }),
      db.indicator.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true, unit: true, kind: true, assignments: { select: { agencyId: true } } } }),
      db.agency.findMany({
        where: { validTo: null, OR: [{ indicatorAssignments: { some: {} } }, { assignments: { some: { role: "LEAD" } } }] },
        select: { id: true, code: true, nameVi: true, nameEn: true },
        orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
      }),
    ]);
    return { documents, indicators, agencies };
  });
}

function Select({ id, label, value, options }: { id: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">{label}</label>
      <select id={id} name={id} defaultValue={value} className="mt-1 max-w-[14rem] rounded border border-slate-300 px-2 py-1">
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </div>
  );
}

function lastQuarters(n: number) {
  const now = clockNow();
  let y = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  const out = [];
  for (let i = 0; i < n; i++) {
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
    out.push({ year: y, quarter: q });
  }
  return out;
}
