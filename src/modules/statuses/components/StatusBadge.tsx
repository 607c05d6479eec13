import type { Messages } from "@/i18n/messages";
import type { MilestoneStatus, Phase } from "@/lib/status";

// Colours per status live in globals.css (.status-badge[data-status]): one short class instead of a
// dozen utilities on each of the hundreds of badges a scorecard page carries.
const STATUS_ICON: Record<MilestoneStatus, string> = {
  ACHIEVED: "✔",
  ON_TRACK: "↗",
  NEEDS_ACCELERATION: "⚠",
  LIMITED_PROGRESS: "↘",
  MOVING_AWAY: "⬇",
  MISSED: "✘",
  INSUFFICIENT_COVERAGE: "◔",
  NOT_ENOUGH_DATA: "?",
  NO_DATA: "—",
};

/**
 * A target's status with an icon and words (never colour alone). A past milestone also says
 * whether the result is provisional (its data are not all in) or final.
 */
export function StatusBadge({
  status,
  m,
  overridden,
  phase,
}: {
  status: MilestoneStatus;
  m: Messages["dashboard"];
  overridden?: boolean;
  phase?: Phase;
}) {
  return (
    <span className="status-badge" data-status={status} data-phase={phase}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {m.statuses[status]}
      {phase && phase !== "IN_PROGRESS" && <span className="font-normal">({m.phases[phase]})</span>}
      {overridden && <span aria-label={m.override}>*</span>}
    </span>
  );
}
