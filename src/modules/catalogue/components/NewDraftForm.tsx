"use client";
// The editor's first step: the document's fields and its text (pasted, or a .txt file). On success
// the draft opens with the suggester's proposals.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Field } from "@/components/form/Field";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import type { ActionResult } from "@/server/action";
import { createDraftAction } from "../actions";
// A type only: schemas.ts reaches server-only modules, which a client bundle cannot hold.
import type { DOCUMENT_KINDS } from "../values";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

export function NewDraftForm({ lang }: { lang: Lang }) {
  const t = getMessages(lang).catalogue;
  const router = useRouter();
  const { state, pending, formProps } = useFormAction<ActionResult<{ id: number }> | null>(createDraftAction, null);
  useEffect(() => {
    if (state?.ok && state.data) router.push(`/${lang}/admin/catalogue/${state.data.id}`);
  }, [state, lang, router]);
  const errors = state?.ok ? undefined : state?.fieldErrors;
  const v = state?.values ?? {};
  const text = (name: keyof typeof t.field, required = false, type = "text") => (
    <Field id={`draft-${name}`} label={t.field[name]} errors={errors?.[name]}>
      {(c) => <input {...c} name={name} type={type} required={required} defaultValue={v[name]} className={input} />}
    </Field>
  );
  return (
    <form {...formProps} className="max-w-3xl space-y-3" data-testid="new-draft-form" noValidate aria-busy={pending}>
      <input type="hidden" name="lang" value={lang} />
      <FormFeedback state={state} />
      {text("key", true)}
      <div className="grid gap-3 sm:grid-cols-2">
        {text("numberPrinted")}
        {text("issuedOn", false, "date")}
      </div>
      <Field id="draft-kind" label={t.field.kind} errors={errors?.kind}>
        {(c) => (
          <select {...c} name="kind" defaultValue={v.kind ?? "DECISION"} className={input}>
            {(Object.keys(t.documentKind) as (typeof DOCUMENT_KINDS)[number][]).map((k) => (
              <option key={k} value={k}>
                {t.documentKind[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("issuer")}
      {text("titleVi", true)}
      {text("titleEn", true)}
      <Field id="draft-inForce" label={t.field.inForce} check errors={errors?.inForce}>
        {(c) => <input {...c} type="checkbox" name="inForce" defaultChecked={v.inForce ? v.inForce === "on" : true} />}
      </Field>
      {text("relatedTo")}
      {text("supersedes")}
      <Field id="draft-text" label={t.field.text} hint={t.textHint} errors={errors?.text}>
        {(c) => (
          <textarea {...c} name="text" rows={14} defaultValue={v.text} className={`${input} font-mono text-sm`} />
        )}
      </Field>
      <Field id="draft-file" label={t.field.file} errors={errors?.file}>
        {(c) => (
          <input
            {...c}
            name="file"
            type="file"
            accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="mt-1 block"
          />
        )}
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-2 text-white">
        {pending ? t.creating : t.create}
      </button>
    </form>
  );
}
