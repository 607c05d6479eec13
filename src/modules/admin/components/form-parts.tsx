"use client";
// Pieces shared by the admin forms: field errors tied to their input, the status region that
// announces a result, and focus on the first refused field.
import { useEffect, type ReactNode, type RefObject } from "react";
import type { ActionResult } from "@/server/action";

export type FormState = ActionResult | null;

export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 disabled:bg-slate-100 sm:text-sm";
export const labelClass = "block text-sm font-medium text-slate-800";
export const hintClass = "mt-1 text-xs text-slate-600";
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
  const errors = errorsOf(state, field);
  if (!errors) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(" ")}
    </p>
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
  const errorId = `${p.id}-error`;
  const hintId = p.hint ? `${p.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={p.id} className={labelClass}>
        {p.label}
      </label>
      <select
        id={p.id}
        name={p.name}
        required
        defaultValue={p.state?.values?.[p.name] ?? p.defaultValue ?? ""}
        className={inputClass}
        {...fieldA11y(p.state, p.name, errorId, hintId)}
      >
        <option value="">{p.placeholder}</option>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.hint ? (
        <p id={hintId} className={hintClass}>
          {p.hint}
        </p>
      ) : null}
      <FieldError id={errorId} state={p.state} field={p.name} />
    </div>
  );
}
