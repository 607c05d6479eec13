// Turns a status result into sentences a reader can check: milestone, values and periods used,
// the rate needed and the rate achieved, the phase, the source, and every warning the method raised.
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatNumber, formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import type { StatusResult, UsedPoint } from "@/lib/status";

/** "Quý III/2025" for a quarter, "2024" / "2023-2024" for a year or two. */
function periodLabel(p: UsedPoint, lang: Lang): string {
  return p.period.includes("-Q") ? formatQuarter(p, lang) : p.period;
}

function mainSentence(r: StatusResult, ind: { unit: string; kind: string }, lang: Lang, m: Messages["dashboard"]) {
  const e = r.explanation;
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  const target = formatThreshold({ comparator: e.target.comparator, value: e.target.value }, ind.unit, ind.kind, lang);
  const rate = (x: number | null) => {
    if (x == null || !Number.isFinite(x)) return "—";
    return e.method === "cagr" ? `${formatNumber(x * 100, lang, 2)}%` : formatNumber(x, lang, 2);
  };
  if (r.status === "NO_DATA" || (r.status === "INSUFFICIENT_COVERAGE" && !e.latest))
    return fill(m.explain.noData, { year: e.milestone });
  if (e.phase !== "IN_PROGRESS" && e.latest)
    return fill(m.explain.final, {
      year: e.milestone,
      latest: v(e.latest.value),
      period: periodLabel(e.latest, lang),
      target,
    });
  if (e.method === "threshold" && e.latest)
    return fill(m.explain.achievedEarly, {
      year: e.milestone,
      latest: v(e.latest.value),
      period: periodLabel(e.latest, lang),
      target,
    });
  if (e.method === "rate" && e.latest)
    return `${m.explain.method.rate}: ${v(e.latest.value)} (${periodLabel(e.latest, lang)}) / ${target}; R = ${e.ratio == null ? "—" : formatNumber(e.ratio, lang, 2)}.`;
  if (r.status === "NOT_ENOUGH_DATA" || !e.base || !e.latest) return fill(m.explain.notEnough, { points: e.points });
  return `${fill(m.explain.trend, {
    base: v(e.base.value),
    basePeriod: periodLabel(e.base, lang),
    latest: v(e.latest.value),
    period: periodLabel(e.latest, lang),
    achieved: rate(e.rateAchieved),
    needed: rate(e.rateNeeded),
    target,
    year: e.milestone,
    ratio: e.ratio == null || !Number.isFinite(e.ratio) ? "—" : formatNumber(e.ratio, lang, 2),
  })} (${m.explain.method[e.method]})`;
}

export function explainStatus(
  r: StatusResult,
  ind: { unit: string; kind: string },
  lang: Lang,
  m: Messages["dashboard"],
  units = 0,
  source?: { nameVi: string; nameEn: string } | null,
): string {
  const e = r.explanation;
  const parts = [mainSentence(r, ind, lang, m)];
  if (e.reason === "NO_SUBGROUP_SERIES") parts.push(m.explain.noSubgroup);
  if (e.reason === "LEVEL_NOT_REPORTED") parts.push(m.explain.levelNotReported);
  if (e.reason === "NO_BASE_YEAR" && r.status === "NOT_ENOUGH_DATA") parts.push(m.explain.noBaseYear);
  if (e.baseShifted && e.base && e.baseYear != null)
    parts.push(fill(m.explain.baseShifted, { baseYear: e.baseYear, period: periodLabel(e.base, lang) }));
  if (e.latestOutsideTargetYear && e.latest)
    parts.push(fill(m.explain.stale, { period: periodLabel(e.latest, lang), year: e.milestone }));
  if (e.latest?.provisional) parts.push(m.explain.provisionalValue);
  if (e.phase === "PROVISIONAL") parts.push(fill(m.explain.provisional, { date: formatDate(e.finalFrom, lang) }));
  if (e.coverage && r.status === "INSUFFICIENT_COVERAGE")
    parts.push(
      fill(m.explain.coverage, {
        reported: e.coverage.reported,
        expected: e.coverage.expected,
        required: e.coverage.required,
        worst: e.coverage.worst?.name ?? "—",
      }),
    );
  else if (units > 1) parts.push(fill(m.explain.units, { units }));
  if (source !== undefined)
    parts.push(
      source
        ? fill(m.explain.source, { source: lang === "vi" ? source.nameVi : source.nameEn })
        : m.explain.sourceAgencies,
    );
  return parts.join(" ");
}
