// Turns a status result into a sentence a reader can check: milestone, values and periods used,
// the rate needed and the rate achieved.
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatNumber, formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import type { StatusResult } from "@/lib/status";

export function explainStatus(
  r: StatusResult,
  ind: { unit: string; kind: string },
  lang: Lang,
  m: Messages["dashboard"],
  units = 0,
): string {
  const e = r.explanation;
  const v = (x: number) => formatValue(x, ind.unit, ind.kind, lang);
  const target = formatThreshold({ comparator: e.target.comparator, value: e.target.value }, ind.unit, ind.kind, lang);
  const rate = (x: number | null) => {
    if (x == null || !Number.isFinite(x)) return "—";
    return e.method === "cagr" ? `${formatNumber(x * 100, lang, 2)}%` : formatNumber(x, lang, 2);
  };
  let text: string;
  if (r.status === "NO_DATA") text = fill(m.explain.noData, { year: e.milestone });
  else if (e.final && e.latest)
    text = fill(m.explain.final, {
      year: e.milestone,
      latest: v(e.latest.value),
      period: formatQuarter(e.latest, lang),
      target,
    });
  else if (r.status === "ACHIEVED" && e.latest)
    text = fill(m.explain.achievedEarly, {
      year: e.milestone,
      latest: v(e.latest.value),
      period: formatQuarter(e.latest, lang),
      target,
    });
  else if (r.status === "NOT_ENOUGH_DATA" || !e.base || !e.latest)
    text = fill(m.explain.notEnough, { points: e.points });
  else
    text = `${fill(m.explain.trend, {
      base: v(e.base.value),
      basePeriod: formatQuarter(e.base, lang),
      latest: v(e.latest.value),
      period: formatQuarter(e.latest, lang),
      achieved: rate(e.rateAchieved),
      needed: rate(e.rateNeeded),
      target,
      year: e.milestone,
      ratio: e.ratio == null || !Number.isFinite(e.ratio) ? "—" : formatNumber(e.ratio, lang, 2),
    })} (${m.explain.method[e.method]})`;
  return units > 1 ? `${text} ${fill(m.explain.units, { units })}` : text;
}
