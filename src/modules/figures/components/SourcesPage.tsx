import Link from "next/link";
import { Pager, SearchForm } from "@/components/PublicList";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatValue } from "@/lib/format";
import { findFigures, figureIndicators, groupFigures, type FigureRow, type IndicatorFigures } from "../queries";
import type { SourcesFilters } from "../schemas";

const PAGE = 10;

/** "?indicator=…&page=…" for links; page 1 is left out. */
function sourcesQuery(f: Partial<SourcesFilters>): string {
  const p = new URLSearchParams();
  if (f.indicator) p.set("indicator", f.indicator);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/**
 * Every indicator with published figures: one table per indicator, periods down and sources
 * across, so sources that disagree sit side by side. Script-free (anonymous visitors get it without
 * React): the quote is in a <details> under each value and in the link's title.
 */
export async function SourcesPage({ lang, m, filters }: { lang: Lang; m: Messages; filters: SourcesFilters }) {
  const t = m.figures;
  const [rows, indicators] = await Promise.all([findFigures({ indicator: filters.indicator }), figureIndicators()]);
  const groups = groupFigures(rows);
  const pages = Math.max(1, Math.ceil(groups.length / PAGE));
  const page = Math.min(filters.page, pages);
  const shown = groups.slice((page - 1) * PAGE, page * PAGE);
  const here = `/${lang}/sources`;
  const name = (x: { nameVi: string; nameEn: string }) => (lang === "vi" ? x.nameVi : x.nameEn);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t.intro}</p>
      </div>

      <SearchForm action={here} label={t.filters}>
        <div>
          <label htmlFor="indicator" className="block text-xs font-medium">
            {t.indicator}
          </label>
          <select
            id="indicator"
            name="indicator"
            defaultValue={filters.indicator ?? ""}
            className="mt-1 max-w-[24rem] rounded border border-slate-300 px-2 py-1"
          >
            <option value="">{t.all}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {name(i)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          {t.apply}
        </button>
        {filters.indicator && (
          <Link href={here} prefetch={false} className="text-brand-700 underline">
            {t.reset}
          </Link>
        )}
        <a
          href={`/api/v1/figures${filters.indicator ? `?indicator=${filters.indicator}` : ""}`}
          className="ml-auto text-brand-700 underline"
        >
          {t.api}
        </a>
      </SearchForm>

      {shown.length === 0 ? (
        <div
          className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700"
          data-testid="sources-empty"
        >
          <p>{filters.indicator ? t.emptyFiltered : t.empty}</p>
          {filters.indicator && (
            <Link href={here} prefetch={false} className="mt-2 inline-block text-sm text-brand-700 underline">
              {t.reset}
            </Link>
          )}
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="sources-count">
            {fill(t.showing, {
              from: (page - 1) * PAGE + 1,
              to: (page - 1) * PAGE + shown.length,
              total: groups.length,
            })}
          </p>
          {shown.map((g) => (
            <FiguresTable key={g.indicator.code} g={g} lang={lang} m={m} />
          ))}
        </>
      )}
      <Pager page={page} pages={pages} href={(n) => `${here}${sourcesQuery({ ...filters, page: n })}`} t={t} />
    </div>
  );
}

/**
 * One indicator's figures: periods down, sources across, each value linked to its release with
 * the quote under it. `titled`: with the indicator's name as a heading (the sources page); the
 * indicator's own page has its heading already. `chosen`: the source its statuses use, marked.
 */
export function FiguresTable({
  g,
  lang,
  m,
  titled = true,
  chosen,
}: {
  g: IndicatorFigures;
  lang: Lang;
  m: Messages;
  titled?: boolean;
  chosen?: string | null;
}) {
  const t = m.figures;
  const id = `ind-${g.indicator.code}`;
  const title = lang === "vi" ? g.indicator.nameVi : g.indicator.nameEn;
  const fmt = (v: number) => formatValue(v, g.indicator.unit, g.indicator.kind, lang);
  return (
    <section
      aria-labelledby={id}
      className="space-y-2"
      data-testid="figures-indicator"
      data-indicator={g.indicator.code}
    >
      {titled && (
        <h2 id={id} className="text-lg font-semibold text-brand-800">
          <Link href={`/${lang}/indicators/${g.indicator.code}`} prefetch={false} className="hover:underline">
            {title}
          </Link>
        </h2>
      )}
      <div
        className="overflow-x-auto rounded border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-labelledby={id}
      >
        <table className="min-w-full text-sm">
          <caption id={titled ? undefined : id} className="sr-only">
            {fill(t.tableCaption, { indicator: title })}
          </caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t.period}
              </th>
              {g.sources.map((s) => (
                <th key={s.source.code} scope="col" className="px-3 py-2" data-source={s.source.code}>
                  {lang === "vi" ? s.source.nameVi : s.source.nameEn}
                  <span className="block text-xs font-normal text-slate-600">{t.kinds[s.source.kind]}</span>
                  {chosen === s.source.code && (
                    <span className="mt-1 block text-xs font-normal text-emerald-900" data-testid="figures-chosen">
                      ✓ {t.onIndicator.usedForStatus}
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {g.periods.map((p) => {
              const current = g.sources
                .map((s) => s.periods.get(p)?.at(-1)?.value)
                .filter((v): v is number => v !== undefined);
              const conflict = new Set(current).size > 1;
              return (
                <tr
                  key={p}
                  className="border-t border-slate-100 align-top"
                  data-testid="figures-period"
                  data-period={p}
                  data-conflict={conflict ? "true" : undefined}
                >
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                    {p}
                    {conflict && <span className="mt-1 block text-xs font-normal text-amber-800">⚠ {t.conflict}</span>}
                  </th>
                  {g.sources.map((s) => {
                    const chain = s.periods.get(p);
                    return (
                      <td key={s.source.code} className="px-3 py-2" data-source={s.source.code}>
                        {chain ? (
                          <FigureCell chain={chain} fmt={fmt} lang={lang} m={m} />
                        ) : (
                          <span className="text-slate-500">{t.noValue}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FigureCell({
  chain,
  fmt,
  lang,
  m,
}: {
  chain: FigureRow[];
  fmt: (v: number) => string;
  lang: Lang;
  m: Messages;
}) {
  const t = m.figures;
  const f = chain[chain.length - 1];
  const earlier = chain.slice(0, -1).reverse();
  return (
    <div data-testid="figure" data-key={f.key}>
      <a
        href={f.releaseUrl}
        rel="external noopener noreferrer"
        className="font-semibold text-brand-700 underline"
        title={`${f.quote} — ${f.releaseTitle}, ${formatDate(f.releaseDate, lang)}`}
        data-testid="figure-value"
      >
        {fmt(f.value)}
      </a>
      {f.provisional && (
        <span
          className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900"
          title={t.provisionalLong}
          data-testid="figure-provisional"
        >
          {t.provisional}
        </span>
      )}
      {earlier.map((e) => (
        <span key={e.id} className="block text-xs text-slate-600" data-testid="figure-revised">
          {fill(t.revisedFrom, { value: fmt(e.value), date: formatDate(e.releaseDate, lang) })}
        </span>
      ))}
      <details className="mt-1 max-w-xs text-xs text-slate-700">
        <summary className="cursor-pointer text-brand-700">{t.quote}</summary>
        <blockquote className="mt-1 border-l-2 border-slate-300 pl-2" lang="vi">
          “{f.quote}”
        </blockquote>
        <p className="mt-1">
          <a href={f.releaseUrl} rel="external noopener noreferrer" className="underline">
            {fill(t.releaseOf, { title: f.releaseTitle, date: formatDate(f.releaseDate, lang) })}
          </a>
        </p>
        <p className="mt-1">{fill(t.printedAs, { printed: f.printed })}</p>
        {f.definitionNote && (
          <p className="mt-1">
            <span className="font-medium">{t.definitionNote}:</span> {f.definitionNote}
          </p>
        )}
      </details>
    </div>
  );
}
