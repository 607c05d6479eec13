// A published figure as the seed file and a release CSV both describe it, and the columns it is
// stored with: one definition, so a figure imported through the browser and the same figure in
// the seed file get the same key and the same row.
import { publishedPeriodRange } from "./periods";

export type FigureFacts = {
  indicator: string;
  source: string;
  period: string;
  value: number;
  provisional: boolean;
  release: { title: string; date: string; url: string };
  quote: string;
  printed: string;
  definitionNote: string | null;
};

/** One figure per indicator, source, period and release: the natural key of a published value. */
export function figureKey(
  f: Pick<FigureFacts, "indicator" | "source" | "period"> & { release: { url: string; date: string } },
): string {
  return `${f.indicator}|${f.source}|${f.period}|${f.release.date}|${f.release.url}`;
}

/** "2024-11-24" → that calendar day (UTC midnight), as release dates are stored. */
export function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The stored row of a figure, without the revision link (which needs the stored figures). */
export function figureRow(f: FigureFacts, indicatorId: number, sourceId: number) {
  const range = publishedPeriodRange(f.period)!;
  return {
    key: figureKey(f),
    indicatorId,
    sourceId,
    period: f.period,
    periodStart: range.start,
    periodEnd: range.end,
    value: f.value,
    provisional: f.provisional,
    releaseTitle: f.release.title,
    releaseDate: dayOf(f.release.date),
    releaseUrl: f.release.url,
    quote: f.quote,
    printed: f.printed,
    definitionNote: f.definitionNote,
  };
}
