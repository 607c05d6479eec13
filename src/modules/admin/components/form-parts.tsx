"use client";
// The admin forms' look on top of the shared form kit (components/form/Field): fields tied to
// their hint and error, the status region that announces a result, focus on the first refused field.
import { useEffect, type InputHTMLAttributes, type ReactNode, type RefObject } from "react";
import { Field, FieldError as KitFieldError, fieldHintClass } from "@/components/form/Field";
import type { ActionResult } from "@/server/action";

export type FormState = ActionResult | null;

export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 disabled:bg-slate-100 sm:text-sm";
export const labelClass = "block text-sm font-medium text-slate-800";
export const hintClass = fieldHintClass;
export const primaryButton =
  "inline-flex items-center justify-center rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-60";
export const dangerButton =
  "inline-flex items-center justify-center rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-60";
export const secondaryButton =
  "inline-flex items-center justify-center rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

export function errorsOf(state: FormState, field: string): string[] | undefined {
  const e = state?.fieldErrors?.[field];
  return e && e.length ? e : undefined;
}

/** Props that tie an input to its hint and its error message. */
export function fieldA11y(state: FormState, field: string, errorId: string, hintId?: string) {
  const invalid = !!errorsOf(state, field);
  const describedBy = [invalid ? errorId : null, hintId ?? null].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined } as const;
}

export function FieldError({ id, state, field }: { id: string; state: FormState; field: string }) {
  return <KitFieldError id={id} errors={errorsOf(state, field)} />;
}

/**
 * A labelled input named `name`, tied to its hint and error; what was typed comes back after a
 * refused submit unless `refill` is false (passwords are never sent back).
 */
export function TextField({
  id,
  name,
  label,
  state,
  hint,
  initial = "",
  refill = true,
  ...input
}: {
  id: string;
  name: string;
  label: ReactNode;
  state: FormState;
  hint?: ReactNode;
  initial?: string;
  refill?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "defaultValue">) {
  return (
    <Field id={id} label={label} hint={hint} errors={errorsOf(state, name)} labelClass={labelClass}>
      {(control) => (
        <input
          {...control}
          name={name}
          defaultValue={refill ? (state?.values?.[name] ?? initial) : undefined}
          className={inputClass}
          {...input}
        />
      )}
    </Field>
  );
}

/** A field's name marked optional, the mark quieter than the name. */
export function OptionalLabel({ text, optional }: { text: string; optional: string }) {
  return (
    <>
      {text} <span className="font-normal text-slate-600">({optional})</span>
    </>
  );
}

/** A checkbox before its label, tied to its error (a confirmation box, an on/off choice). */
export function CheckField({
  id,
  name,
  label,
  state,
  required,
  labelClass: ownLabelClass = "text-sm text-slate-800",
}: {
  id: string;
  name: string;
  label: ReactNode;
  state: FormState;
  required?: boolean;
  labelClass?: string;
}) {
  return (
    <Field id={id} label={label} errors={errorsOf(state, name)} labelClass={ownLabelClass} check>
      {(control) => (
        <input
          {...control}
          name={name}
          type="checkbox"
          required={required}
          defaultChecked={state?.values?.[name] === "on"}
          className="mt-1 size-4"
        />
      )}
    </Field>
  );
}

/** Always rendered, so assistive technology is already listening when the result arrives. */
export function StatusMessage({ state, children }: { state: FormState; children?: ReactNode }) {
  const text = state?.message ?? "";
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="min-h-6 text-sm">
      {text ? (
        <p
          className={
            state?.ok
              ? "rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900"
              : "rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900"
          }
        >
          {text} {state?.ok ? children : null}
        </p>
      ) : null}
    </div>
  );
}

/** After a refused submit, moves focus to the first field marked invalid. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: FormState) {
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors)
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, state]);
}

/** A labelled select tied to its hint and error; the choice comes back after a refused submit. */
export function SelectField(p: {
  id: string;
  name: string;
  label: string;
  state: FormState;
  placeholder: string;
  options: { value: string | number; label: string }[];
  defaultValue?: string;
  hint?: string;
}) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} errors={errorsOf(p.state, p.name)} labelClass={labelClass}>
      {(control) => (
        <select
          {...control}
          name={p.name}
          required
          defaultValue={p.state?.values?.[p.name] ?? p.defaultValue ?? ""}
          className={inputClass}
        >
          <option value="">{p.placeholder}</option>
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
