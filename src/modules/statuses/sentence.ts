// One plain sentence per status, in the reader's language: what was needed, what happened and
// what it means, then the warnings a reader must not miss (provisional, an old deciding value, a
// shifted base). Ranks read as places ("hạng 71"), never as negative growth rates. Pure.
import type { Lang } from "@/i18n/config";
import { fill, getMessages, type Messages } from "@/i18n/messages";
import { formatDate, formatNumber, formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import type { Explanation, StatusResult, UsedPoint } from "@/lib/status";

type M = Messages["methodology"]["sentence"];
type Indicator = { unit: string; kind: string };

/** "2024-Q3" → "Quý III/2024" / "Q3 2024"; "2024" and "2023-2024" stay as years. */
export function periodLabel(p: Pick<UsedPoint, "period" | "year" | "quarter">, lang: Lang): string {
  if (/^\d{4}-Q[1-4]$/.test(p.period)) return formatQuarter(p, lang);
  return p.period.replace("-", "–");
}

/** A pace per year in words: "tăng 2,1 điểm phần trăm/năm", "lên 3,8 bậc/năm", "a rise of 5.2%/year". */
export function paceText(e: Explanation, rate: number, ind: Indicator, lang: Lang, m: M): string {
  const n = (x: number) => formatNumber(x, lang, 2);
  if (e.method === "positions")
    return fill(m.perYear, { x: fill(rate >= 0 ? m.rankUp : m.rankDown, { x: n(Math.abs(rate)) }) });
  const size =
    e.method === "cagr"
      ? fill(m.percent, { x: n(Math.abs(rate) * 100) })
      : e.method === "points"
        ? fill(m.points, { x: n(Math.abs(rate)) })
        : formatValue(Math.abs(rate), ind.unit, ind.kind, lang);
  return fill(m.perYear, { x: fill(rate >= 0 ? m.up : m.down, { x: size }) });
}

function needOf(e: Explanation, ind: Indicator, lang: Lang, m: M): string {
  const target = formatThreshold({ comparator: e.target.comparator, value: e.target.value }, ind.unit, ind.kind, lang);
  return fill(e.coverage ? m.needEach : m.need, {
    target: e.target.approximate ? `~${target}` : target,
    year: e.milestone,
  });
}

function mainClause(r: StatusResult, ind: Indicator, lang: Lang, m: M): string {
  const e = r.explanation;
  const need = needOf(e, ind, lang, m);
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  const latest = e.latest ? { latest: v(e.latest.value), period: periodLabel(e.latest, lang) } : null;
  switch (r.status) {
    case "NO_DATA":
      return fill(
        e.reason === "NO_SUBGROUP_SERIES" ? m.noSubgroup : e.reason === "LEVEL_NOT_REPORTED" ? m.noLevel : m.noData,
        { need },
      );
    case "INSUFFICIENT_COVERAGE":
      return fill(m.coverage, {
        need,
        reported: e.coverage?.reported ?? 0,
        expected: e.coverage?.expected ?? 0,
        required: e.coverage?.required ?? 0,
      });
    case "NOT_ENOUGH_DATA":
      if (e.reason === "NO_SUBGROUP_SERIES") return fill(m.noSubgroup, { need });
      if (e.reason === "LEVEL_NOT_REPORTED") return fill(m.noLevel, { need });
      if (e.baseYear == null) return fill(m.noBase, { need });
      return fill(m.notEnough, { need, baseYear: e.baseYear });
    case "ACHIEVED":
      return fill(e.phase === "IN_PROGRESS" ? m.achievedEarly : m.achieved, { need, ...latest! });
    case "MISSED":
      return fill(m.missed, { need, ...latest! });
  }
  const meaning = m.meaning[r.status];
  if (e.method === "rate") return fill(m.rate, { need, meaning, ...latest! });
  if (e.method === "met" || !e.base || e.rateNeeded == null || e.rateAchieved == null)
    return fill(m.notYet, { need, meaning, period: latest?.period ?? "—" });
  const base = { base: v(e.base.value), basePeriod: periodLabel(e.base, lang) };
  if (e.stalled) {
    const tol = e.tolerance.relative
      ? formatValue(e.tolerance.value * e.base.value, ind.unit, ind.kind, lang)
      : e.measure === "RANK"
        ? fill(m.places, { x: formatNumber(e.tolerance.value, lang) })
        : fill(m.points, { x: formatNumber(e.tolerance.value, lang) });
    return fill(m.stalled, { need, meaning, tolerance: tol, ...base, ...latest! });
  }
  return fill(m.pace, {
    need,
    meaning,
    ...base,
    ...latest!,
    needed: paceText(e, e.rateNeeded, ind, lang, m),
    achieved: paceText(e, e.rateAchieved, ind, lang, m),
  });
}

/** The warnings after the main clause, each its own short sentence. */
function notes(r: StatusResult, lang: Lang, m: M, source?: string): string[] {
  const e = r.explanation;
  const out: string[] = [];
  if (e.baseShifted && e.base && e.baseYear != null)
    out.push(fill(m.notes.baseShifted, { baseYear: e.baseYear, basePeriod: periodLabel(e.base, lang) }));
  if (e.latestOutsideTargetYear && e.latest)
    out.push(fill(m.notes.outsideYear, { period: periodLabel(e.latest, lang), year: e.milestone }));
  if (e.latest?.provisional) out.push(fill(m.notes.provisionalFigure, { period: periodLabel(e.latest, lang) }));
  if (e.phase === "PROVISIONAL")
    out.push(fill(m.notes.provisional, { date: formatDate(e.finalFrom, lang), year: e.milestone }));
  if (e.coverage?.worst) out.push(fill(m.notes.worstUnit, { name: e.coverage.worst.name }));
  if (source) out.push(fill(m.notes.source, { source }));
  return out;
}

/** The whole explanation: the plain sentence, then its warnings. */
export function statusSentence(
  r: StatusResult,
  ind: Indicator,
  lang: Lang,
  m: M,
  opts: { source?: string } = {},
): string {
  return [mainClause(r, ind, lang, m), ...notes(r, lang, m, opts.source)].join(" ");
}

/** A computed target status's sentence, naming the source its national series came from. */
export function targetSentence(
  t: { computed: StatusResult; indicator: Indicator; source: { nameVi: string; nameEn: string } | null },
  lang: Lang,
): string {
  const source = t.source ? (lang === "vi" ? t.source.nameVi : t.source.nameEn) : undefined;
  return statusSentence(t.computed, t.indicator, lang, getMessages(lang).methodology.sentence, { source });
}
