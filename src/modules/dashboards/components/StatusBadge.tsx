import type { Messages } from "@/i18n/messages";

// Colours per status live in globals.css (.status-badge[data-status]): one short class instead of a
// dozen utilities on each of the hundreds of badges a scorecard page carries.
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
    <span className="status-badge" data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {m.statuses[status as keyof Messages["dashboard"]["statuses"]]}
      {overridden && <span aria-label={m.override}>*</span>}
    </span>
  );
}
