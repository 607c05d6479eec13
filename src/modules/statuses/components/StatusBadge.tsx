import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
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
 * whether the result is provisional (its data are not all in) or final. With `glossary`, a "?"
 * beside it links to the word's definition on the methodology page (beside, not around: a badge
 * often sits in a row that is itself a link, and a badge turned link would read as a button).
 * `wrap`: its words may break over lines (a narrow table header).
 */
export function StatusBadge({
  status,
  m,
  overridden,
  phase,
  glossary,
  wrap,
}: {
  status: MilestoneStatus;
  m: Messages["dashboard"];
  overridden?: boolean;
  phase?: Phase;
  glossary?: { lang: Lang; label: string };
  wrap?: boolean;
}) {
  const badge = (
    <span className={wrap ? "status-badge status-badge-wrap" : "status-badge"} data-status={status} data-phase={phase}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span>
      {m.statuses[status]}
      {phase && phase !== "IN_PROGRESS" && <span className="font-normal">({m.phases[phase]})</span>}
      {overridden && <span aria-label={m.override}>*</span>}
    </span>
  );
  if (!glossary) return badge;
  return (
    <span className="inline-flex items-start gap-0.5">
      {badge}
      <a
        href={`/${glossary.lang}/methodology#status-${status}`}
        className="status-help"
        aria-label={fill(glossary.label, { status: m.statuses[status] })}
        title={fill(glossary.label, { status: m.statuses[status] })}
        data-testid="status-help"
      >
        ?
      </a>
    </span>
  );
}
