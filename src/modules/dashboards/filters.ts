// Dashboard filters live in the URL so a view can be shared. Invalid values are dropped, not fatal.
import { z } from "zod";
import type { MilestoneStatus } from "@/lib/status";
import { milestoneStatusField, pillarField } from "@/modules/statuses/schemas";
import { apiParam } from "@/server/api";

export type DashboardFilters = {
  decision?: string;
  pillar?: string;
  agencyId?: number;
  agencyCode?: string;
  milestone?: number;
  status?: MilestoneStatus;
  asOf: { year: number; quarter: number } | null;
  sort?: "status" | "indicator" | "decision" | "milestone";
  page: number;
  /** The page of the small-multiples grid (its own, so paging the charts keeps the list's page). */
  charts: number;
};

const schema = z.object({
  decision: apiParam.decision.optional().catch(undefined),
  pillar: pillarField.optional().catch(undefined),
  agency: apiParam.agency.optional().catch(undefined),
  milestone: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: milestoneStatusField.optional().catch(undefined),
  asOf: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  sort: z.enum(["status", "indicator", "decision", "milestone"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  charts: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** Parses URL search params (empty strings count as absent). */
export function parseFilters(
  sp: Record<string, string | string[] | undefined>,
): DashboardFilters & { agencyCode?: string } {
  const flat = Object.fromEntries(
    Object.entries(sp)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== "" && v !== undefined),
  );
  const f = schema.parse(flat);
  return {
    decision: f.decision,
    pillar: f.pillar,
    agencyCode: f.agency,
    milestone: f.milestone,
    status: f.status,
    asOf: f.asOf ? { year: Number(f.asOf.slice(0, 4)), quarter: Number(f.asOf.slice(6)) } : null,
    sort: f.sort,
    page: f.page,
    charts: f.charts,
  };
}

export function filtersQuery(f: Partial<DashboardFilters>): string {
  const p = new URLSearchParams();
  if (f.decision) p.set("decision", f.decision);
  if (f.pillar) p.set("pillar", f.pillar);
  if (f.agencyCode) p.set("agency", f.agencyCode);
  if (f.milestone) p.set("milestone", String(f.milestone));
  if (f.status) p.set("status", f.status);
  if (f.asOf) p.set("asOf", `${f.asOf.year}-Q${f.asOf.quarter}`);
  if (f.sort) p.set("sort", f.sort);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  if (f.charts && f.charts > 1) p.set("charts", String(f.charts));
  const s = p.toString();
  return s ? `?${s}` : "";
}
