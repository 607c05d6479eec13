"use client";
// The reviewer's forms on a published document: edit or retire a target, edit or retire a task.
// Every change is irreversible (a new fact in the history), so each asks for a reason and is
// confirmed in a dialog before it is sent; the server checks the permission, the reason and the
// quote again.
import { useRef, useState, type ReactNode } from "react";
import { Field } from "@/components/form/Field";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import type { ActionResult } from "@/server/action";
import { correctTextAction, editTargetAction, editTaskAction, retireTargetAction, retireTaskAction } from "../actions";
import { COMPARATORS, DEADLINE_KINDS } from "../values";

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";
const btn = "rounded border border-slate-400 px-2 py-1 text-sm";
const primary = "rounded bg-brand-700 px-3 py-1 text-sm text-white";

type Act = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A form whose submit button opens a confirmation first; the dialog's confirm sends it. */
function ConfirmedForm({
  lang,
  act,
  entityKey,
  label,
  confirm,
  children,
}: {
  lang: Lang;
  act: Act;
  entityKey: string;
  label: string;
  confirm: string;
  children: (errors: Record<string, string[]>, values: Record<string, string>) => ReactNode;
}) {
  const t = getMessages(lang).catalogueHistory;
  const { state, pending, formProps } = useFormAction<ActionResult | null>(act, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const errors = state?.fieldErrors ?? {};
  const idp = `${entityKey}-${label}`.replace(/[^A-Za-z0-9-]/g, "-");
  return (
    <form
      {...formProps}
      onSubmit={(e) => {
        dialog.current?.close();
        formProps.onSubmit(e);
      }}
      className="mt-2 space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      noValidate
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="key" value={entityKey} />
      <FormFeedback state={state} />
      {errors.key && <p className="text-sm text-red-700">{errors.key.join(" ")}</p>}
      {children(errors, state?.values ?? {})}
      <Field id={`${idp}-reason`} label={t.field.reason} errors={errors.reason}>
        {(c) => (
          <textarea
            {...c}
            name="reason"
            required
            minLength={10}
            maxLength={2000}
            rows={2}
            className={input}
            defaultValue={state?.values?.reason ?? ""}
          />
        )}
      </Field>
      <button type="button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()} className={primary}>
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-label={label}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-5 backdrop:bg-black/40"
      >
        <p>{confirm}</p>
        <div className="mt-3 flex justify-end gap-3">
          <button type="button" onClick={() => dialog.current?.close()} className={btn}>
            {t.cancel}
          </button>
          <button type="submit" disabled={pending} className={primary}>
            {t.confirm}
          </button>
        </div>
      </dialog>
    </form>
  );
}

/** "Sửa" and "Ngừng theo dõi" buttons that open one of the two forms below the row. */
function Toggle({ lang, edit, retire }: { lang: Lang; edit: ReactNode; retire: ReactNode }) {
  const t = getMessages(lang).catalogueHistory;
  const [open, setOpen] = useState<"edit" | "retire" | null>(null);
  return (
    <div>
      <div className="flex gap-2">
        <button
          type="button"
          className={btn}
          aria-expanded={open === "edit"}
          onClick={() => setOpen(open === "edit" ? null : "edit")}
        >
          {t.edit}
        </button>
        <button
          type="button"
          className={btn}
          aria-expanded={open === "retire"}
          onClick={() => setOpen(open === "retire" ? null : "retire")}
        >
          {t.retire}
        </button>
      </div>
      {open === "edit" && edit}
      {open === "retire" && retire}
    </div>
  );
}

export type TargetRow = {
  key: string;
  year: number;
  comparator: string;
  value: number;
  approximate: boolean;
  quote: string;
  line: number;
  noteVi: string | null;
  noteEn: string | null;
};

export function ReviseTarget({ lang, target }: { lang: Lang; target: TargetRow }) {
  const t = getMessages(lang).catalogueHistory;
  const id = (f: string) => `t-${target.key}-${f}`;
  return (
    <Toggle
      lang={lang}
      edit={
        <ConfirmedForm lang={lang} act={editTargetAction} entityKey={target.key} label={t.save} confirm={t.confirmEdit}>
          {(errors, v) => (
            <div className="grid gap-2 sm:grid-cols-4">
              <Field id={id("year")} label={t.field.year} errors={errors.year}>
                {(c) => (
                  <input
                    {...c}
                    name="year"
                    inputMode="numeric"
                    className={input}
                    defaultValue={v.year ?? target.year}
                  />
                )}
              </Field>
              <Field id={id("comparator")} label={t.field.comparator} errors={errors.comparator}>
                {(c) => (
                  <select {...c} name="comparator" className={input} defaultValue={v.comparator ?? target.comparator}>
                    {COMPARATORS.map((k) => (
                      <option key={k} value={k}>
                        {k}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id("value")} label={t.field.value} errors={errors.value}>
                {(c) => (
                  <input
                    {...c}
                    name="value"
                    inputMode="decimal"
                    className={input}
                    defaultValue={v.value ?? target.value}
                  />
                )}
              </Field>
              <Field id={id("line")} label={t.field.line} errors={errors.line}>
                {(c) => (
                  <input
                    {...c}
                    name="line"
                    inputMode="numeric"
                    className={input}
                    defaultValue={v.line ?? target.line}
                  />
                )}
              </Field>
              <Field id={id("approximate")} label={t.field.approximate} check className="sm:col-span-4">
                {(c) => <input {...c} type="checkbox" name="approximate" defaultChecked={target.approximate} />}
              </Field>
              <Field id={id("quote")} label={t.field.quote} errors={errors.quote} className="sm:col-span-4">
                {(c) => (
                  <textarea {...c} name="quote" rows={3} className={input} defaultValue={v.quote ?? target.quote} />
                )}
              </Field>
              <Field id={id("noteVi")} label={t.field.noteVi} errors={errors.noteVi} className="sm:col-span-2">
                {(c) => <input {...c} name="noteVi" className={input} defaultValue={v.noteVi ?? target.noteVi ?? ""} />}
              </Field>
              <Field id={id("noteEn")} label={t.field.noteEn} errors={errors.noteEn} className="sm:col-span-2">
                {(c) => <input {...c} name="noteEn" className={input} defaultValue={v.noteEn ?? target.noteEn ?? ""} />}
              </Field>
            </div>
          )}
        </ConfirmedForm>
      }
      retire={
        <ConfirmedForm
          lang={lang}
          act={retireTargetAction}
          entityKey={target.key}
          label={t.retire}
          confirm={t.confirmRetire}
        >
          {() => null}
        </ConfirmedForm>
      }
    />
  );
}

export type TaskRow = {
  key: string;
  product: string | null;
  deadlineRaw: string | null;
  deadlineKind: string;
  deadlineYear: number | null;
  deadlineQuarter: number | null;
  deadlineFrom: number | null;
  deadlineTo: number | null;
  deadlineEvery: string | null;
  leads: string[];
};

export function ReviseTask({ lang, task }: { lang: Lang; task: TaskRow }) {
  const t = getMessages(lang).catalogueHistory;
  const id = (f: string) => `k-${task.key.replace(/\./g, "_")}-${f}`;
  const num = (n: number | null) => (n == null ? "" : String(n));
  return (
    <Toggle
      lang={lang}
      edit={
        <ConfirmedForm lang={lang} act={editTaskAction} entityKey={task.key} label={t.save} confirm={t.confirmEdit}>
          {(errors, v) => (
            <div className="grid gap-2 sm:grid-cols-4">
              <Field
                id={id("deadlineRaw")}
                label={t.field.deadlineRaw}
                errors={errors.deadlineRaw}
                className="sm:col-span-2"
              >
                {(c) => (
                  <input
                    {...c}
                    name="deadlineRaw"
                    className={input}
                    defaultValue={v.deadlineRaw ?? task.deadlineRaw ?? ""}
                  />
                )}
              </Field>
              <Field
                id={id("deadlineKind")}
                label={t.field.deadlineKind}
                errors={errors.deadlineKind}
                className="sm:col-span-2"
              >
                {(c) => (
                  <select
                    {...c}
                    name="deadlineKind"
                    className={input}
                    defaultValue={v.deadlineKind ?? task.deadlineKind}
                  >
                    {DEADLINE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.deadlineKind[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {(
                [
                  ["deadlineYear", task.deadlineYear],
                  ["deadlineQuarter", task.deadlineQuarter],
                  ["deadlineFrom", task.deadlineFrom],
                  ["deadlineTo", task.deadlineTo],
                ] as const
              ).map(([f, value]) => (
                <Field key={f} id={id(f)} label={t.field[f]} errors={errors[f]}>
                  {(c) => (
                    <input {...c} name={f} inputMode="numeric" className={input} defaultValue={v[f] ?? num(value)} />
                  )}
                </Field>
              ))}
              <Field id={id("deadlineEvery")} label={t.field.deadlineEvery} errors={errors.deadlineEvery}>
                {(c) => (
                  <select
                    {...c}
                    name="deadlineEvery"
                    className={input}
                    defaultValue={v.deadlineEvery ?? task.deadlineEvery ?? ""}
                  >
                    <option value="">—</option>
                    <option value="YEAR">{t.every.YEAR}</option>
                    <option value="CONTINUOUS">{t.every.CONTINUOUS}</option>
                  </select>
                )}
              </Field>
              <Field
                id={id("leads")}
                label={t.field.leads}
                errors={errors.leads ?? errors["leads.0"]}
                className="sm:col-span-3"
              >
                {(c) => <input {...c} name="leads" className={input} defaultValue={v.leads ?? task.leads.join(", ")} />}
              </Field>
              <Field id={id("product")} label={t.field.product} errors={errors.product} className="sm:col-span-4">
                {(c) => (
                  <textarea
                    {...c}
                    name="product"
                    rows={2}
                    className={input}
                    defaultValue={v.product ?? task.product ?? ""}
                  />
                )}
              </Field>
            </div>
          )}
        </ConfirmedForm>
      }
      retire={
        <ConfirmedForm
          lang={lang}
          act={retireTaskAction}
          entityKey={task.key}
          label={t.retire}
          confirm={t.confirmRetire}
        >
          {() => null}
        </ConfirmedForm>
      }
    />
  );
}

/** A corrected text of a document published in the browser: a new version with its note. */
export function CorrectText({
  lang,
  docKey,
  version,
  text,
}: {
  lang: Lang;
  docKey: string;
  version: number;
  text: string;
}) {
  const t = getMessages(lang).catalogueHistory.correctText;
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="correct-text" className="space-y-2">
      <h2 id="correct-text" className="text-xl font-semibold">
        {t.title}
      </h2>
      <p className="text-sm text-slate-700">{fill(t.versions, { version })}</p>
      <p className="max-w-3xl text-sm text-slate-700">{t.intro}</p>
      <button type="button" className={btn} aria-expanded={open} onClick={() => setOpen(!open)}>
        {t.title}
      </button>
      {open && (
        <ConfirmedForm
          lang={lang}
          act={correctTextAction}
          entityKey={docKey}
          label={t.submit}
          confirm={fill(t.confirm, { version: version + 1 })}
        >
          {(errors, values) => (
            <>
              <Field id="correct-text-body" label={t.text} errors={errors.text}>
                {(c) => (
                  <textarea
                    {...c}
                    name="text"
                    rows={14}
                    className={`${input} font-mono text-xs`}
                    defaultValue={values.text ?? text}
                  />
                )}
              </Field>
              <Field id="correct-text-note-vi" label={t.noteVi} errors={errors.noteVi}>
                {(c) => <textarea {...c} name="noteVi" rows={2} className={input} defaultValue={values.noteVi ?? ""} />}
              </Field>
              <Field id="correct-text-note-en" label={t.noteEn} errors={errors.noteEn}>
                {(c) => <textarea {...c} name="noteEn" rows={2} className={input} defaultValue={values.noteEn ?? ""} />}
              </Field>
            </>
          )}
        </ConfirmedForm>
      )}
    </section>
  );
}
