"use client";
// The lead agency's reporter names the person responsible for a task, the internal deadline and
// the expected result, then confirms in a dialog that says what will change; only the dialog's
// button sends. Rendered only for a reporter of the agency leading the task (the page asks
// policy.ts); the action checks everything again. Fields are held in state, so what was chosen
// stays chosen after a save or a refusal (React's form reset would bring the select back to its
// first option).
import { useRef, useState } from "react";
import { Field, fieldHintClass } from "@/components/form/Field";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import type { ActionResult } from "@/server/action";
import { assignTaskOwnerAction } from "../actions";

export type Colleague = { id: number; label: string };

export function TaskOwnerForm({
  lang,
  taskId,
  basedOn,
  colleagues,
  initial,
  currentLabel,
}: {
  lang: Lang;
  taskId: number;
  /** The newest assignment row (0: none yet); a change needs a reason once there is one. */
  basedOn: number;
  colleagues: Colleague[];
  initial: { userId: string; due: string; result: string };
  /** Who holds the task now, for the confirmation; null when nobody does. */
  currentLabel: string | null;
}) {
  const t = getMessages(lang).taskOwners;
  const f = t.form;
  const [userId, setUserId] = useState(initial.userId);
  const [due, setDue] = useState(initial.due);
  const [result, setResult] = useState(initial.result);
  const [reason, setReason] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, pending, formProps } = useFormAction<ActionResult | null>(assignTaskOwnerAction, null);
  // After a save the reason belongs to the history, not to the next change (adjusted while
  // rendering the new outcome, React's pattern for state that follows another).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state?.ok) {
      setReason("");
      // A withdrawal leaves nobody to withdraw: the choice starts again from "choose".
      if (userId === "none") setUserId("");
    }
  }
  const errors = state?.ok ? undefined : state?.fieldErrors;
  const withdraw = userId === "none";
  const personLabel = colleagues.find((c) => String(c.id) === userId)?.label ?? "—";
  const changing = basedOn > 0;
  return (
    <form
      {...formProps}
      // The dialog closes as the form is sent: a refusal is shown next to its field, which a modal
      // dialog left open would keep out of reach of focus.
      onSubmit={(e) => {
        dialog.current?.close();
        formProps.onSubmit(e);
      }}
      className="max-w-2xl space-y-3 rounded border border-slate-200 bg-white p-4 text-sm"
      data-testid="task-owner-form"
      noValidate
    >
      <h3 className="text-base font-semibold">{changing ? f.titleChange : f.title}</h3>
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="basedOn" value={basedOn} />
      <input type="hidden" name="lang" value={lang} />
      <FormFeedback state={state} />
      <Field id="owner-person" label={f.person} errors={errors?.userId}>
        {(c) => (
          <select
            {...c}
            name="userId"
            value={userId}
            onChange={(e) => setUserId(e.target.value)}
            className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1"
          >
            <option value="">{f.choose}</option>
            {colleagues.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.label}
              </option>
            ))}
            {currentLabel && <option value="none">{f.withdraw}</option>}
          </select>
        )}
      </Field>
      {!withdraw && (
        <>
          <Field id="owner-due" label={f.internalDue} hint={f.internalDueHint} errors={errors?.internalDueOn}>
            {(c) => (
              <input
                {...c}
                name="internalDueOn"
                inputMode="numeric"
                placeholder="dd/mm/yyyy"
                autoComplete="off"
                value={due}
                onChange={(e) => setDue(e.target.value)}
                className="mt-1 block w-40 rounded border border-slate-300 px-2 py-1"
              />
            )}
          </Field>
          <Field id="owner-result" label={f.expectedResult} hint={f.expectedResultHint} errors={errors?.expectedResult}>
            {(c) => (
              <textarea
                {...c}
                name="expectedResult"
                rows={3}
                maxLength={1000}
                value={result}
                onChange={(e) => setResult(e.target.value)}
                className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
              />
            )}
          </Field>
        </>
      )}
      {changing && (
        <Field id="owner-reason" label={f.reason} hint={f.reasonHint} errors={errors?.reason}>
          {(c) => (
            <textarea
              {...c}
              name="reason"
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            />
          )}
        </Field>
      )}
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className="rounded bg-brand-700 px-3 py-1.5 text-white"
      >
        {f.submit}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="task-owner-confirm-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-black/40"
        data-testid="task-owner-dialog"
      >
        <div className="space-y-3 p-5">
          <h2 id="task-owner-confirm-title" className="text-lg font-semibold text-slate-900">
            {f.confirmTitle}
          </h2>
          <p className="text-slate-700">
            {withdraw
              ? fill(f.confirmWithdraw, { person: currentLabel ?? "—" })
              : fill(f.confirmAssign, { person: personLabel, due: due.trim() || "—" })}
          </p>
          {changing && <p className={fieldHintClass}>{fill(f.confirmReason, { reason: reason.trim() || "—" })}</p>}
          <div className="flex flex-wrap justify-end gap-3">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded border border-slate-400 px-3 py-1"
            >
              {f.cancel}
            </button>
            <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
              {pending ? f.saving : f.confirm}
            </button>
          </div>
        </div>
      </dialog>
    </form>
  );
}
