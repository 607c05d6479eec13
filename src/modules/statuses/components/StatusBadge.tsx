import type { Messages } from "@/i18n/messages";
import type { MilestoneStatus } from "@/lib/status";

// Colours per status live in globals.css (.status-badge[data-status]): one short class instead of a
// dozen utilities on each of the hundreds of badges a scorecard page carries.
const STATUS_ICON: Record<MilestoneStatus, string> = {
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
export function StatusBadge({
  status,
  m,
  overridden,
}: {
  status: MilestoneStatus;
  m: Messages["dashboard"];
  overridden?: boolean;
}) {
  return (
    <span className="status-badge" data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {m.statuses[status]}
      {overridden && <span aria-label={m.override}>*</span>}
    </span>
  );
}
