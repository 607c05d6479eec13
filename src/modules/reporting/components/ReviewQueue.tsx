import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDateTime, formatNumber, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { FilterSelect } from "@/components/form/FilterField";
import { Pager } from "@/modules/admin/components/layout";
import { queueFilterOptions, resolveQueueCodes, reviewQueue } from "../queries";
import { REVIEW_PAGE_SIZE, reviewPages, valueChange } from "../rules";
import { targetsSummary } from "../view-model";
import { ReviewForm, type ReviewRow } from "./ReviewForm";

export type QueueQuery = { agency?: string; period?: string; kind?: "obs" | "task"; indicator?: string; page: number };

export async function ReviewQueue({ lang, m, query }: { lang: Lang; m: Messages; query: QueueQuery }) {
  const period = query.period
    ? { year: Number(query.period.slice(0, 4)), quarter: Number(query.period.slice(6)) }
    : null;
  const [ids, options] = await Promise.all([
    resolveQueueCodes({ agency: query.agency, indicator: query.indicator }),
    queueFilterOptions(),
  ]);
  const q = await reviewQueue({
    ...ids,
    year: period?.year,
    quarter: period?.quarter,
    kind: query.kind,
    skip: (query.page - 1) * REVIEW_PAGE_SIZE,
    take: REVIEW_PAGE_SIZE,
  });
  const pages = reviewPages(q.obsTotal, q.taskTotal);
  const name = (x: { nameVi: string; nameEn: string }) => (lang === "vi" ? x.nameVi : x.nameEn);
  // What every waiting item shows of its submission, an indicator value or a task's progress alike.
  const submission = (x: {
    evidenceUrl: string | null;
    evidenceFileId: string | null;
    submittedAt: Date | null;
    late: boolean;
  }) => ({
    evidenceUrl: x.evidenceUrl,
    evidenceFile: x.evidenceFileId ? `/api/evidence/${x.evidenceFileId}` : null,
    submittedAt: formatDateTime(x.submittedAt, lang),
    late: x.late,
  });
  const rows: ReviewRow[] = [
    ...q.observations.map((o) => {
      const change = valueChange(o.previousApproved, o.value);
      const unitKind = (n: number) => formatValue(n, o.indicator.unit, o.indicator.kind, lang);
      return {
        kind: "obs" as const,
        id: o.id,
        version: o.version,
        agency: name(o.agency),
        item: `${name(o.indicator)} — ${formatQuarter(o, lang)}`,
        value: o.value == null ? "—" : unitKind(o.value),
        previous:
          o.previousApproved == null
            ? "—"
            : `${unitKind(o.previousApproved)}${o.previousPeriod ? ` (${formatQuarter(o.previousPeriod, lang)})` : ""}`,
        change: change
          ? `${change.delta > 0 ? "+" : ""}${formatNumber(change.delta, lang)}${change.percent == null ? "" : ` (${change.percent > 0 ? "+" : ""}${formatNumber(change.percent, lang, 1)} %)`}`
          : "—",
        context: targetsSummary(o.indicator.targets, o.indicator.unit, o.indicator.kind, lang),
        explanation: o.explanation ?? "",
        ...submission(o),
        href: `/${lang}/reporting/observations/${o.id}`,
      };
    }),
    ...q.tasks.map((t) => {
      const prev = t.previousApproved;
      const change = valueChange(prev?.percent ?? null, t.percentComplete);
      return {
        kind: "task" as const,
        id: t.id,
        version: t.version,
        agency: name(t.agency),
        item: `${t.task.document.numberCanonical ?? ""} · ${t.task.numberPrinted ?? ""} — ${formatQuarter(t, lang)}`,
        value: `${m.reporting.taskStatus[t.status]}${t.percentComplete == null ? "" : ` (${t.percentComplete}%)`}`,
        previous: prev
          ? `${m.reporting.taskStatus[prev.status]}${prev.percent == null ? "" : ` (${prev.percent}%)`}`
          : "—",
        change: change ? `${change.delta > 0 ? "+" : ""}${formatNumber(change.delta, lang)} ${m.review.points}` : "—",
        context: `${t.task.title.slice(0, 160)}${t.task.title.length > 160 ? "…" : ""}`,
        explanation: t.achieved ?? "",
        ...submission(t),
        href: `/${lang}/reporting/tasks/${t.id}`,
      };
    }),
  ];
  const r = m.review;
  const filtered = !!(query.agency || query.period || query.kind || query.indicator);
  const params: Record<string, string> = Object.fromEntries(
    Object.entries({ agency: query.agency, period: query.period, kind: query.kind, indicator: query.indicator }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  );
  const filterFields: {
    name: "agency" | "period" | "kind" | "indicator";
    label: string;
    all: string;
    options: [string, string][];
  }[] = [
    {
      name: "agency",
      label: r.filterAgency,
      all: r.allAgencies,
      options: options.agencies.map((a) => [a.code, name(a)]),
    },
    {
      name: "period",
      label: r.filterPeriod,
      all: r.allPeriods,
      options: options.periods.map((p) => [`${p.year}-Q${p.quarter}`, formatQuarter(p, lang)]),
    },
    {
      name: "kind",
      label: r.filterKind,
      all: r.allKinds,
      options: [
        ["obs", r.kindObs],
        ["task", r.kindTask],
      ],
    },
    {
      name: "indicator",
      label: r.filterIndicator,
      all: r.allIndicators,
      options: options.indicators.map((x) => [x.code, name(x)]),
    },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{r.title}</h1>
      <p className="text-slate-700">{r.intro}</p>
      <form
        method="get"
        role="search"
        aria-label={r.filters}
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
        data-testid="queue-filters"
      >
        {filterFields.map((f) => (
          <FilterSelect key={f.name} id={`f-${f.name}`} value={query[f.name]} {...f} />
        ))}
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white">
          {r.apply}
        </button>
        {filtered && (
          <Link href={`/${lang}/review`} className="py-1.5 text-brand-700 underline">
            {r.clear}
          </Link>
        )}
      </form>
      <p className="text-sm text-slate-600" data-testid="queue-counts">
        {fill(r.indicators, { count: q.obsTotal })} · {fill(r.tasks, { count: q.taskTotal })}
      </p>
      <ReviewForm lang={lang} m={m} rows={rows} emptyText={filtered ? r.emptyFiltered : r.empty} />
      {pages > 1 && (
        <Pager
          lang={lang}
          path={`/${lang}/review`}
          params={params}
          page={query.page}
          pages={pages}
          total={q.obsTotal + q.taskTotal}
        />
      )}
    </div>
  );
}
