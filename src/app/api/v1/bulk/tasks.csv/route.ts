import { toCsv } from "@/lib/csv";
import { taskStatuses } from "@/modules/dashboards/queries";
import { groupNames } from "@/modules/decisions/queries";
import { bulkTasks, latestApprovedProgress } from "@/modules/tasks/queries";
import { deadlineOf } from "@/modules/tasks/serialize";
import { CACHE_BULK, corsPreflight, publicCsv, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

const HEADER = [
  "task",
  "decision",
  "decision_number",
  "heading",
  "number",
  "title",
  "leads_named",
  "leads_named_codes",
  "deadline_kind",
  "deadline_raw",
  "due_on",
  "lead_agency",
  "lead_agency_name_vi",
  "lead_via",
  "latest_period",
  "latest_status",
  "latest_percent",
  "latest_approved_at",
  "latest_illustrative",
  "status",
];

/**
 * Every task with its lead agencies as the document names them, and one row per agency that leads
 * it today (successors of merged bodies, members of collective leads) with that agency's latest
 * approved update and the resulting task status.
 */
export const GET = publicRoute(async () => {
  const [tasks, groups, latest, statuses] = await Promise.all([
    bulkTasks(),
    groupNames(),
    latestApprovedProgress(),
    taskStatuses(),
  ]);
  const latestOf = new Map(latest.map((p) => [`${p.taskId}/${p.agencyId}`, p]));
  const statusOf = new Map(statuses.map((s) => [`${s.taskId}/${s.agencyId}`, s.status]));
  const rows = tasks.flatMap((t) => {
    const d = deadlineOf(t);
    const named = t.agencies.map((a) =>
      a.agency
        ? { code: a.agency.code, name: a.agency.nameVi }
        : { code: a.groupCode ?? "", name: groups.get(a.groupCode ?? "")?.nameVi ?? a.groupCode ?? "" },
    );
    const task = [
      t.key,
      t.document.key,
      t.document.numberCanonical ?? t.document.numberPrinted,
      t.heading?.code,
      t.numberPrinted,
      t.title,
      named.map((n) => n.name).join("; "),
      named.map((n) => n.code).join("; "),
      d.kind,
      d.raw,
      d.dueOn,
    ];
    if (!t.assignees.length) return [[...task, null, null, null, null, null, null, null, null, null]];
    return t.assignees.map((a) => {
      const p = latestOf.get(`${t.id}/${a.agencyId}`);
      return [
        ...task,
        a.agency.code,
        a.agency.nameVi,
        a.via,
        p ? `${p.year}-Q${p.quarter}` : null,
        p?.status,
        p?.percent,
        p?.approvedAt.toISOString(),
        p?.illustrative,
        statusOf.get(`${t.id}/${a.agencyId}`),
      ];
    });
  });
  return publicCsv("tasks-status.csv", toCsv(HEADER, rows), CACHE_BULK);
});

export const OPTIONS = corsPreflight;
