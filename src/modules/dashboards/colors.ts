// Fill colours of statuses in charts, in the families of the status badges (globals.css). A chart
// never relies on them alone: every bar chart has its table, every heatmap cell its words.
import type { MilestoneStatus, TaskStatus } from "@/lib/status";

export const STATUS_FILL: Record<MilestoneStatus, string> = {
  ACHIEVED: "#047857",
  ON_TRACK: "#34d399",
  NEEDS_ACCELERATION: "#f59e0b",
  LIMITED_PROGRESS: "#ea580c",
  MOVING_AWAY: "#dc2626",
  MISSED: "#7f1d1d",
  INSUFFICIENT_COVERAGE: "#a78bfa",
  NOT_ENOUGH_DATA: "#94a3b8",
  NO_DATA: "#cbd5e1",
};

/** Partial: a status added later is drawn grey until it has its colour. */
export const TASK_FILL: Record<TaskStatus, string> = {
  DONE_ON_TIME: "#047857",
  DONE_LATE: "#34d399",
  IN_PROGRESS: "#0b5cad",
  ONGOING: "#7dd3fc",
  OVERDUE: "#dc2626",
  NOT_STARTED: "#cbd5e1",
  // nobody has reported: a hatch-free pale grey, told apart by its label, not its colour
  NO_REPORT: "#f1f5f9",
};

/** Heatmap cells of the reporting-completeness grid: a tint per state, dark text on every one. */
export const COMPLETENESS_CELL = {
  ON_TIME: "bg-emerald-100 text-emerald-950",
  LATE: "bg-amber-100 text-amber-950",
  MISSING: "bg-red-100 text-red-950",
  NOT_DUE: "bg-slate-50 text-slate-800",
} as const;
