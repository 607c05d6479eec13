"use client";
import { useEffect, useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { fetchMe } from "@/components/me";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { MILESTONE_STATUSES } from "@/lib/status";
import { FieldError, FormFeedback } from "@/modules/reporting/components/FormFeedback";
import { overrideStatusAction } from "../actions";

/** Shown to national reviewers only (the action checks the role again on the server). */
export function OverrideForm({
  targetId,
  current,
  m,
  hasOverride,
}: {
  targetId: number;
  current: string;
  m: Messages["dashboard"];
  hasOverride: boolean;
}) {
  const [role, setRole] = useState<string | null>(null);
  const { state, pending, formProps } = useFormAction<ActionResult | null>(overrideStatusAction, null);
  useEffect(() => {
    fetchMe()
      .then((user) => setRole((user as { role?: string } | null)?.role ?? null))
      .catch(() => setRole(null));
  }, []);
  if (role !== "REVIEWER") return null;
  const id = `ov-${targetId}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">{m.overrideForm}</summary>
      <form {...formProps} className="mt-2 space-y-2" data-testid="override-form">
        <input type="hidden" name="targetId" value={targetId} />
        <FormFeedback state={state} />
        <label htmlFor={`${id}-status`} className="block text-xs font-medium">
          {m.overrideStatus}
        </label>
        <select
          id={`${id}-status`}
          name="status"
          defaultValue={state?.values?.status ?? current}
          className="rounded border border-slate-300 px-2 py-1"
        >
          {MILESTONE_STATUSES.map((k) => (
            <option key={k} value={k}>
              {m.statuses[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reason`} className="block text-xs font-medium">
          {m.overrideReason}
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          defaultValue={state?.values?.reason ?? ""}
          aria-invalid={!!state?.fieldErrors?.reason}
          aria-describedby={state?.fieldErrors?.reason ? `${id}-reason-error` : undefined}
          className="w-full max-w-xl rounded border border-slate-300 px-2 py-1"
        />
        <FieldError id={`${id}-reason-error`} errors={state?.fieldErrors?.reason} />
        <div className="flex gap-2">
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={pending}
            className="rounded bg-brand-700 px-3 py-1 text-white disabled:opacity-60"
          >
            {m.overrideSave}
          </button>
          {hasOverride && (
            <button
              type="submit"
              name="intent"
              value="revoke"
              disabled={pending}
              className="rounded border border-slate-400 px-3 py-1 disabled:opacity-60"
            >
              {m.overrideRevoke}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
