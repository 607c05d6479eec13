"use client";
import { saveTasksAction } from "../actions";
import { RowField, useEntryForm } from "./EntryControls";
import { EntryForm, EntryRow, type EntryFormProps } from "./EntryRow";

export type TaskRowView = {
  taskId: number;
  title: string;
  reference: string;
  deadlineText: string;
  previousText: string;
  state: string;
  editable: boolean;
  progressId: number | null;
  version: number;
  status: string;
  percent: string;
  achieved: string;
  obstacles: string;
  nextSteps: string;
  evidenceUrl: string;
  reviewComment: string | null;
  late: boolean;
};

const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"] as const;

export function TaskEntryForm({ lang, m, period, rows, canWrite }: EntryFormProps<TaskRowView>) {
  const entry = useEntryForm(saveTasksAction, m);
  return (
    <EntryForm
      entry={entry}
      m={m}
      period={period}
      testId="task-form"
      showBar={canWrite && rows.length > 0}
      barLabel={m.barTasks}
    >
      {rows.map((r) => {
        const p = `task.${r.taskId}`;
        return (
          <EntryRow
            key={r.taskId}
            m={m}
            state={entry.state}
            canWrite={canWrite}
            prefix={p}
            testId={`task-row-${r.taskId}`}
            headingId={`${p}-title`}
            heading={
              <div className="max-w-3xl">
                <p className="text-xs text-slate-600">
                  {r.reference} · {m.deadline}: {r.deadlineText} · {m.previous}: {r.previousText}
                </p>
                <p id={`${p}-title`} className="text-sm font-medium" lang="vi">
                  {r.title}
                </p>
              </div>
            }
            row={r}
            selectLabel={r.title}
            details={r.progressId ? `/${lang}/reporting/tasks/${r.progressId}` : null}
            gridClass="md:grid-cols-[12rem_7rem_1fr]"
          >
            {(field) => (
              <>
                <RowField
                  {...field("status", r.status)}
                  label={m.status}
                  options={STATUSES.map((s) => [s, m.taskStatus[s]])}
                />
                <RowField {...field("percent", r.percent)} label={m.percent} inputMode="numeric" />
                <RowField {...field("achieved", r.achieved)} label={m.achieved} rows={2} />
                <RowField
                  {...field("evidenceUrl", r.evidenceUrl)}
                  label={m.evidenceUrl}
                  type="url"
                  wrapClass="md:col-span-1"
                />
                <RowField {...field("obstacles", r.obstacles)} label={m.obstacles} rows={1} />
                <RowField {...field("nextSteps", r.nextSteps)} label={m.nextSteps} rows={1} />
              </>
            )}
          </EntryRow>
        );
      })}
    </EntryForm>
  );
}
