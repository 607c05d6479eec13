"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { EntryBar, SelectToSubmit, type useEntryForm } from "./EntryControls";
import { FormFeedback } from "./FormFeedback";
import { StateBadge } from "./StateBadge";

/** What both entry forms (indicators, tasks) are given by the workspace. */
export type EntryFormProps<Row> = {
  lang: Lang;
  m: Messages["reporting"];
  period: string;
  rows: Row[];
  canWrite: boolean;
};

type RowFieldBase = { state: ActionResult | null; name: string; initial: string; disabled: boolean };

/** The fields every entry row's view carries, whatever its kind (see view-model.ts). */
export type RowHead = {
  /** Field-name prefix: "ind.12", "task.34". */
  prefix: string;
  testId: string;
  title: string;
  /** The line under the title: previous value, targets or deadline. */
  meta: string;
  detailsHref: string | null;
  version: number;
  state: string;
  editable: boolean;
  late: boolean;
  reviewComment: string | null;
};

/** What every row of one form shares: the messages, the last save's outcome, write access. */
export type RowContext = { m: Messages["reporting"]; state: ActionResult | null; canWrite: boolean };

const KIND_FORM = {
  indicator: { testId: "indicator-form", bar: "barIndicators", hint: "jumpHint" },
  task: { testId: "task-form", bar: "barTasks", hint: null },
} as const;

/**
 * An entry form's frame: the period it saves into, the outcome of the last save, and the action
 * bar (only for someone who may write, and only when there are rows to act on).
 */
export function EntryForm({
  entry,
  m,
  period,
  kind,
  showBar,
  children,
}: {
  entry: ReturnType<typeof useEntryForm>;
  m: Messages["reporting"];
  period: string;
  kind: keyof typeof KIND_FORM;
  showBar: boolean;
  children: ReactNode;
}) {
  const k = KIND_FORM[kind];
  return (
    <form {...entry.formProps} onInput={entry.onInput} className="space-y-3" data-testid={k.testId}>
      <input type="hidden" name="period" value={period} />
      <FormFeedback state={entry.state} />
      {children}
      {showBar && (
        <EntryBar
          formRef={entry.formProps.ref}
          pending={entry.pending}
          selected={entry.selected}
          selectable={entry.selectable}
          recount={entry.recount}
          label={m[k.bar]}
          hint={k.hint ? m[k.hint] : undefined}
          m={m}
        />
      )}
    </form>
  );
}

/**
 * One row of an entry form, the frame both forms share: the version it was read at (so a
 * concurrent save is caught), its heading and state, the reviewer's comment when it came back,
 * its fields, and the box that picks it for submission.
 */
export function EntryRow({
  form: { m, state, canWrite },
  row,
  titleLang,
  marks,
  gridClass,
  children,
}: {
  form: RowContext;
  row: RowHead;
  /** Task titles exist only in Vietnamese, whatever the page's language. */
  titleLang?: "vi";
  marks?: ReactNode;
  gridClass: string;
  children: (field: (name: string, initial: string) => RowFieldBase) => ReactNode;
}) {
  const { prefix } = row;
  const disabled = !canWrite || !row.editable;
  const field = (name: string, initial: string) => ({ state, name: `${prefix}.${name}`, initial, disabled });
  const select = `${prefix}.select`;
  const headingId = `${prefix}-heading`;
  return (
    <fieldset
      className="rounded border border-slate-200 bg-white p-3"
      data-testid={row.testId}
      aria-labelledby={headingId}
    >
      {!disabled && <input type="hidden" name={`${prefix}.version`} value={row.version} />}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="max-w-3xl">
          <p id={headingId} className="font-medium" lang={titleLang}>
            {row.title}
          </p>
          <p className="text-xs text-slate-600">{row.meta}</p>
        </div>
        <div className="flex items-center gap-2">
          <StateBadge state={row.state} m={m} />
          {row.late && <span className="text-xs text-amber-900">⏰ {m.late}</span>}
          {marks}
          {row.detailsHref && (
            <Link href={row.detailsHref} className="text-xs text-brand-700 underline">
              {m.details}
            </Link>
          )}
        </div>
      </div>
      {row.reviewComment && row.state === "RETURNED" && (
        <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="review-comment">
          {m.reviewComment}: {row.reviewComment}
        </p>
      )}
      <div className={`mt-2 grid gap-2 ${gridClass}`}>{children(field)}</div>
      {!disabled && (
        <SelectToSubmit name={select} checked={(state?.values?.[select] ?? "") === "on"} label={row.title} m={m} />
      )}
    </fieldset>
  );
}
