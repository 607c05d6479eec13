"use client";
import { useFormAction } from "@/components/use-form-action";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { reopenAction, uploadEvidenceAction } from "../actions";
import { Field } from "@/components/form/Field";
import { FormFeedback } from "./FormFeedback";

type Props = { kind: "obs" | "task"; id: number; m: Messages["reporting"] };

const EVIDENCE_TYPES = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg";

/** The two things a person does to one item from its page: attach evidence, reopen it. */
const VARIANTS = {
  evidence: { action: uploadEvidenceAction, field: "file", buttonClass: "bg-brand-700 text-white" },
  reopen: { action: reopenAction, field: "comment", buttonClass: "border border-amber-700 text-amber-900" },
} as const;

/** A form about one item with one field: which item, the outcome, the field with its errors, the button. */
export function ItemActionForm({ variant, kind, id, m }: Props & { variant: keyof typeof VARIANTS }) {
  const v = VARIANTS[variant];
  const { state, pending, formProps } = useFormAction<ActionResult | null>(v.action, null, { resetOnSuccess: true });
  const evidence = variant === "evidence";
  return (
    <form {...formProps} className="space-y-2" data-testid={`${variant}-form`}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} />
      <Field
        id={v.field}
        label={evidence ? m.uploadEvidence : m.reopenReason}
        hint={evidence ? m.fileHint : undefined}
        errors={state?.fieldErrors?.[v.field]}
      >
        {(control) =>
          evidence ? (
            <input {...control} name="file" type="file" accept={EVIDENCE_TYPES} className="block text-sm" />
          ) : (
            <textarea
              {...control}
              name="comment"
              rows={2}
              defaultValue={state?.values?.comment ?? ""}
              className="w-full max-w-xl rounded border border-slate-300 px-2 py-1"
            />
          )
        }
      </Field>
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-3 py-1.5 text-sm disabled:opacity-60 ${v.buttonClass}`}
      >
        {evidence ? (pending ? m.saving : m.upload) : m.reopen}
      </button>
    </form>
  );
}
