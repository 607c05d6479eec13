// A task's deadline in words, from its structured fields. Pure.
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { formatQuarter } from "@/lib/periods";

export type DeadlineFields = {
  deadlineKind: string;
  deadlineRaw: string | null;
  deadlineYear: number | null;
  deadlineQuarter: number | null;
  deadlineFrom: number | null;
  deadlineTo: number | null;
  deadlineEvery: string | null;
};

export function deadlineText(t: DeadlineFields, lang: Lang, m: Messages): string {
  switch (t.deadlineKind) {
    case "QUARTER":
      return formatQuarter({ year: t.deadlineYear!, quarter: t.deadlineQuarter! }, lang);
    case "YEAR":
      return String(t.deadlineYear);
    case "PERIOD":
      return `${t.deadlineFrom}–${t.deadlineTo}`;
    case "RECURRING":
      return m.task.recurring[(t.deadlineEvery ?? "YEAR") as "YEAR"];
    default:
      return m.task.noDeadline;
  }
}
