import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatValue } from "@/lib/format";
import { indicatorFigures } from "../queries";

/**
 * On an indicator's page: each source's latest published value, with its release, and a link to
 * every period with quotes and revisions on /sources. Nothing when no figure is published.
 */
export async function IndicatorFiguresSummary({ lang, m, code }: { lang: Lang; m: Messages; code: string }) {
  const g = await indicatorFigures(code);
  if (!g) return null;
  const t = m.figures.onIndicator;
  const latest = g.sources.map((s) => {
    const period = [...g.periods].reverse().find((p) => s.periods.has(p))!;
    const chain = s.periods.get(period)!;
    return { source: s.source, period, figure: chain[chain.length - 1] };
  });
  return (
    <section aria-labelledby="published-figures" data-testid="indicator-figures">
      <h2 id="published-figures" className="text-xl font-semibold text-brand-800">
        {t.title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t.intro}</p>
      <ul className="mt-3 space-y-2 text-sm">
        {latest.map(({ source, period, figure }) => (
          <li key={source.code}>
            <span className="font-medium">{lang === "vi" ? source.nameVi : source.nameEn}</span>
            {": "}
            <a
              href={figure.releaseUrl}
              rel="noopener noreferrer"
              className="text-brand-700 underline"
              title={figure.quote}
            >
              {fill(t.latest, {
                value: formatValue(figure.value, g.indicator.unit, g.indicator.kind, lang),
                period,
                date: formatDate(figure.releaseDate, lang),
              })}
            </a>
            {figure.provisional && <span className="ml-1 text-amber-800">({m.figures.provisional})</span>}
          </li>
        ))}
      </ul>
      <Link
        href={`/${lang}/sources?indicator=${code}`}
        prefetch={false}
        className="mt-2 inline-block text-sm text-brand-700 underline"
      >
        {t.more}
      </Link>
    </section>
  );
}
