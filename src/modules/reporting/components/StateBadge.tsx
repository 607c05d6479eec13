import type { Messages } from "@/i18n/messages";

const STYLE: Record<string, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-700",
  DRAFT: "bg-sky-50 text-sky-900",
  SUBMITTED: "bg-indigo-50 text-indigo-900",
  RETURNED: "bg-amber-50 text-amber-900",
  APPROVED: "bg-emerald-50 text-emerald-900",
};
const ICON: Record<string, string> = { NOT_STARTED: "○", DRAFT: "✎", SUBMITTED: "➤", RETURNED: "↩", APPROVED: "✓" };

/** Workflow state with an icon and words, never colour alone. */
export function StateBadge({ state, m }: { state: string; m: Messages["reporting"] }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STYLE[state] ?? ""}`}
      data-state={state}
    >
      {ICON[state]} {m.states[state as keyof Messages["reporting"]["states"]]}
    </span>
  );
}
