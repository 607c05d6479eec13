"use client";
import { useFormAction } from "@/components/use-form-action";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { reopenAction, uploadEvidenceAction } from "../actions";
import { FieldError, FormFeedback } from "./FormFeedback";

export function EvidenceUpload({ kind, id, m }: { kind: "obs" | "task"; id: number; m: Messages["reporting"] }) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(uploadEvidenceAction, null, {
    resetOnSuccess: true,
  });
  return (
    <form {...formProps} className="space-y-2" data-testid="evidence-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} />
      <label htmlFor="file" className="block text-sm font-medium">
        {m.uploadEvidence}
      </label>
      <input
        id="file"
        name="file"
        type="file"
        accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg"
        aria-describedby="file-hint file-error"
        aria-invalid={!!state?.fieldErrors?.file}
        className="block text-sm"
      />
      <p id="file-hint" className="text-xs text-slate-600">
        {m.fileHint}
      </p>
      <FieldError id="file-error" errors={state?.fieldErrors?.file} />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white disabled:opacity-60"
      >
        {pending ? m.saving : m.upload}
      </button>
    </form>
  );
}

export function ReopenForm({ kind, id, m }: { kind: "obs" | "task"; id: number; m: Messages["reporting"] }) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(reopenAction, null, {
    resetOnSuccess: true,
  });
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} />
      <label htmlFor="comment" className="block text-sm font-medium">
        {m.reopenReason}
      </label>
      <textarea
        id="comment"
        name="comment"
        rows={2}
        defaultValue={state?.values?.comment ?? ""}
        aria-invalid={!!state?.fieldErrors?.comment}
        aria-describedby={state?.fieldErrors?.comment ? "comment-error" : undefined}
        className="w-full max-w-xl rounded border border-slate-300 px-2 py-1"
      />
      <FieldError id="comment-error" errors={state?.fieldErrors?.comment} />
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-amber-700 px-3 py-1.5 text-sm text-amber-900 disabled:opacity-60"
      >
        {m.reopen}
      </button>
    </form>
  );
}
