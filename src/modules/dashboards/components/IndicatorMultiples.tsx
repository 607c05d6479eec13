import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatQuarter, fractionalYear } from "@/lib/periods";
import { sourcePoints } from "@/modules/figures/series";
import type { TargetStatus } from "@/modules/statuses/filter";
import { StatusBadge } from "@/modules/statuses/components/StatusBadge";
import { smallMultiple, type IndicatorRef, type SmallMultiple } from "../charts";
import { chartSeries } from "../queries";
import { CHARTS_PAGE_SIZE, pageOf } from "../view-model";
import { SmallMultipleChart } from "./SmallMultipleChart";

/**
 * A grid of small multiples, one per indicator in the view: values per source, every decision's
 * thresholds, the path needed, the status. Its series come in two queries for all the indicators;
 * the overview streams it in its own Suspense boundary.
 */
export async function IndicatorMultiples({
  lang,
  m,
  indicators: all,
  targets,
  page: asked,
  pageHref,
}: {
  lang: Lang;
  m: Messages;
  indicators: IndicatorRef[];
  targets: readonly TargetStatus[];
  page: number;
  pageHref: (page: number) => string;
}) {
  const d = m.dashboard;
  const f = m.figures.chart;
  const { page, pages, shown: indicators } = pageOf(all, asked, CHARTS_PAGE_SIZE);
  const first = (page - 1) * CHARTS_PAGE_SIZE;
  const series = await chartSeries(indicators.map((i) => i.id));
  const byIndicator = new Map<number, TargetStatus[]>();
  for (const t of targets) byIndicator.set(t.indicatorId, [...(byIndicator.get(t.indicatorId) ?? []), t]);
  const multiples = indicators.map((ind) => {
    const actual = series.actual.get(ind.id) ?? [];
    const figures = series.figures.get(ind.code);
    const sources = (figures?.sources ?? [])
      .map((s) => ({
        code: s.source.code,
        name: fill(f.source, { source: lang === "vi" ? s.source.nameVi : s.source.nameEn }),
        points: sourcePoints({ periods: figures!.periods, chains: s.periods }),
      }))
      .filter((s) => s.points.length > 0);
    const illustrative = actual.some((o) => o.illustrative);
    const agency = sources.length ? (illustrative ? f.agencyIllustrative : f.agency) : d.chartActual;
    return smallMultiple({
      lang,
      indicator: ind,
      targets: byIndicator.get(ind.id) ?? [],
      actual: actual.map((o) => ({ t: fractionalYear(o), value: o.value, label: formatQuarter(o, lang) })),
      sources,
      labels: {
        actual: illustrative && !sources.length ? `${agency} (${m.common.illustrative})` : agency,
        path: d.chartPath,
        summary: d.charts.summary,
        noData: d.noSeries,
      },
    });
  });
  return (
    <section aria-labelledby="charts" className="space-y-2">
      <h2 id="charts" className="text-xl font-semibold text-brand-800">
        {fill(d.charts.title, { count: all.length })}
      </h2>
      <p className="text-sm text-slate-700">{d.charts.intro}</p>
      {pages > 1 && (
        <ChartPages
          m={m}
          page={page}
          pages={pages}
          pageHref={pageHref}
          from={first + 1}
          to={first + multiples.length}
          count={all.length}
        />
      )}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="indicator-multiples">
        {multiples.map((x) => (
          <li key={x.code}>
            <Multiple lang={lang} m={m} x={x} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ChartPages(props: {
  m: Messages;
  page: number;
  pages: number;
  pageHref: (page: number) => string;
  from: number;
  to: number;
  count: number;
}) {
  const { m, page, pages, pageHref } = props;
  const c = m.dashboard.charts;
  const size = { size: CHARTS_PAGE_SIZE };
  return (
    <nav
      className="flex flex-wrap items-center gap-3 text-sm print:hidden"
      aria-label={c.pages}
      data-testid="chart-pages"
    >
      {page > 1 && (
        <Link href={pageHref(page - 1)} className="text-brand-700 underline" rel="prev">
          {fill(c.prev, size)}
        </Link>
      )}
      <span aria-current="page">{fill(c.shown, { from: props.from, to: props.to, count: props.count })}</span>
      {page < pages && (
        <Link href={pageHref(page + 1)} className="text-brand-700 underline" rel="next">
          {fill(c.next, size)}
        </Link>
      )}
    </nav>
  );
}

function Multiple({ lang, m, x }: { lang: Lang; m: Messages; x: SmallMultiple }) {
  const d = m.dashboard;
  const id = `multiple-${x.code}`;
  return (
    <figure
      className="h-full rounded border border-slate-200 bg-white p-2"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
      data-testid="indicator-multiple"
      data-indicator={x.code}
      data-chart
    >
      <figcaption className="space-y-1">
        <div className="flex items-start justify-between gap-2">
          <Link
            id={`${id}-title`}
            href={`/${lang}/indicators/${x.code}`}
            className="font-medium leading-snug text-brand-700 underline"
          >
            {x.name}
          </Link>
          <StatusBadge status={x.status} m={d} />
        </div>
        <p id={`${id}-summary`} className="text-xs text-slate-600">
          {x.summary}
        </p>
      </figcaption>
      <SmallMultipleChart
        lang={lang}
        unit={x.unit}
        kind={x.kind}
        rows={x.rows}
        series={x.series}
        geometry={{
          xDomain: x.geometry.xDomain,
          yDomain: x.geometry.yDomain,
          xTicks: x.geometry.xTicks,
          yTicks: x.geometry.yTicks,
          targets: x.geometry.targets,
          thresholdLabels: x.geometry.thresholdLabels,
        }}
        yLabels={x.yLabels}
        togglesLabel={fill(d.charts.toggles, { name: x.name })}
      />
      <ul className="mt-1 space-y-0.5 text-xs" aria-label={d.charts.thresholds} data-testid="multiple-thresholds">
        {x.thresholds.map((t) => (
          <li key={`${t.document}-${t.year}-${t.text}`} className="flex flex-wrap items-center gap-1">
            <span>
              {t.document} · {t.year} {t.text}
            </span>
            <StatusBadge status={t.status} m={d} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
