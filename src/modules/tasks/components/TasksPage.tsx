import Link from "next/link";
import { Pager, SearchForm } from "@/components/PublicList";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { deadlineText } from "../deadline";
import { TASK_STATUS_VALUES, taskFiltersQuery, type TaskFilters } from "../filters";
import { publicTasks, taskFilterChoices, type PublicTask } from "../public";
import { TaskStatusBadge } from "./TaskStatusBadge";
import { FilterSelect } from "@/components/form/FilterField";

const PAGE = 50;

/** Every task of every document with its lead agency as named, deadline and status; filters in the URL. */
export async function TasksPage({ lang, m, filters }: { lang: Lang; m: Messages; filters: TaskFilters }) {
  const t = m.public.tasks;
  const labels = m.dashboard.taskStatus;
  const [rows, { documents, agencies }] = await Promise.all([publicTasks(filters), taskFilterChoices()]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const page = Math.min(filters.page, pages);
  const shown = rows.slice((page - 1) * PAGE, page * PAGE);
  const here = `/${lang}/tasks`;
  const name = (x: { nameVi: string; nameEn: string }) => (lang === "vi" ? x.nameVi : x.nameEn);
  const docLabel = (d: { numberCanonical: string | null; numberPrinted: string | null; inForce: boolean }) =>
    `${d.numberCanonical ?? d.numberPrinted ?? m.doc.kinds.DRAFT}${d.inForce ? "" : ` (${m.doc.notInForce})`}`;
  const filtered = !!(filters.decision || filters.agency || filters.status || filters.q);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t.intro}</p>
      </div>

      <SearchForm action={here} label={t.filters}>
        <FilterSelect
          id="decision"
          label={t.decision}
          value={filters.decision ?? ""}
          options={[["", t.all], ...documents.map((d) => [d.key, docLabel(d)] as [string, string])]}
        />
        <FilterSelect
          id="agency"
          label={t.agency}
          value={filters.agency ?? ""}
          options={[["", t.all], ...agencies.map((a) => [a.code, name(a)] as [string, string])]}
        />
        <FilterSelect
          id="status"
          label={t.status}
          value={filters.status ?? ""}
          options={[["", t.all], ...TASK_STATUS_VALUES.map((s) => [s, labels[s]] as [string, string])]}
        />
        <div>
          <label htmlFor="q" className="block text-xs font-medium">
            {t.search}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            maxLength={100}
            className="mt-1 w-64 rounded border border-slate-300 px-2 py-1"
          />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          {t.apply}
        </button>
        {filtered && (
          <Link href={here} className="text-brand-700 underline">
            {t.reset}
          </Link>
        )}
      </SearchForm>

      <section aria-labelledby="task-list" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="task-list" className="text-lg font-semibold text-brand-800" data-testid="tasks-count">
            {rows.length
              ? fill(t.showing, {
                  from: (page - 1) * PAGE + 1,
                  to: (page - 1) * PAGE + shown.length,
                  total: rows.length,
                })
              : t.empty}
          </h2>
          <a
            href={`/api/v1/tasks.csv${taskFiltersQuery({ ...filters, page: 1 })}`}
            className="text-sm text-brand-700 underline"
            data-testid="tasks-csv"
          >
            ⬇ {t.csv}
          </a>
        </div>
        <p className="max-w-4xl text-xs text-slate-600">{t.statusNote}</p>
        {shown.length === 0 ? (
          <div
            className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-700"
            data-testid="tasks-empty"
          >
            <p>{t.emptyHint}</p>
            {filtered && (
              <Link href={here} className="mt-2 inline-block text-sm text-brand-700 underline">
                {t.reset}
              </Link>
            )}
          </div>
        ) : (
          <div
            className="overflow-x-auto rounded border border-slate-200 bg-white"
            tabIndex={0}
            role="region"
            aria-labelledby="task-list"
          >
            <table className="table-cards min-w-full text-sm" data-testid="public-tasks">
              <thead className="bg-slate-100 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t.decision}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t.number}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t.task}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t.lead}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t.deadline}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t.status}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((task) => (
                  <TaskRow key={task.key} task={task} lang={lang} m={m} docLabel={docLabel} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pages={pages} href={(n) => `${here}${taskFiltersQuery({ ...filters, page: n })}`} t={t} />
      </section>
    </div>
  );
}

/** One task: its document, number, title with the product and source line, lead, deadline and status. */
function TaskRow({
  task,
  lang,
  m,
  docLabel,
}: {
  task: PublicTask;
  lang: Lang;
  m: Messages;
  docLabel: (d: PublicTask["document"]) => string;
}) {
  const t = m.public.tasks;
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="public-task-row" data-decision={task.document.key}>
      <td data-label={t.decision} className="whitespace-nowrap px-3 py-2">
        <Link href={`/${lang}/decisions/${task.document.key}#${task.key}`} className="text-brand-700 underline">
          {docLabel(task.document)}
        </Link>
      </td>
      <td data-label={t.number} className="px-3 py-2 font-mono">
        {task.numberPrinted ?? "—"}
      </td>
      <td data-label={t.task} className="px-3 py-2">
        <span lang="vi">{task.title}</span>
        {task.product && (
          <span className="mt-1 block text-xs text-slate-600" lang="vi">
            {m.task.product}: {task.product}
          </span>
        )}
        <a
          href={`/${lang}/documents/${task.document.key}#L${task.line}`}
          className="mt-1 block text-xs text-brand-700 underline"
        >
          {fill(t.sourceLine, { line: task.line })}
        </a>
      </td>
      <td data-label={t.lead} className="px-3 py-2">
        <span lang="vi">
          {task.leadRaw ?? task.agencies.map((a) => (a.agency ? a.agency.nameVi : a.groupCode)).join("; ")}
        </span>
        {task.leadCodes.length > 1 && (
          <span className="mt-1 block text-xs text-slate-600">
            {fill(t.reporters, { count: task.leadCodes.length })}
          </span>
        )}
      </td>
      <td data-label={t.deadline} className="whitespace-nowrap px-3 py-2">
        {deadlineText(task, lang, m)}
        {task.deadlineRaw && task.deadlineKind !== "PERIOD" && task.deadlineKind !== "YEAR" && (
          <span className="block text-xs text-slate-600" lang="vi">
            “{task.deadlineRaw}”
          </span>
        )}
      </td>
      <td data-label={t.status} className="px-3 py-2" data-testid="task-status">
        {task.status ? (
          <TaskStatusBadge status={task.status} labels={m.dashboard.taskStatus} />
        ) : (
          <span className="text-xs text-slate-600">{t.noStatus}</span>
        )}
      </td>
    </tr>
  );
}
