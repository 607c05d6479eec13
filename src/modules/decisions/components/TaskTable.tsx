import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { deadlineText } from "@/modules/tasks/deadline";
import type { DecisionDetail } from "../queries";

type Task = DecisionDetail["tasks"][number];

// The reporting workspace (another branch) still imports it from here; switch it to
// @/modules/tasks/deadline and drop this line.
export { deadlineText };
type Groups = Map<string, { nameVi: string; nameEn: string | null }>;

function agencyNames(task: Task, role: "LEAD" | "PARTNER", groups: Groups, lang: Lang): string {
  return task.agencies
    .filter((a) => a.role === role)
    .map((a) => {
      if (a.agency) return lang === "vi" ? a.agency.nameVi : a.agency.nameEn;
      const g = groups.get(a.groupCode!);
      return (lang === "vi" ? g?.nameVi : (g?.nameEn ?? g?.nameVi)) ?? a.groupCode!;
    })
    .join("; ");
}

export function TaskTable({ tasks, groups, lang, m }: { tasks: Task[]; groups: Groups; lang: Lang; m: Messages }) {
  const hasProduct = tasks.some((t) => t.product);
  const hasPartners = tasks.some((t) => t.partnersRaw);
  return (
    <div className="mt-2 overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="tasks-table">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {m.task.number}
            </th>
            <th scope="col" className="px-3 py-2">
              {m.task.title}
            </th>
            {hasProduct && (
              <th scope="col" className="px-3 py-2">
                {m.task.product}
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              {m.task.lead}
            </th>
            {hasPartners && (
              <th scope="col" className="px-3 py-2">
                {m.task.partners}
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              {m.task.deadline}
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.key} id={t.key} className="border-t border-slate-100 align-top" data-testid="task-row">
              <td className="px-3 py-2 font-mono">{t.numberPrinted ?? "—"}</td>
              <td className="px-3 py-2" lang="vi">
                {t.title}
              </td>
              {hasProduct && (
                <td className="px-3 py-2" lang="vi">
                  {t.product ?? ""}
                </td>
              )}
              <td className="px-3 py-2">
                {agencyNames(t, "LEAD", groups, lang) || <span lang="vi">{t.leadRaw}</span>}
              </td>
              {hasPartners && <td className="px-3 py-2">{agencyNames(t, "PARTNER", groups, lang)}</td>}
              <td className="whitespace-nowrap px-3 py-2">
                {deadlineText(t, lang, m)}
                {t.deadlineRaw && t.deadlineKind !== "PERIOD" && t.deadlineKind !== "YEAR" && (
                  <span className="block text-xs text-slate-500" lang="vi">
                    “{t.deadlineRaw}”
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
