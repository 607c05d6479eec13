import { clockNow } from "@/server/clock";
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter, fractionalYear, type Quarter } from "@/lib/periods";
import { approvedValues, asOfDate, targetStatuses, type TargetStatus } from "@/modules/statuses/queries";
import { targetSentence } from "@/modules/statuses/sentence";
import { OverrideForm } from "@/modules/statuses/components/OverrideForm";
import { StatusBadge } from "@/modules/statuses/components/StatusBadge";
import { scopeText } from "../labels";
import { approvedNationalSeries, indicatorPageData, type IndicatorPageData } from "../queries";
import { asPublishedSeries, nationalTargets, projection, targetPaths, type SeriesRow } from "../view-model";
import { IndicatorSources } from "@/modules/figures/components/IndicatorSources";
import { indicatorFigures, indicatorStatusSource, type IndicatorFigures } from "@/modules/figures/queries";
import { sourcePoints } from "@/modules/figures/series";
import { IndicatorChart, type ChartLine, type SourceLine } from "./IndicatorChart";
import { agencyComparison, type Comparison } from "@/modules/compare/queries";
import { isPerUnit } from "@/modules/statuses/filter";

type Target = IndicatorPageData["targets"][number];

/** One indicator: chart, thresholds of every decision with their status and quote, the data. */
export async function IndicatorPage({
  lang,
  m,
  code,
  asOf = null,
}: {
  lang: Lang;
  m: Messages;
  code: string;
  asOf?: Quarter | null;
}) {
  const d = m.dashboard;
  const ind = await indicatorPageData(code);
  if (!ind) return null;
  const [current, statuses, figures, choice, units] = await Promise.all([
    approvedNationalSeries(ind.id),
    targetStatuses(asOf),
    // As published at the end of a past quarter, the published figures too.
    indicatorFigures(ind.code, asOf ? asOfDate(asOf) : undefined),
    asOf ? null : indicatorStatusSource(ind.id),
    // A per-unit floor's status comes from the agencies' values: the page shows them.
    !asOf && ind.targets.some(isPerUnit) ? agencyComparison(ind.code, null) : null,
  ]);
  // As published at the end of a past quarter: the approved revisions written by then.
  const series: SeriesRow[] = asOf
    ? asPublishedSeries(
        await approvedValues(asOfDate(asOf), { historical: true, national: true, indicatorIds: [ind.id] }),
        current,
        asOf,
      )
    : current;
  const byTarget = new Map(statuses.filter((s) => s.indicatorId === ind.id).map((s) => [s.targetId, s]));
  const name = lang === "vi" ? ind.nameVi : ind.nameEn;
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  const points = series
    .filter((o) => o.approvedValue != null)
    .map((o) => ({ t: fractionalYear(o), value: o.approvedValue!, label: formatQuarter(o, lang) }));
  const last = points[points.length - 1];
  const illustrative = series.some((o) => o.illustrative);

  return (
    <article className="space-y-8">
      <div>
        <p className="text-sm text-slate-600">{m.pillars[ind.pillar]}</p>
        <h1 className="text-2xl font-bold text-brand-800">{name}</h1>
        {asOf && (
          <p
            className="mt-2 rounded border border-indigo-300 bg-indigo-50 p-2 text-sm text-indigo-900"
            role="note"
            data-testid="as-published"
          >
            {fill(d.scorecard.archiveBanner, { period: formatQuarter(asOf, lang) })}{" "}
            <Link href={`/${lang}/indicators/${ind.code}`} className="underline">
              {d.scorecard.backToNow}
            </Link>
          </p>
        )}
        {lang === "en" && (
          <p className="text-slate-600" lang="vi">
            {ind.nameVi}
          </p>
        )}
        {(lang === "vi" ? ind.descriptionVi : ind.descriptionEn) && (
          <p className="mt-2 max-w-3xl text-slate-700">{lang === "vi" ? ind.descriptionVi : ind.descriptionEn}</p>
        )}
        {last && (
          <p className="mt-3 text-lg">
            {d.latest}: <strong data-testid="indicator-latest">{v(last.value)}</strong> ({last.label})
          </p>
        )}
        {illustrative && (
          <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900" role="note">
            ⓘ {d.illustrativeNote}
          </p>
        )}
      </div>

      <Chart lang={lang} m={m} ind={ind} name={name} points={points} illustrative={illustrative} figures={figures} />
      {choice && <IndicatorSources lang={lang} m={m} code={ind.code} figures={figures} choice={choice} />}
      <TargetList lang={lang} m={m} ind={ind} byTarget={byTarget} units={units} nationalShown={points.length > 0} />
      <DataTable lang={lang} m={m} ind={ind} series={series} />
    </article>
  );
}

function Chart({
  lang,
  m,
  ind,
  name,
  points,
  illustrative,
  figures,
}: {
  lang: Lang;
  m: Messages;
  ind: IndicatorPageData;
  name: string;
  points: { t: number; value: number; label: string }[];
  illustrative: boolean;
  figures: IndicatorFigures | null;
}) {
  const d = m.dashboard;
  const f = m.figures.chart;
  const sources: SourceLine[] = (figures?.sources ?? [])
    .map((s) => ({
      code: s.source.code,
      name: fill(f.source, { source: lang === "vi" ? s.source.nameVi : s.source.nameEn }),
      points: sourcePoints({ periods: figures!.periods, chains: s.periods }),
    }))
    .filter((s) => s.points.length > 0);
  if (!points.length && !sources.length)
    return <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-600">{d.noSeries}</p>;
  // With published sources beside them, the agencies' values are named as such, and as
  // illustrative wherever they are.
  const actual = sources.length ? (illustrative ? f.agencyIllustrative : f.agency) : d.chartActual;
  const actualLabel = illustrative && !sources.length ? `${actual} (${m.common.illustrative})` : actual;
  const thresholdLabel = (t: Target) =>
    `${t.document.numberCanonical ?? t.document.key} · ${t.year} ${formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang)}`;
  const national = nationalTargets(ind.targets);
  const all = [...points, ...sources.flatMap((s) => s.points)].sort((a, b) => a.t - b.t);
  const base = points[0];
  const last = points[points.length - 1];
  const paths: ChartLine[] = targetPaths(base, national).map(({ target: t, points }) => ({
    name: fill(d.chartPath, {
      target: `${t.year} ${formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang)}`,
    }),
    points,
  }));
  const projected = projection(base, last, ind.kind);
  return (
    <IndicatorChart
      title={fill(d.chartTitle, { name })}
      summary={[
        fill(d.chartSummary, {
          from: all[0].label,
          to: all[all.length - 1].label,
          thresholds: national.map(thresholdLabel).join("; ") || "—",
        }),
        sources.length ? fill(f.summary, { sources: sources.map((s) => s.name).join("; ") }) : "",
      ]
        .filter(Boolean)
        .join(" ")}
      lang={lang}
      kind={ind.kind}
      unit={ind.unit}
      inverted={ind.kind === "RANK"}
      bounded={ind.kind === "PERCENT"}
      series={points}
      sources={sources}
      targets={national.map((t) => ({
        t: t.year + 1,
        value: t.value,
        label: thresholdLabel(t),
        final: t.year < clockNow().getUTCFullYear(),
      }))}
      paths={paths}
      projection={projected ? { name: d.chartProjection, points: projected } : null}
      labels={{ actual: actualLabel, projection: d.chartProjection }}
    />
  );
}

function TargetList({
  lang,
  m,
  ind,
  byTarget,
  units,
  nationalShown,
}: {
  lang: Lang;
  m: Messages;
  ind: IndicatorPageData;
  byTarget: Map<number, TargetStatus>;
  units: Comparison | null;
  /** Whether the page shows approved national values; if not, a status says where it comes from. */
  nationalShown: boolean;
}) {
  const d = m.dashboard;
  return (
    <section aria-labelledby="targets" className="space-y-3">
      <h2 id="targets" className="text-xl font-semibold text-brand-800">
        {d.targetsOf}
      </h2>
      <ul className="space-y-3">
        {ind.targets.map((t) => {
          const s = byTarget.get(t.id);
          return (
            <li
              key={t.id}
              id={t.key}
              className="rounded border border-slate-200 bg-white p-3"
              data-testid="indicator-target"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  <Link
                    href={`/${lang}/decisions/${t.document.key}#${t.key}`}
                    prefetch={false}
                    className="text-brand-700 underline"
                  >
                    {t.document.numberCanonical ?? t.document.key}
                  </Link>
                  {!t.document.inForce && <span className="ml-1 text-xs text-amber-900">({m.doc.notInForce})</span>} ·{" "}
                  {d.milestone} {t.year}:{" "}
                  <span data-testid="target-threshold">
                    {formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang)}
                  </span>{" "}
                  · {scopeText(t, m)}
                </p>
                {s && (
                  <StatusBadge
                    status={s.effective}
                    m={d}
                    overridden={!!s.override}
                    phase={s.computed.explanation.phase}
                    glossary={{ lang, label: m.compare.glossary }}
                  />
                )}
              </div>
              <blockquote lang="vi" className="mt-1 text-sm italic">
                “{t.quote}”
              </blockquote>
              <a
                href={`/${lang}/documents/${t.document.key}#L${t.line}`}
                className="text-xs text-brand-700 underline"
                data-testid="quote-link"
                title={m.public.source.quoteLink}
              >
                {t.clause} · {fill(m.doc.line, { line: t.line })}
              </a>
              {s && (
                <p className="mt-1 text-sm text-slate-700" data-testid="status-explanation">
                  {s.override && (
                    <span className="block">
                      {d.override}:{" "}
                      {fill(d.overrideBy, {
                        status: d.statuses[s.override.status],
                        at: formatDate(s.override.at, lang),
                        reason: s.override.reason,
                      })}
                      . {d.computed}: {d.statuses[s.computed.status]}.
                    </span>
                  )}
                  {targetSentence(s, lang)}{" "}
                  <a href={`/${lang}/methodology#method`} className="text-brand-700 underline">
                    {m.methodology.sentence.how}
                  </a>
                </p>
              )}
              {s && isPerUnit(t) && units && <UnitValues lang={lang} m={m} ind={ind} c={units} />}
              {s && !isPerUnit(t) && !nationalShown && s.source && (
                <p className="mt-1 text-sm text-slate-700" data-testid="status-from-source">
                  {fill(m.compare.sourceNote, { source: lang === "vi" ? s.source.nameVi : s.source.nameEn })}{" "}
                  <a href="#published-figures" className="text-brand-700 underline">
                    ↓
                  </a>
                </p>
              )}
              {s && <OverrideForm targetId={t.id} current={s.effective} m={d} hasOverride={!!s.override} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DataTable({ lang, m, ind, series }: { lang: Lang; m: Messages; ind: IndicatorPageData; series: SeriesRow[] }) {
  const d = m.dashboard;
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  return (
    <section aria-labelledby="data" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="data" className="text-xl font-semibold text-brand-800">
          {d.tableTitle}
        </h2>
        <a href={`/api/v1/indicators/${ind.code}/observations.csv`} className="text-sm text-brand-700 underline">
          ⬇ {d.csv}
        </a>
      </div>
      {series.length === 0 ? (
        <p className="text-slate-600">{d.noSeries}</p>
      ) : (
        <div
          className="max-h-96 overflow-auto rounded border border-slate-200 bg-white"
          tabIndex={0}
          role="region"
          aria-labelledby="data"
        >
          <table className="min-w-full text-sm" data-testid="indicator-data">
            <thead className="sticky top-0 bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-2 py-1">
                  {d.period}
                </th>
                <th scope="col" className="px-2 py-1">
                  {d.value}
                </th>
                <th scope="col" className="px-2 py-1">
                  {d.source}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...series].reverse().map((o) => (
                <tr key={`${o.year}-${o.quarter}`} className="border-t border-slate-100">
                  <td className="px-2 py-1">{formatQuarter(o, lang)}</td>
                  <td className="px-2 py-1">
                    {o.approvedValue == null ? "—" : v(o.approvedValue)}
                    {o.illustrative && <span className="ml-1 text-xs text-slate-500">({m.common.illustrative})</span>}
                  </td>
                  <td className="px-2 py-1 text-slate-600">{o.source ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The per-unit values behind a floor's status: each agency's approved value, and who has none. */
function UnitValues({ lang, m, ind, c }: { lang: Lang; m: Messages; ind: IndicatorPageData; c: Comparison }) {
  const t = m.compare;
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  const name = (a: { nameVi: string; nameEn: string }) => (lang === "vi" ? a.nameVi : a.nameEn);
  return (
    <div className="mt-2 rounded bg-slate-50 p-2 text-sm" data-testid="unit-values">
      <p>{t.perUnitNote}</p>
      <p className="mt-1">
        <strong>{formatQuarter(c.period, lang)}:</strong>{" "}
        {c.ranked.map((u) => `${name(u.agency)} ${v(u.value)}`).join("; ") || t.nobody}
        {c.missing.length > 0 && (
          <span className="block">
            {fill(t.missingTitle, { count: c.missing.length })}: {c.missing.map((u) => name(u.agency)).join(", ")}
          </span>
        )}
      </p>
      <a
        href={`/${lang}/indicators/${ind.code}/compare?period=${c.period.year}-Q${c.period.quarter}`}
        className="text-brand-700 underline"
      >
        {t.link} →
      </a>
    </div>
  );
}
