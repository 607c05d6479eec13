"use client";
import type { ReactNode } from "react";
import { useFormAction } from "@/components/use-form-action";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { reopenAction, uploadEvidenceAction } from "../actions";
import { Field, type ControlProps } from "@/components/form/Field";
import { FormFeedback } from "./FormFeedback";

type Props = { kind: "obs" | "task"; id: number; m: Messages["reporting"] };
type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * A form about one item with one field: which item, the outcome, the field with its errors, the
 * button. `input` draws the control from the props Field gives it and the last outcome.
 */
function ItemForm({
  action,
  kind,
  id,
  testId,
  buttonClass,
  button,
  field,
}: Omit<Props, "m"> & {
  action: Action;
  testId?: string;
  buttonClass: string;
  button: (pending: boolean) => string;
  field: {
    name: string;
    label: string;
    hint?: string;
    input: (control: ControlProps, state: ActionResult | null) => ReactNode;
  };
}) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(action, null, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-2" data-testid={testId}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} />
      <Field id={field.name} label={field.label} hint={field.hint} errors={state?.fieldErrors?.[field.name]}>
        {(control) => field.input(control, state)}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-3 py-1.5 text-sm disabled:opacity-60 ${buttonClass}`}
      >
        {button(pending)}
      </button>
    </form>
  );
}

const EVIDENCE_TYPES = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg";

export function EvidenceUpload({ m, ...item }: Props) {
  return (
    <ItemForm
      action={uploadEvidenceAction}
      {...item}
      testId="evidence-form"
      buttonClass="bg-brand-700 text-white"
      button={(pending) => (pending ? m.saving : m.upload)}
      field={{
        name: "file",
        label: m.uploadEvidence,
        hint: m.fileHint,
        input: (control) => (
          <input {...control} name="file" type="file" accept={EVIDENCE_TYPES} className="block text-sm" />
        ),
      }}
    />
  );
}

export function ReopenForm({ m, ...item }: Props) {
  return (
    <ItemForm
      action={reopenAction}
      {...item}
      buttonClass="border border-amber-700 text-amber-900"
      button={() => m.reopen}
      field={{
        name: "comment",
        label: m.reopenReason,
        input: (control, state) => (
          <textarea
            {...control}
            name="comment"
            rows={2}
            defaultValue={state?.values?.comment ?? ""}
            className="w-full max-w-xl rounded border border-slate-300 px-2 py-1"
          />
        ),
      }}
    />
  );
}
