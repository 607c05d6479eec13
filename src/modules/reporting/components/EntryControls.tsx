"use client";
import {
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  type TextareaHTMLAttributes,
} from "react";
import { fill, type Messages } from "@/i18n/messages";
import { useFormAction } from "@/components/use-form-action";
import type { ActionResult } from "@/server/action";
import { Field } from "@/components/form/Field";
import { useUnsavedWarning } from "./FormFeedback";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * State of one entry form: the action without React's reset, whether something typed is unsaved
 * (cleared only by a save that succeeded: a refused save leaves the work unsaved), and the labels
 * of the rows ticked for submission.
 */
export function useEntryForm(action: Action, m: Messages["reporting"]) {
  const form = useFormAction<ActionResult | null>(action, null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [selectable, setSelectable] = useState(0);
  const { state } = form;
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setDirty(false);
  }
  useUnsavedWarning(dirty && !form.pending, m.unsavedLeave);
  const recount = () => {
    const boxes = [...(form.formProps.ref.current?.querySelectorAll<HTMLInputElement>("input[data-select]") ?? [])];
    setSelectable(boxes.length);
    setSelected(boxes.filter((b) => b.checked).map((b) => b.dataset.label ?? ""));
  };
  // Rows that were submitted lose their box; the count follows what is on screen.
  useEffect(recount, [state]); // eslint-disable-line react-hooks/exhaustive-deps, react-hooks/set-state-in-effect
  const onInput = (e: React.FormEvent<HTMLFormElement>) => {
    if ((e.target as HTMLElement).dataset.select !== undefined) recount();
    else setDirty(true);
  };
  return { ...form, dirty, selected, selectable, recount, onInput };
}

/** The per-row "select to submit" box; `label` names the row in the confirmation. */
export function SelectToSubmit({
  name,
  checked,
  label,
  m,
}: {
  name: string;
  checked: boolean;
  label: string;
  m: Messages["reporting"];
}) {
  return (
    <label className="mt-2 inline-flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        defaultChecked={checked}
        data-select=""
        data-label={label}
        className="size-4"
      />
      {m.select}
    </label>
  );
}

/**
 * The one action bar of an entry form, pinned to the bottom of the screen while its form is in
 * view: which form it acts on, select all on this page, save as draft, and submit after a
 * confirmation that lists the ticked items.
 */
export function EntryBar({
  formRef,
  pending,
  selected,
  selectable,
  recount,
  label,
  hint,
  m,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  pending: boolean;
  selected: string[];
  selectable: number;
  recount: () => void;
  label: string;
  hint?: string;
  m: Messages["reporting"];
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const boxes = () => [...(formRef.current?.querySelectorAll<HTMLInputElement>("input[data-select]") ?? [])];
  const all = selectable > 0 && selected.length === selectable;
  useEffect(() => {
    if (pending) dialog.current?.close();
  }, [pending]);
  return (
    <div
      role="group"
      aria-label={label}
      className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t-2 border-brand-700 bg-slate-50/95 px-2 py-3"
      data-testid="entry-bar"
    >
      <strong className="text-sm text-brand-800">{label}</strong>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4"
          checked={all}
          disabled={selectable === 0}
          onChange={(e) => {
            for (const b of boxes()) b.checked = e.target.checked;
            recount();
          }}
          data-testid="select-all"
        />
        {m.selectAllPage}
      </label>
      <span className="text-sm text-slate-700" aria-live="polite" data-testid="selected-count">
        {fill(m.selectedCount, { count: selected.length })}
      </span>
      <span className="grow" />
      <button
        type="submit"
        name="intent"
        value="draft"
        disabled={pending}
        className="rounded border border-brand-700 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {pending ? m.saving : m.saveDraft}
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {m.submitSelectedEllipsis}
      </button>
      {hint && <p className="basis-full text-xs text-slate-600">{hint}</p>}
      <dialog
        ref={dialog}
        aria-labelledby={`${label}-confirm`}
        className="m-auto w-[min(36rem,92vw)] rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
        data-testid="submit-dialog"
      >
        {selected.length === 0 ? (
          <p id={`${label}-confirm`}>{m.nothingSelected}</p>
        ) : (
          <>
            <h2 id={`${label}-confirm`} className="text-lg font-semibold">
              {fill(m.confirmSubmitTitle, { count: selected.length })}
            </h2>
            <ul className="my-3 max-h-64 list-disc overflow-y-auto pl-5 text-sm" data-testid="submit-list">
              {selected.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
            <p className="text-sm text-slate-700">{m.confirmSubmitBody}</p>
          </>
        )}
        <DialogButtons dialog={dialog} m={m}>
          {selected.length > 0 && (
            <button
              type="submit"
              name="intent"
              value="submit"
              className="rounded bg-brand-700 px-4 py-2 font-medium text-white"
              autoFocus
            >
              {fill(m.confirmSubmit, { count: selected.length })}
            </button>
          )}
        </DialogButtons>
      </dialog>
    </div>
  );
}

/** The foot of a confirmation dialog: cancel closes it, the confirming button is the caller's. */
export function DialogButtons({
  dialog,
  m,
  children,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  m: Messages["reporting"];
  children: ReactNode;
}) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <button
        type="button"
        onClick={() => dialog.current?.close()}
        className="rounded border border-slate-400 px-4 py-2"
      >
        {m.cancel}
      </button>
      {children}
    </div>
  );
}

type FieldProps = {
  state: ActionResult | null;
  name: string;
  label: ReactNode;
  initial: string;
  disabled: boolean;
  wrapClass?: string;
};

/**
 * One field of an entry row: its label, the input (refilled with what was typed after a refused
 * save), marked invalid and described by its error when the save refused it. `rows` makes it a
 * text area, `options` a select.
 */
export function RowField({
  state,
  name,
  label,
  initial,
  disabled,
  wrapClass,
  rows,
  options,
  ...rest
}: FieldProps &
  InputHTMLAttributes<HTMLInputElement> &
  Pick<TextareaHTMLAttributes<HTMLTextAreaElement>, "rows"> & { options?: [string, string][] }) {
  const common = (control: object) => ({
    ...control,
    name,
    defaultValue: state?.values?.[name] ?? initial,
    disabled,
    className:
      "mt-1 w-full rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600 disabled:bg-slate-100",
  });
  return (
    <Field
      id={name}
      label={label}
      errors={state?.fieldErrors?.[name]}
      className={wrapClass}
      labelClass="block text-xs font-medium"
    >
      {(control) =>
        options ? (
          <select {...common(control)}>
            {options.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </select>
        ) : rows ? (
          <textarea rows={rows} {...common(control)} />
        ) : (
          <input {...common(control)} {...rest} />
        )
      }
    </Field>
  );
}
