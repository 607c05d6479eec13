import type { TaskStatus } from "@/lib/status";

const STYLE: Record<TaskStatus, string> = {
  DONE_ON_TIME: "bg-emerald-50 text-emerald-900 border-emerald-300",
  DONE_LATE: "bg-teal-50 text-teal-900 border-teal-300",
  IN_PROGRESS: "bg-sky-50 text-sky-900 border-sky-300",
  ONGOING: "bg-sky-50 text-sky-900 border-sky-300",
  OVERDUE: "bg-red-50 text-red-900 border-red-300",
  NOT_STARTED: "bg-slate-50 text-slate-800 border-slate-300",
  NO_REPORT: "bg-white text-slate-800 border-dashed border-slate-500",
};

const TASK_STATUS_ICON: Record<TaskStatus, string> = {
  DONE_ON_TIME: "✔",
  DONE_LATE: "☑",
  IN_PROGRESS: "◐",
  ONGOING: "↻",
  OVERDUE: "⚠",
  NOT_STARTED: "○",
  NO_REPORT: "◌",
};

/** A task's status with an icon and words (never colour alone). */
export function TaskStatusBadge({ status, labels }: { status: TaskStatus; labels: Record<TaskStatus, string> }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}
      data-status={status}
    >
      <span aria-hidden="true">{TASK_STATUS_ICON[status]}</span>
      {labels[status]}
    </span>
  );
}
