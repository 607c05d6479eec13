// Published figures as series: where a period sits on the indicator chart's time axis, and each
// source's current value per period (the newest release), as the indicator page and the open API
// show them. Pure: the module's queries feed it.
import { publishedPeriodRange } from "@/lib/periods";

/**
 * A period's place on the chart's axis, in fractional years at the end of the period, the way
 * quarters are placed (2024-Q3 → 2024.75): "2023" → 2024, "2022-2023" → 2024. Null if unreadable.
 */
export function periodTime(period: string): number | null {
  const r = publishedPeriodRange(period);
  if (!r) return null;
  const end = r.end;
  return end.getUTCFullYear() + (end.getUTCMonth() + 1) / 12;
}

export type Release = {
  value: number;
  provisional: boolean;
  releaseTitle: string;
  releaseDate: Date;
  releaseUrl: string;
  quote: string;
  printed: string;
};

/** Per source, per period, every release oldest first (as groupFigures builds it). */
export type SeriesInput<F extends Release> = { periods: string[]; chains: Map<string, F[]> };

/** Each period's current value (the newest release) with what it revised, oldest period first. */
export function currentValues<F extends Release>({ periods, chains }: SeriesInput<F>) {
  return periods
    .filter((p) => chains.has(p))
    .map((period) => {
      const chain = chains.get(period)!;
      const figure = chain[chain.length - 1];
      return { period, figure, revises: chain.length > 1 ? chain[chain.length - 2] : null };
    });
}

/** Chart points of one source: its current values placed at the end of their periods. */
export function sourcePoints<F extends Release>(s: SeriesInput<F>): { t: number; value: number; label: string }[] {
  return currentValues(s)
    .map(({ period, figure }) => ({ t: periodTime(period), value: figure.value, label: period }))
    .filter((p): p is { t: number; value: number; label: string } => p.t !== null)
    .sort((a, b) => a.t - b.t);
}
