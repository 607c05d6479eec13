"use client";
import type { ActionResult } from "@/server/action";

/** The outcome of a form action, announced to screen readers. */
export function FormFeedback({ state }: { state: ActionResult | null }) {
  return (
    <div aria-live="polite" className="min-h-6">
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded p-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`} data-testid="form-message">
          {state.message}
          {!state.ok && state.fieldErrors?._form && <span className="block">{state.fieldErrors._form.join(" ")}</span>}
        </p>
      )}
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700" data-testid="field-error">
      {errors.join(" ")}
    </p>
  );
}

/** Warns before leaving a page with unsaved edits in a form. */
export function useUnsavedWarning(dirty: boolean) {
  if (typeof window !== "undefined") {
    window.onbeforeunload = dirty ? () => true : null;
  }
}
