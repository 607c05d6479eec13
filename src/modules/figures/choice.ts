// Which source an indicator's statuses use. Pure: the module's queries feed it. A reviewer's
// choice is the newest IndicatorStatusSource row; without one, the default below, so the status
// is never computed on an unnamed mix of sources.
import type { SourceKind } from "@/generated/prisma/enums";

/** The form's value for "the agencies' approved reports" (no source); never a source code (upper case). */
export const AGENCY_REPORTS = "agency-reports";

export type SourceRef = {
  id: number;
  code: string;
  kind: SourceKind;
  nameVi: string;
  nameEn: string;
  cutoffDays: number;
};

export type ChoiceRow = {
  sourceId: number | null;
  userId: number | null;
  reason: string;
  createdAt: Date;
};

export type StatusSourceChoice = {
  indicatorId: number;
  /** null: the agencies' approved reports. */
  source: SourceRef | null;
  /** "default": nobody chose; "seed": the seed's choice; "user": a reviewer's (userId). */
  by: "default" | "seed" | "user";
  userId: number | null;
  reason: string | null;
  chosenAt: Date | null;
};

/**
 * The official statistic first, as the issue of record asks; then an international index or a
 * survey (each the only publisher of its measure), then a ministry's estimate. Agency reporting
 * (null) only when nobody publishes the indicator.
 */
export const SOURCE_PREFERENCE: readonly SourceKind[] = [
  "STATISTICS_OFFICE",
  "INTERNATIONAL_INDEX",
  "SURVEY",
  "MINISTRY",
  "AGENCY_REPORTING",
];

export function defaultStatusSource(published: readonly SourceRef[]): SourceRef | null {
  const ranked = [...published].sort(
    (a, b) =>
      SOURCE_PREFERENCE.indexOf(a.kind) - SOURCE_PREFERENCE.indexOf(b.kind) || a.code.localeCompare(b.code, "en"),
  );
  return ranked[0] ?? null;
}

/**
 * `rows`: this indicator's choices in any order; `published`: the sources with figures for it;
 * `sources`: every source by id (a chosen source may have no figures yet).
 */
export function resolveStatusSource(
  indicatorId: number,
  rows: readonly ChoiceRow[],
  published: readonly SourceRef[],
  sources: ReadonlyMap<number, SourceRef>,
): StatusSourceChoice {
  const newest = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!newest)
    return {
      indicatorId,
      source: defaultStatusSource(published),
      by: "default",
      userId: null,
      reason: null,
      chosenAt: null,
    };
  return {
    indicatorId,
    source: newest.sourceId === null ? null : (sources.get(newest.sourceId) ?? null),
    by: newest.userId === null ? "seed" : "user",
    userId: newest.userId,
    reason: newest.reason,
    chosenAt: newest.createdAt,
  };
}
