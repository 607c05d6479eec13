import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { AGENCY_REPORTS, type SourceRef } from "../choice";
import type { IndicatorFigures, IndicatorStatusSourceView } from "../queries";
import { FiguresTable } from "./SourcesPage";
import { StatusSourceForm } from "./StatusSourceForm";

type Props = {
  lang: Lang;
  m: Messages;
  code: string;
  figures: IndicatorFigures | null;
  choice: IndicatorStatusSourceView;
};

const sourceName = (s: SourceRef | null, lang: Lang, m: Messages) =>
  s ? (lang === "vi" ? s.nameVi : s.nameEn) : m.figures.statusSource.agencyReports;

/**
 * On an indicator's page: which source its statuses use (who chose it, when and why, or that it is
 * the default) with the history of choices and, for national reviewers, the control to change it;
 * then every published source side by side by period. Script-free for the public: the control
 * renders only once the browser has confirmed a reviewer is signed in.
 */
export function IndicatorSources({ lang, m, code, figures, choice }: Props) {
  if (!figures && choice.history.length === 0) return null;
  const t = m.figures;
  return (
    <section aria-labelledby="published-figures" className="space-y-4" data-testid="indicator-figures">
      <h2 id="published-figures" className="text-xl font-semibold text-brand-800">
        {t.onIndicator.title}
      </h2>
      <StatusSourcePanel lang={lang} m={m} code={code} choice={choice} />
      {figures && (
        <>
          <p className="text-sm text-slate-700">{t.onIndicator.intro}</p>
          <FiguresTable g={figures} lang={lang} m={m} titled={false} chosen={choice.current.source?.code ?? null} />
        </>
      )}
      <Link
        href={`/${lang}/sources?indicator=${code}`}
        prefetch={false}
        className="inline-block text-sm text-brand-700 underline"
      >
        {t.onIndicator.more}
      </Link>
    </section>
  );
}

function StatusSourcePanel({ lang, m, code, choice }: Omit<Props, "figures">) {
  const t = m.figures.statusSource;
  const { current, agency } = choice;
  const agencyName = agency ? (lang === "vi" ? agency.nameVi : agency.nameEn) : "";
  const options = [
    ...choice.options.map((s) => ({ value: s.code, label: sourceName(s, lang, m) })),
    { value: AGENCY_REPORTS, label: t.agencyReports },
  ];
  return (
    <div className="rounded border border-slate-200 bg-white p-3" data-testid="status-source">
      <h3 className="font-semibold">{t.title}</h3>
      <p className="mt-1">
        {t.current}{" "}
        <strong data-testid="status-source-name" data-source={current.source?.code ?? AGENCY_REPORTS}>
          {sourceName(current.source, lang, m)}
        </strong>
        {current.source && <span className="text-slate-600"> ({m.figures.kinds[current.source.kind]})</span>}
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid="status-source-by">
        {current.by === "default"
          ? t.byDefault
          : fill(current.by === "user" ? t.byReviewer : t.bySeed, {
              agency: agencyName,
              date: formatDateTime(current.chosenAt!, lang),
            })}
        {current.reason && <span className="block">{fill(t.reason, { reason: current.reason })}</span>}
      </p>
      {choice.history.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-brand-700">
            {fill(t.history, { count: choice.history.length })}
          </summary>
          <ol className="mt-1 space-y-1" data-testid="status-source-history">
            {choice.history.slice(0, 20).map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at, lang)}: <span className="font-medium">{sourceName(h.source, lang, m)}</span> —{" "}
                {h.by === "user"
                  ? fill(t.historyReviewer, {
                      agency: h.agency ? (lang === "vi" ? h.agency.nameVi : h.agency.nameEn) : "",
                    })
                  : t.historySeed}
                . {fill(t.reason, { reason: h.reason })}
              </li>
            ))}
          </ol>
        </details>
      )}
      <StatusSourceForm
        lang={lang}
        indicator={code}
        options={options}
        current={current.source?.code ?? AGENCY_REPORTS}
      />
    </div>
  );
}
