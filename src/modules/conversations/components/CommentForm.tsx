"use client";
import { useRef } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Field } from "@/components/form/Field";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import { addCommentAction } from "../actions";

/**
 * The comment box. A refused comment keeps its text (the field is left alone and the error sits
 * next to it); a sent one empties it. The picker inserts "@email" at the cursor.
 */
export function CommentForm({
  kind,
  id,
  m,
  mentionable,
}: {
  kind: "obs" | "task";
  id: number;
  m: Messages["conversations"];
  mentionable: { name: string; email: string }[];
}) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(addCommentAction, null, {
    resetOnSuccess: true,
  });
  const box = useRef<HTMLTextAreaElement>(null);
  const insert = (email: string) => {
    const el = box.current;
    if (!el) return;
    const at = el.selectionStart ?? el.value.length;
    const before = el.value.slice(0, at);
    const text = `${before && !/\s$/.test(before) ? " " : ""}@${email} `;
    el.setRangeText(text, at, el.selectionEnd ?? at, "end");
    el.focus();
  };
  return (
    <form {...formProps} className="space-y-2" data-testid="comment-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <FormFeedback state={state} />
      <Field
        id="comment-body"
        label={m.body}
        hint={m.hint.replace("{email}", mentionable[0]?.email ?? "ten@cds.gov.vn")}
        errors={state?.fieldErrors?.body}
      >
        {(control) => (
          <textarea
            {...control}
            ref={box}
            name="body"
            rows={3}
            maxLength={4000}
            defaultValue={state?.ok ? "" : (state?.values?.body ?? "")}
            className="w-full max-w-2xl rounded border border-slate-300 px-2 py-1"
          />
        )}
      </Field>
      {mentionable.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">{m.mentionable}</summary>
          <ul className="mt-1 flex flex-wrap gap-2">
            {mentionable.map((u) => (
              <li key={u.email}>
                <button
                  type="button"
                  onClick={() => insert(u.email)}
                  className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100"
                >
                  {u.name} (@{u.email})
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white disabled:opacity-60"
      >
        {pending ? m.sending : m.send}
      </button>
    </form>
  );
}
