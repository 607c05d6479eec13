"use client";
import type { ReactNode } from "react";
import { useFormAction } from "@/components/use-form-action";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { reopenAction, uploadEvidenceAction } from "../actions";
import { Field } from "@/components/form/Field";
import { FormFeedback } from "./FormFeedback";

type Props = { kind: "obs" | "task"; id: number; m: Messages["reporting"] };
type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** The frame of a form about one item: which item, the outcome, the fields, the button. */
function ItemForm({
  action,
  kind,
  id,
  testId,
  buttonClass,
  button,
  children,
}: Omit<Props, "m"> & {
  action: Action;
  testId?: string;
  buttonClass: string;
  button: (pending: boolean) => string;
  children: (state: ActionResult | null) => ReactNode;
}) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(action, null, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-2" data-testid={testId}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} />
      {children(state)}
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

export function EvidenceUpload({ m, ...item }: Props) {
  return (
    <ItemForm
      action={uploadEvidenceAction}
      {...item}
      testId="evidence-form"
      buttonClass="bg-brand-700 text-white"
      button={(pending) => (pending ? m.saving : m.upload)}
    >
      {(state) => (
        <>
          <Field id="file" label={m.uploadEvidence} hint={m.fileHint} errors={state?.fieldErrors?.file}>
            {(control) => (
              <input
                {...control}
                name="file"
                type="file"
                accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg"
                className="block text-sm"
              />
            )}
          </Field>
        </>
      )}
    </ItemForm>
  );
}

export function ReopenForm({ m, ...item }: Props) {
  return (
    <ItemForm
      action={reopenAction}
      {...item}
      buttonClass="border border-amber-700 text-amber-900"
      button={() => m.reopen}
    >
      {(state) => (
        <>
          <Field id="comment" label={m.reopenReason} errors={state?.fieldErrors?.comment}>
            {(control) => (
              <textarea
                {...control}
                name="comment"
                rows={2}
                defaultValue={state?.values?.comment ?? ""}
                className="w-full max-w-xl rounded border border-slate-300 px-2 py-1"
              />
            )}
          </Field>
        </>
      )}
    </ItemForm>
  );
}
