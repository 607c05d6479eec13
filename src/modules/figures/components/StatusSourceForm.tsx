"use client";
// The reviewer's control for the source an indicator's statuses use: a source, a reason, then a
// confirmation dialog naming the change; only the dialog's button sends. Rendered for national
// reviewers only (the page is cached for everyone, so the role is asked of /api/me); the action
// checks the role again.
import { useEffect, useRef, useState } from "react";
import { Field, fieldHintClass } from "@/components/form/Field";
import { fetchMe } from "@/components/me";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import type { ActionResult } from "@/server/action";
import { chooseStatusSourceAction } from "../actions";

export type SourceOption = { value: string; label: string };

export function StatusSourceForm({
  lang,
  indicator,
  options,
  current,
}: {
  lang: Lang;
  indicator: string;
  options: SourceOption[];
  current: string;
}) {
  const t = getMessages(lang).figures.statusSource;
  const [role, setRole] = useState<string | null>(null);
  const [source, setSource] = useState(current);
  const [reason, setReason] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const { state, pending, formProps } = useFormAction<ActionResult | null>(chooseStatusSourceAction, null);
  useEffect(() => {
    fetchMe()
      .then((user) => setRole((user as { role?: string } | null)?.role ?? null))
      .catch(() => setRole(null));
  }, []);
  if (role !== "REVIEWER") return null;
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const errors = state?.ok ? undefined : state?.fieldErrors;
  return (
    <details className="mt-3 text-sm" data-testid="status-source-control">
      <summary className="cursor-pointer text-brand-700 underline">{t.open}</summary>
      <form
        {...formProps}
        // The dialog closes as the form is sent: a refusal is shown next to its field, which a
        // modal dialog left open would keep out of reach of focus.
        onSubmit={(e) => {
          dialog.current?.close();
          formProps.onSubmit(e);
        }}
        className="mt-2 max-w-xl space-y-3"
        data-testid="status-source-form"
        noValidate
      >
        <input type="hidden" name="indicator" value={indicator} />
        <input type="hidden" name="lang" value={lang} />
        <FormFeedback state={state} />
        <Field id="status-source" label={t.source} errors={errors?.source}>
          {(c) => (
            <select
              {...c}
              name="source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="status-source-reason" label={t.reasonLabel} hint={t.reasonHint} errors={errors?.reason}>
          {(c) => (
            <textarea
              {...c}
              name="reason"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
            />
          )}
        </Field>
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={() => dialog.current?.showModal()}
          className="rounded bg-brand-700 px-3 py-1 text-white"
        >
          {t.submit}
        </button>
        <dialog
          ref={dialog}
          aria-labelledby="status-source-confirm-title"
          className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-black/40"
          data-testid="status-source-dialog"
        >
          <div className="space-y-3 p-5">
            <h2 id="status-source-confirm-title" className="text-lg font-semibold text-slate-900">
              {t.confirmTitle}
            </h2>
            <p className="text-slate-700">{fill(t.confirmText, { to: label(source), from: label(current) })}</p>
            <p className={fieldHintClass}>{fill(t.confirmReason, { reason: reason.trim() || "—" })}</p>
            <div className="flex flex-wrap justify-end gap-3">
              <button
                type="button"
                onClick={() => dialog.current?.close()}
                className="rounded border border-slate-400 px-3 py-1"
              >
                {t.cancel}
              </button>
              <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
                {pending ? t.saving : t.confirm}
              </button>
            </div>
          </div>
        </dialog>
      </form>
    </details>
  );
}
