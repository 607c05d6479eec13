import type { Messages } from "@/i18n/messages";

const STYLE: Record<string, string> = {
  ACHIEVED: "bg-emerald-50 text-emerald-900 border-emerald-300",
  ON_TRACK: "bg-emerald-50 text-emerald-900 border-emerald-300",
  NEEDS_ACCELERATION: "bg-amber-50 text-amber-900 border-amber-300",
  LIMITED_PROGRESS: "bg-orange-50 text-orange-900 border-orange-300",
  MOVING_AWAY: "bg-red-50 text-red-900 border-red-300",
  MISSED: "bg-red-50 text-red-900 border-red-300",
  NOT_ENOUGH_DATA: "bg-slate-50 text-slate-800 border-slate-300",
  NO_DATA: "bg-slate-50 text-slate-800 border-slate-300",
};
export const STATUS_ICON: Record<string, string> = {
  ACHIEVED: "✔",
  ON_TRACK: "↗",
  NEEDS_ACCELERATION: "⚠",
  LIMITED_PROGRESS: "↘",
  MOVING_AWAY: "⬇",
  MISSED: "✘",
  NOT_ENOUGH_DATA: "?",
  NO_DATA: "—",
};

/** A target's status with an icon and words (never colour alone). */
export function StatusBadge({ status, m, overridden }: { status: string; m: Messages["dashboard"]; overridden?: boolean }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${STYLE[status] ?? ""}`} data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {m.statuses[status as keyof Messages["dashboard"]["statuses"]]}
      {overridden && <span aria-label={m.override}>*</span>}
    </span>
  );
}
