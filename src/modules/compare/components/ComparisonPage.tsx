import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter, periodKey } from "@/lib/periods";
import { FilterSelect } from "@/components/form/FilterField";
import type { Comparison } from "../queries";
import { scaleMax } from "../ranking";
import { SubmittedToggle } from "./SubmittedToggle";

// Script-free: a GET form picks the quarter, the bars are plain boxes, every bar's meaning is also
// written out (value, and met / not met per floor), so nothing rests on the drawing or on colour.
// A value awaiting review (reviewers only) is written "chờ duyệt" beside it, on a dashed card with
// a striped bar: marked in words first, in its look second.

/** A striped bar for a value awaiting review: apart from the approved ones in print and grey too. */
const PENDING_BAR = "repeating-linear-gradient(135deg, #92400e 0 4px, #fcd34d 4px 8px)";

/**
 * The comparison of agencies on one indicator for one quarter: approved data, and for reviewers
 * who ask (`c.submitted`) the values awaiting review beside them.
 */
export function ComparisonPage({ lang, m, c }: { lang: Lang; m: Messages; c: Comparison }) {
  const t = m.compare;
  const ind = c.indicator;
  const name = lang === "vi" ? ind.nameVi : ind.nameEn;
  const period = formatQuarter(c.period, lang);
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  const threshold = (f: Comparison["floors"][number]) => formatThreshold(f, ind.unit, ind.kind, lang);
  const max = scaleMax(
    c.ranked.map((u) => u.value),
    c.floors.map((f) => f.value),
    ind.kind,
  );
  const pct = (x: number) => `${Math.max(0, Math.min(100, (x / max) * 100)).toFixed(2)}%`;
  const periods = c.periods.some((p) => periodKey(p) === periodKey(c.period)) ? c.periods : [c.period, ...c.periods];
  const illustrative = c.ranked.some((u) => u.illustrative);
  const pending = c.ranked.filter((u) => u.state === "SUBMITTED").length;
  return (
    <article className="space-y-6">
      <div className="space-y-2">
        <Link href={`/${lang}/indicators/${ind.code}`} className="text-sm text-brand-700 underline">
          {t.back}
        </Link>
        <h1 className="text-2xl font-bold text-brand-800">{fill(t.title, { name })}</h1>
        <p className="max-w-3xl text-slate-700">{t.intro}</p>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t.period}>
          <FilterSelect
            id="period"
            label={t.period}
            value={periodKey(c.period)}
            options={periods.map((p) => [periodKey(p), formatQuarter(p, lang)] as [string, string])}
          />
          <SubmittedToggle label={t.submittedToggle} checked={c.submitted} />
          <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white">
            {t.show}
          </button>
        </form>
        {c.submitted && (
          <p
            className="rounded border border-dashed border-amber-700 bg-amber-50 p-2 text-sm text-amber-900"
            role="note"
          >
            {t.submittedNote} {t.pendingBar}
          </p>
        )}
        <p data-testid="compare-counts">
          {c.submitted
            ? fill(t.countsSubmitted, {
                approved: c.ranked.length - pending,
                submitted: pending,
                missing: c.missing.length,
                expected: c.expected,
                period,
              })
            : fill(t.counts, { reported: c.ranked.length, expected: c.expected, period })}
        </p>
        <p className="text-sm text-slate-700">
          {c.floors.length
            ? fill(t.floorLegend, {
                floors: c.floors
                  .map((f) => `${f.year} ${threshold(f)}, ${f.kinds ? t.floorCentral : t.floorEach}`)
                  .join("; "),
              })
            : t.noFloor}
        </p>
        {illustrative && (
          <p className="rounded bg-amber-50 p-2 text-sm text-amber-900" role="note">
            ⓘ {m.dashboard.illustrativeNote}
          </p>
        )}
      </div>

      <section aria-labelledby="ranking" className="space-y-2">
        <h2 id="ranking" className="text-xl font-semibold text-brand-800">
          {fill(t.rankingTitle, { period })}
        </h2>
        {c.ranked.length === 0 ? (
          <p className="text-slate-600">{c.submitted ? t.nobodySubmitted : t.nobody}</p>
        ) : (
          <ol className="space-y-2" data-testid="compare-ranking">
            {c.ranked.map((u) => (
              <li
                key={`${u.agency.id}-${u.state}`}
                className={
                  u.state === "SUBMITTED"
                    ? "rounded border-2 border-dashed border-amber-700 bg-amber-50 p-2 text-sm"
                    : "rounded border border-slate-200 bg-white p-2 text-sm"
                }
                data-testid="compare-row"
                data-agency={u.agency.code}
                data-state={u.state}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className="font-medium">
                    <span className="mr-2 text-slate-600">
                      <span className="sr-only">{t.rank} </span>
                      {u.rank}.
                    </span>
                    {lang === "vi" ? u.agency.nameVi : u.agency.nameEn}
                  </p>
                  <p>
                    <strong data-testid="compare-value">{v(u.value)}</strong>
                    {u.state === "SUBMITTED" && (
                      <span
                        className="ml-2 rounded border border-amber-800 px-1 text-xs font-semibold text-amber-900"
                        data-testid="compare-pending"
                      >
                        {t.pending}
                      </span>
                    )}
                    {u.illustrative && <span className="ml-1 text-xs text-slate-600">({m.common.illustrative})</span>}
                  </p>
                </div>
                <div className="relative mt-1 h-3 rounded bg-slate-100" aria-hidden="true">
                  <div
                    className="h-3 rounded bg-brand-700"
                    style={{ width: pct(u.value), ...(u.state === "SUBMITTED" ? { background: PENDING_BAR } : {}) }}
                  />
                  {c.floors.map((f) => (
                    <div
                      key={f.targetKey}
                      className="absolute -top-1 h-5 border-l-2 border-dashed border-slate-900"
                      style={{ left: pct(f.value) }}
                    />
                  ))}
                </div>
                {u.meets.length > 0 && (
                  <ul className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700">
                    {u.meets.map((x, i) => {
                      const f = c.floors[i];
                      return (
                        <li key={x.targetKey}>
                          {fill(t.floorHeader, { year: f.year, floor: threshold(f) })}:{" "}
                          <strong>
                            {x.meets === null ? t.notApplicable : x.meets ? `✔ ${t.meets}` : `✘ ${t.misses}`}
                          </strong>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="missing" className="space-y-2">
        <h2 id="missing" className="text-xl font-semibold text-brand-800">
          {fill(t.missingTitle, { count: c.missing.length })}
        </h2>
        {c.missing.length === 0 ? (
          <p className="text-slate-600">{t.none}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {fill(c.submitted ? t.missingIntroSubmitted : t.missingIntro, { period })}
            </p>
            <ul className="flex flex-wrap gap-2 text-sm" data-testid="compare-missing">
              {c.missing.map((u) => (
                <li key={u.agency.id} className="rounded border border-dashed border-slate-400 px-2 py-1">
                  {lang === "vi" ? u.agency.nameVi : u.agency.nameEn}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <p className="text-sm">
        <a
          href={`/api/v1/indicators/${ind.code}/compare?period=${periodKey(c.period)}`}
          className="text-brand-700 underline"
        >
          JSON
        </a>
      </p>
    </article>
  );
}
