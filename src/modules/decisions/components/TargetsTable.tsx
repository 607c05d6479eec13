import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { scopeText } from "@/modules/indicators/labels";
import { formatThreshold, formatValue, type Comparator } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import type { DecisionDetail } from "../queries";

type Latest = Map<number, { year: number; quarter: number; approvedValue: number | null; illustrative: boolean }>;

export function TargetsTable({
  targets,
  documentKey,
  latest,
  lang,
  m,
}: {
  targets: DecisionDetail["targets"];
  documentKey: string;
  latest: Latest;
  lang: Lang;
  m: Messages;
}) {
  return (
    <div className="mt-3 overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="table-cards min-w-full text-sm" data-testid="targets-table">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {m.target.indicator}
            </th>
            <th scope="col" className="px-3 py-2">
              {m.target.year}
            </th>
            <th scope="col" className="px-3 py-2">
              {m.target.threshold}
            </th>
            <th scope="col" className="px-3 py-2">
              {m.target.scope}
            </th>
            <th scope="col" className="px-3 py-2">
              {m.target.latest}
            </th>
            <th scope="col" className="px-3 py-2">
              {m.target.quote}
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.key} id={t.key} className="border-t border-slate-100 align-top">
              <td data-label={m.target.indicator} className="px-3 py-2">
                <Link href={`/${lang}/indicators/${t.indicator.code}`} className="text-brand-700 underline">
                  {lang === "vi" ? t.indicator.nameVi : t.indicator.nameEn}
                </Link>
                <span className="block text-xs text-slate-500">{m.pillars[t.indicator.pillar]}</span>
              </td>
              <td data-label={m.target.year} className="px-3 py-2 font-medium">
                {t.year}
              </td>
              <td
                data-label={m.target.threshold}
                className="whitespace-nowrap px-3 py-2 font-semibold"
                data-testid="threshold"
              >
                {formatThreshold(
                  { comparator: t.comparator as Comparator, value: t.value },
                  t.indicator.unit,
                  t.indicator.kind,
                  lang,
                )}
                {t.approximate && (
                  <span className="block text-xs font-normal text-slate-500">({m.target.approximate})</span>
                )}
              </td>
              <td data-label={m.target.scope} className="px-3 py-2">
                {scopeText(t, m)}
              </td>
              <td data-label={m.target.latest} className="whitespace-nowrap px-3 py-2" data-testid="latest-value">
                {(() => {
                  const l = latest.get(t.indicatorId);
                  if (!l || l.approvedValue == null || t.scopeKind !== "NATIONAL") return "—";
                  return (
                    <>
                      {formatValue(l.approvedValue, t.indicator.unit, t.indicator.kind, lang)}
                      <span className="block text-xs text-slate-500">
                        {formatQuarter(l, lang)}
                        {l.illustrative && ` · ${m.common.illustrative}`}
                      </span>
                    </>
                  );
                })()}
              </td>
              <td data-label={m.target.quote} className="px-3 py-2">
                <blockquote lang="vi" className="italic">
                  “{t.quote}”
                </blockquote>
                {/* A full navigation (not <Link>), so the browser applies :target to the cited line. */}
                <a
                  href={`/${lang}/documents/${documentKey}#L${t.line}`}
                  className="text-xs text-brand-700 underline"
                  data-testid="quote-link"
                  title={m.public.source.quoteLink}
                >
                  {t.clause} · {fill(m.doc.line, { line: t.line })}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
