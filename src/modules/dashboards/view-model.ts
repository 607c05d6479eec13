// What the dashboard overview lists and counts, from rows already loaded. Pure: no database, no
// React, unit-tested in view-model.test.ts.
import type { TaskStatus } from "@/lib/status";
import { sortByStatus, type TargetStatus } from "@/modules/statuses/filter";
import type { DashboardFilters } from "./filters";

const TARGETS_PAGE_SIZE = 50;
/**
 * Small multiples per page: four rows of three on a wide screen. Some eighty charts at once made
 * the overview's page 1.3 MB (each chart drawn in HTML and again in the React payload), most of
 * its response time, and more than a reader can scan.
 */
export const CHARTS_PAGE_SIZE = 12;

/**
 * The targets in the order the list shows them: by indicator name or document number (with the
 * collator of the page's language), by milestone, or as given (worst status first).
 */
export function sortTargets<T extends Pick<TargetStatus, "indicatorId" | "documentKey" | "documentNumber" | "year">>(
  rows: readonly T[],
  sort: DashboardFilters["sort"],
  indicatorName: (indicatorId: number) => string,
  collator: Intl.Collator,
): T[] {
  if (sort === "indicator")
    return [...rows].sort((a, b) => collator.compare(indicatorName(a.indicatorId), indicatorName(b.indicatorId)));
  if (sort === "decision")
    return [...rows].sort((a, b) =>
      collator.compare(a.documentNumber ?? a.documentKey, b.documentNumber ?? b.documentKey),
    );
  if (sort === "milestone") return [...rows].sort((a, b) => a.year - b.year);
  return [...rows];
}

/** The target list's rows in the order shown (worst status first, then the chosen sort): the page and its XLSX. */
export function orderTargets<
  T extends Pick<TargetStatus, "effective" | "indicatorId" | "documentKey" | "documentNumber" | "year">,
>(
  rows: readonly T[],
  sort: DashboardFilters["sort"],
  indicatorName: (indicatorId: number) => string,
  lang: "vi" | "en",
): T[] {
  return sortTargets(sortByStatus(rows), sort, indicatorName, new Intl.Collator(lang === "vi" ? "vi" : "en"));
}

/** One page of rows; a page past the end shows the last one. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size = TARGETS_PAGE_SIZE,
): { page: number; pages: number; shown: T[] } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { page: current, pages, shown: rows.slice((current - 1) * size, current * size) };
}

type TaskRow = { agencyId: number; agencyCode: string; documentKey: string; status: TaskStatus };

/**
 * Task counts by status for the view (one agency's or all, one document's or all), and the
 * agencies with the most overdue tasks, most first (at most `top`).
 */
export function taskSummary(
  rows: readonly TaskRow[],
  scope: { agencyId?: number | null; decision?: string },
  statuses: readonly TaskStatus[],
  top = 20,
) {
  const mine = rows.filter(
    (t) => (!scope.agencyId || t.agencyId === scope.agencyId) && (!scope.decision || t.documentKey === scope.decision),
  );
  const counts = Object.fromEntries(statuses.map((s) => [s, mine.filter((t) => t.status === s).length])) as Record<
    TaskStatus,
    number
  >;
  const overdue = new Map<string, number>();
  for (const t of mine) if (t.status === "OVERDUE") overdue.set(t.agencyCode, (overdue.get(t.agencyCode) ?? 0) + 1);
  return { counts, overdue: [...overdue].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

/** The `n` quarters before the one `now` is in, latest first (the "as of" choices). */
export function lastQuarters(now: Date, n: number): { year: number; quarter: number }[] {
  let y = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  const out = [];
  for (let i = 0; i < n; i++) {
    q--;
    if (q === 0) {
      q = 4;
      y--;
    }
    out.push({ year: y, quarter: q });
  }
  return out;
}
