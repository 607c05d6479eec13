"use client";
import { useEffect } from "react";
import type { ActionResult } from "@/server/action";
import { makeLeaveGuard } from "./leave-guard";

/** The outcome of a form action, announced to screen readers. */
export function FormFeedback({ state }: { state: ActionResult | null }) {
  return (
    <div aria-live="polite" className="min-h-6">
      {state?.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded p-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
          data-testid="form-message"
        >
          {state.message}
          {!state.ok && state.fieldErrors?._form && <span className="block">{state.fieldErrors._form.join(" ")}</span>}
        </p>
      )}
    </div>
  );
}

// The error line lives in the shared form kit; re-exported for the forms that import it here.
export { FieldError } from "@/components/form/Field";

let guard: ReturnType<typeof makeLeaveGuard> | null = null;

/**
 * Warns before unsaved edits are lost: closing or reloading the tab (the browser's own prompt),
 * and following a link inside the portal, which Next turns into a client navigation that no
 * beforeunload sees (asked in capture phase, before the router handles the click). Every form on
 * the page shares one guard (leave-guard.ts), so a click asks once.
 */
export function useUnsavedWarning(dirty: boolean, message = "") {
  useEffect(() => {
    if (!dirty) return;
    guard ??= makeLeaveGuard(window, document, (m) => window.confirm(m));
    return guard.hold(message);
  }, [dirty, message]);
}
