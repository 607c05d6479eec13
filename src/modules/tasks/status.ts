// The status of a whole task from the statuses of its lead agencies (one per agency that reports
// it today). Pure: no database, no framework.
import type { TaskStatus } from "@/lib/status";

const DONE: ReadonlySet<TaskStatus> = new Set(["DONE_ON_TIME", "DONE_LATE"]);

/**
 * Done only when every lead agency is done (on time only if all were on time). Otherwise the
 * worst news first: OVERDUE if any agency is overdue; IN_PROGRESS if any is working on it, or if
 * some have finished and the rest have not started (the task is under way, not untouched);
 * ONGOING for a recurring task any agency works on or has finished; NOT_STARTED if any agency
 * says so; else NO_REPORT (no agency has reported). null when no agency reports the task.
 */
export function aggregateTaskStatus(
  statuses: readonly TaskStatus[],
  opts: { recurring?: boolean } = {},
): TaskStatus | null {
  if (statuses.length === 0) return null;
  if (statuses.every((s) => DONE.has(s)))
    return statuses.every((s) => s === "DONE_ON_TIME") ? "DONE_ON_TIME" : "DONE_LATE";
  if (statuses.includes("OVERDUE")) return "OVERDUE";
  if (statuses.includes("IN_PROGRESS")) return "IN_PROGRESS";
  // Recurring tasks report ONGOING instead of IN_PROGRESS and are never overdue.
  if (statuses.includes("ONGOING")) return "ONGOING";
  if (statuses.some((s) => DONE.has(s))) return opts.recurring ? "ONGOING" : "IN_PROGRESS";
  return statuses.includes("NOT_STARTED") ? "NOT_STARTED" : "NO_REPORT";
}

/** Aggregated status per task id from (task, lead agency) rows such as taskStatuses() returns. */
export function statusByTask(
  rows: readonly { taskId: number; status: TaskStatus }[],
  recurring: (taskId: number) => boolean = () => false,
): Map<number, TaskStatus> {
  const per = new Map<number, TaskStatus[]>();
  for (const r of rows) (per.get(r.taskId) ?? per.set(r.taskId, []).get(r.taskId)!).push(r.status);
  const out = new Map<number, TaskStatus>();
  for (const [id, list] of per) {
    const s = aggregateTaskStatus(list, { recurring: recurring(id) });
    if (s) out.set(id, s);
  }
  return out;
}
