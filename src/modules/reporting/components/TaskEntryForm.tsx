"use client";
import { saveTasksAction } from "../actions";
import { RowField, useEntryForm } from "./EntryControls";
import { EntryForm, EntryRow, type EntryFormProps, type RowHead } from "./EntryRow";

export type TaskRowView = RowHead & {
  taskId: number;
  status: string;
  percent: string;
  achieved: string;
  obstacles: string;
  nextSteps: string;
  evidenceUrl: string;
};

const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"] as const;

export function TaskEntryForm({ m, period, rows, canWrite }: EntryFormProps<TaskRowView>) {
  const entry = useEntryForm(saveTasksAction, m);
  const form = { m, state: entry.state, canWrite };
  return (
    <EntryForm entry={entry} m={m} period={period} kind="task" showBar={canWrite && rows.length > 0}>
      {rows.map((r) => (
        <EntryRow key={r.prefix} form={form} row={r} titleLang="vi" gridClass="md:grid-cols-[12rem_7rem_1fr]">
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
      ))}
    </EntryForm>
  );
}
