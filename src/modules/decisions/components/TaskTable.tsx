import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { formatQuarter } from "@/lib/periods";
import type { DecisionDetail } from "../queries";

type Task = DecisionDetail["tasks"][number];
type Groups = Map<string, { nameVi: string; nameEn: string | null }>;

function agencyNames(task: Task, role: "LEAD" | "PARTNER", groups: Groups, lang: Lang): string {
  return task.agencies
    .filter((a) => a.role === role)
    .map((a) => {
      if (a.agency) return lang === "vi" ? a.agency.nameVi : a.agency.nameEn;
      const g = groups.get(a.groupCode!);
      return (lang === "vi" ? g?.nameVi : g?.nameEn ?? g?.nameVi) ?? a.groupCode!;
    })
    .join("; ");
}

export function deadlineText(t: Pick<Task, "deadlineKind" | "deadlineRaw" | "deadlineYear" | "deadlineQuarter" | "deadlineFrom" | "deadlineTo" | "deadlineEvery">, lang: Lang, m: Messages): string {
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

export function TaskTable({ tasks, groups, lang, m }: { tasks: Task[]; groups: Groups; lang: Lang; m: Messages }) {
  const hasProduct = tasks.some((t) => t.product);
  const hasPartners = tasks.some((t) => t.partnersRaw);
  return (
    <div className="mt-2 overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="tasks-table">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">{m.task.number}</th>
            <th scope="col" className="px-3 py-2">{m.task.title}</th>
            {hasProduct && <th scope="col" className="px-3 py-2">{m.task.product}</th>}
            <th scope="col" className="px-3 py-2">{m.task.lead}</th>
            {hasPartners && <th scope="col" className="px-3 py-2">{m.task.partners}</th>}
            <th scope="col" className="px-3 py-2">{m.task.deadline}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.key} id={t.key} className="border-t border-slate-100 align-top" data-testid="task-row">
              <td className="px-3 py-2 font-mono">{t.numberPrinted ?? "—"}</td>
              <td className="px-3 py-2" lang="vi">{t.title}</td>
              {hasProduct && <td className="px-3 py-2" lang="vi">{t.product ?? ""}</td>}
              <td className="px-3 py-2">
                {agencyNames(t, "LEAD", groups, lang) || <span lang="vi">{t.leadRaw}</span>}
              </td>
              {hasPartners && <td className="px-3 py-2">{agencyNames(t, "PARTNER", groups, lang)}</td>}
              <td className="whitespace-nowrap px-3 py-2">
                {deadlineText(t, lang, m)}
                {t.deadlineRaw && t.deadlineKind !== "PERIOD" && t.deadlineKind !== "YEAR" && <span className="block text-xs text-slate-500" lang="vi">“{t.deadlineRaw}”</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
