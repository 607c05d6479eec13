"use client";
// Adding an indicator assignment, and removing one after a confirmation dialog.
import { useEffect, useRef } from "react";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { addAssignmentAction, removeAssignmentAction } from "../actions";
import { fill, getMessages } from "@/i18n/messages";
import {
  CheckField,
  OptionalLabel,
  SelectField,
  StatusMessage,
  TextField,
  dangerButton,
  primaryButton,
  secondaryButton,
  type FormState,
} from "./form-parts";

export type Option = { id: number; label: string };

export function AddAssignmentForm({
  lang,
  indicators,
  agencies,
}: {
  lang: Lang;
  indicators: Option[];
  agencies: Option[];
}) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(addAssignmentAction, null, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <div className="grid gap-4 md:grid-cols-2">
        {(
          [
            { key: "indicator", choose: t.assignments.chooseIndicator, options: indicators },
            { key: "agency", choose: t.assignments.chooseAgency, options: agencies, hint: t.users.agencyHint },
          ] as const
        ).map((f) => (
          <SelectField
            key={f.key}
            id={`assign-${f.key}`}
            name={`${f.key}Id`}
            label={t.assignments[f.key]}
            state={state}
            placeholder={f.choose}
            options={f.options.map((o) => ({ value: o.id, label: o.label }))}
            hint={"hint" in f ? f.hint : undefined}
          />
        ))}
      </div>
      <CheckField id="assign-national" name="national" label={t.assignments.national} state={state} />
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? t.assignments.adding : t.assignments.add}
      </button>
      <StatusMessage state={state} />
    </form>
  );
}

/** A "Remove" button that opens a modal dialog; only the dialog's button removes. */
export function RemoveAssignmentButton({
  lang,
  id,
  agency,
  indicator,
}: {
  lang: Lang;
  id: number;
  agency: string;
  indicator: string;
}) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(removeAssignmentAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `remove-${id}-title`;
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label={fill(t.assignments.removeLabel, { agency, indicator })}
        aria-haspopup="dialog"
        className="rounded border border-red-300 px-2 py-0.5 text-xs font-medium text-red-800 hover:bg-red-50"
      >
        {t.assignments.remove}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-black/40"
      >
        <form {...formProps} className="space-y-4 p-5">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="confirm" value="yes" />
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {t.assignments.removeTitle}
          </h2>
          <p className="text-sm text-slate-700">{fill(t.assignments.removeText, { agency, indicator })}</p>
          <TextField
            id={`remove-${id}-reason`}
            name="reason"
            label={<OptionalLabel text={t.common.reason} optional={t.common.optional} />}
            state={state}
            refill={false}
            type="text"
            maxLength={500}
          />
          <StatusMessage state={state?.ok ? null : state} />
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className={secondaryButton} onClick={() => dialog.current?.close()}>
              {t.common.cancel}
            </button>
            <button type="submit" className={dangerButton} disabled={pending}>
              {pending ? t.assignments.removing : t.assignments.removeConfirm}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
