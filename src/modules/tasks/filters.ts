// Filters of the public task list and its CSV, kept in the URL so a view can be shared.
// Invalid values are dropped, not fatal. Pure: used by the page, the CSV route and the tests.
import { containsWords, foldText } from "@/lib/text";
import { z } from "zod";
import type { TaskStatus } from "@/lib/status";
import { apiParam } from "@/server/api";

export const TASK_STATUS_VALUES = [
  "OVERDUE",
  "NO_REPORT",
  "IN_PROGRESS",
  "ONGOING",
  "NOT_STARTED",
  "DONE_LATE",
  "DONE_ON_TIME",
] as const satisfies readonly TaskStatus[];

export type TaskFilters = { decision?: string; agency?: string; status?: TaskStatus; q?: string; page: number };

const schema = z.object({
  decision: apiParam.decision.optional().catch(undefined),
  agency: apiParam.agency.optional().catch(undefined),
  status: z.enum(TASK_STATUS_VALUES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** Parses URL search params (empty strings count as absent). */
export function parseTaskFilters(sp: Record<string, string | string[] | undefined> | URLSearchParams): TaskFilters {
  const entries =
    sp instanceof URLSearchParams
      ? [...sp.entries()]
      : Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const f = schema.parse(Object.fromEntries(entries.filter(([, v]) => v !== "" && v !== undefined)));
  return { decision: f.decision, agency: f.agency, status: f.status, q: f.q || undefined, page: f.page };
}

/** "?decision=…&agency=…" for links; page 1 is left out. */
export function taskFiltersQuery(f: Partial<TaskFilters>): string {
  const p = new URLSearchParams();
  if (f.decision) p.set("decision", f.decision);
  if (f.agency) p.set("agency", f.agency);
  if (f.status) p.set("status", f.status);
  if (f.q) p.set("q", f.q);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Every word of the query appears in one of the fields (diacritics and case ignored). */
export function matchesText(fields: readonly (string | null | undefined)[], q: string | undefined): boolean {
  if (!q) return true;
  return containsWords(foldText(fields.filter(Boolean).join(" \u0000 ")), q);
}
