"use client";
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { saveTasksAction } from "../actions";
import { EntryBar, RowField, SelectToSubmit, useEntryForm } from "./EntryControls";
import { FieldError, FormFeedback } from "./FormFeedback";
import { StateBadge } from "./StateBadge";

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

export function TaskEntryForm({
  lang,
  m,
  period,
  rows,
  canWrite,
}: {
  lang: Lang;
  m: Messages["reporting"];
  period: string;
  rows: TaskRowView[];
  canWrite: boolean;
}) {
  const { state, pending, formProps, selected, selectable, recount, onInput } = useEntryForm(saveTasksAction, m);
  const v = (name: string, initial: string) => state?.values?.[name] ?? initial;
  const err = (name: string) => state?.fieldErrors?.[name];
  const input =
    "mt-1 w-full rounded border border-slate-300 px-2 py-1 disabled:bg-slate-100 aria-[invalid=true]:border-red-600";

  return (
    <form {...formProps} onInput={onInput} className="space-y-3" data-testid="task-form">
      <input type="hidden" name="period" value={period} />
      <FormFeedback state={state} />
      {rows.map((r) => {
        const p = `task.${r.taskId}`;
        const disabled = !canWrite || !r.editable;
        const field = (name: string, initial: string) => ({ state, name: `${p}.${name}`, initial, disabled });
        return (
          <fieldset
            key={r.taskId}
            className="rounded border border-slate-200 bg-white p-3"
            aria-labelledby={`${p}-title`}
            data-testid={`task-row-${r.taskId}`}
          >
            {!disabled && <input type="hidden" name={`${p}.version`} value={r.version} />}
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="max-w-3xl">
                <p className="text-xs text-slate-600">
                  {r.reference} · {m.deadline}: {r.deadlineText} · {m.previous}: {r.previousText}
                </p>
                <p id={`${p}-title`} className="text-sm font-medium" lang="vi">
                  {r.title}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <StateBadge state={r.state} m={m} />
                {r.late && <span className="text-xs text-amber-900">⏰ {m.late}</span>}
                {r.progressId && (
                  <Link href={`/${lang}/reporting/tasks/${r.progressId}`} className="text-xs text-brand-700 underline">
                    {m.details}
                  </Link>
                )}
              </div>
            </div>
            {r.reviewComment && r.state === "RETURNED" && (
              <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="review-comment">
                {m.reviewComment}: {r.reviewComment}
              </p>
            )}
            <div className="mt-2 grid gap-2 md:grid-cols-[12rem_7rem_1fr]">
              <div>
                <label htmlFor={`${p}.status`} className="block text-xs font-medium">
                  {m.status}
                </label>
                <select
                  id={`${p}.status`}
                  name={`${p}.status`}
                  defaultValue={v(`${p}.status`, r.status)}
                  disabled={disabled}
                  aria-invalid={!!err(`${p}.status`)}
                  aria-describedby={err(`${p}.status`) ? `${p}.status-error` : undefined}
                  className={input}
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {m.taskStatus[s]}
                    </option>
                  ))}
                </select>
                <FieldError id={`${p}.status-error`} errors={err(`${p}.status`)} />
              </div>
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
            </div>
            {canWrite && r.editable && (
              <SelectToSubmit name={`${p}.select`} checked={v(`${p}.select`, "") === "on"} label={r.title} m={m} />
            )}
          </fieldset>
        );
      })}
      {canWrite && rows.length > 0 && (
        <EntryBar
          formRef={formProps.ref}
          pending={pending}
          selected={selected}
          selectable={selectable}
          recount={recount}
          label={m.barTasks}
          m={m}
        />
      )}
    </form>
  );
}
