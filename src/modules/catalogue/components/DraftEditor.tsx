"use client";
// A draft under review: the text with its line numbers on the left, the proposals on the right.
// Each proposal links to the line its quote starts on; the editor accepts, rejects or edits it,
// or selects a passage of the text to add a target (the selection's string and the line it starts
// on go to the form; the server checks the quote again). A reviewer publishes (after a
// confirmation dialog) or returns the draft with a note.
import { useRef, useState } from "react";
import { Field } from "@/components/form/Field";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import type { ActionResult } from "@/server/action";
import { addTargetAction, publishDraftAction, returnDraftAction, saveItemAction, submitDraftAction } from "../actions";
import type { DraftDetail } from "../queries";
import { COMPARATORS, SCOPES } from "../schemas";

type Item = DraftDetail["items"][number];
type TargetLike = {
  id?: string;
  indicator?: string;
  year?: number;
  comparator?: string;
  value?: number;
  scope?: { kind: string; label?: string };
  quote?: string;
  line?: number;
  title?: string;
};
const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";
const btn = "rounded border border-slate-400 px-2 py-1 text-sm";

function TargetFields({
  lang,
  d,
  indicators,
  errors,
  prefix,
}: {
  lang: Lang;
  d: TargetLike;
  indicators: DraftDetail["indicators"];
  errors?: Record<string, string[]>;
  prefix: string;
}) {
  const t = getMessages(lang).catalogue.field;
  const sc = getMessages(lang).catalogue.scope;
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <Field id={`${prefix}-indicator`} label={t.indicator} errors={errors?.indicator}>
        {(c) => (
          <select {...c} name="indicator" defaultValue={d.indicator} className={input}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {lang === "en" ? i.nameEn : i.nameVi} ({i.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-year`} label={t.year} errors={errors?.year}>
        {(c) => <input {...c} name="year" type="number" defaultValue={d.year} className={input} />}
      </Field>
      <Field id={`${prefix}-comparator`} label={t.comparator} errors={errors?.comparator}>
        {(c) => (
          <select {...c} name="comparator" defaultValue={d.comparator ?? "GTE"} className={input}>
            {COMPARATORS.map((k) => (
              <option key={k} value={k}>
                {{ GTE: "≥", GT: ">", EQ: "=", LTE: "≤", LT: "<" }[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-value`} label={t.value} errors={errors?.value}>
        {(c) => <input {...c} name="value" type="number" step="any" defaultValue={d.value} className={input} />}
      </Field>
      <Field id={`${prefix}-scope`} label={t.scope} errors={errors?.scope}>
        {(c) => (
          <select {...c} name="scope" defaultValue={d.scope?.kind ?? "NATIONAL"} className={input}>
            {SCOPES.map((k) => (
              <option key={k} value={k}>
                {sc[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${prefix}-line`} label={t.line} errors={errors?.line}>
        {(c) => <input {...c} name="line" type="number" defaultValue={d.line} className={input} />}
      </Field>
      <div className="sm:col-span-2">
        <Field id={`${prefix}-quote`} label={t.quote} errors={errors?.quote}>
          {(c) => <textarea {...c} name="quote" rows={3} defaultValue={d.quote} className={input} />}
        </Field>
      </div>
    </div>
  );
}

function ItemCard({
  lang,
  draftId,
  item,
  indicators,
  editable,
}: {
  lang: Lang;
  draftId: number;
  item: Item;
  indicators: DraftDetail["indicators"];
  editable: boolean;
}) {
  const t = getMessages(lang).catalogue;
  const d = item.data as TargetLike;
  const [editing, setEditing] = useState(false);
  const { state, pending, formProps } = useFormAction<ActionResult | null>(saveItemAction, null);
  const errors = state?.ok ? undefined : state?.fieldErrors;
  return (
    <li className="rounded border p-3" data-testid="draft-item" data-decision={item.decision}>
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <span className="font-semibold">{t.kind[item.kind]}</span>
        <span className="font-mono">{d.id}</span>
        <span className="rounded bg-slate-100 px-2">{t.decision[item.decision]}</span>
        {item.edited && <span className="text-amber-700">{t.edited}</span>}
      </div>
      {item.kind === "TARGET" ? (
        <p className="mt-1">
          {d.indicator} · {d.year} · {d.comparator} {d.value}
        </p>
      ) : (
        <p className="mt-1">{d.title}</p>
      )}
      {d.line && (
        <a href={`#L${d.line}`} className="text-sm text-brand-700 underline">
          {fill(t.goToLine, { line: d.line })}
        </a>
      )}
      {d.quote && (
        <blockquote className="mt-1 border-l-4 border-amber-300 bg-amber-50 px-2 text-sm">{d.quote}</blockquote>
      )}
      {editable && (
        <form {...formProps} className="mt-2 space-y-2" noValidate>
          <input type="hidden" name="lang" value={lang} />
          <input type="hidden" name="draftId" value={draftId} />
          <input type="hidden" name="itemId" value={item.id} />
          <FormFeedback state={state} />
          {editing && item.kind === "TARGET" && (
            <TargetFields lang={lang} d={d} indicators={indicators} errors={errors} prefix={`item-${item.id}`} />
          )}
          <div className="flex flex-wrap gap-2">
            {editing ? (
              <>
                <button name="op" value="edit" disabled={pending} className={btn}>
                  {t.save}
                </button>
                <button type="button" onClick={() => setEditing(false)} className={btn}>
                  {t.cancel}
                </button>
              </>
            ) : (
              <>
                <button name="op" value="accept" disabled={pending} className={btn}>
                  {t.accept}
                </button>
                {item.kind === "TARGET" && (
                  <button type="button" onClick={() => setEditing(true)} className={btn}>
                    {t.edit}
                  </button>
                )}
                <button name="op" value="reject" disabled={pending} className={btn}>
                  {t.reject}
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </li>
  );
}

function SimpleForm({
  lang,
  draftId,
  act,
  label,
  children,
  confirm,
}: {
  lang: Lang;
  draftId: number;
  act: typeof submitDraftAction;
  label: string;
  children?: React.ReactNode;
  confirm?: string;
}) {
  const t = getMessages(lang).catalogue;
  const { state, pending, formProps } = useFormAction<ActionResult | null>(act, null);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <form
      {...formProps}
      onSubmit={(e) => {
        dialog.current?.close();
        formProps.onSubmit(e);
      }}
      className="space-y-2"
      noValidate
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="draftId" value={draftId} />
      <FormFeedback state={state} />
      {children}
      {confirm ? (
        <>
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => dialog.current?.showModal()}
            className="rounded bg-brand-700 px-3 py-1 text-white"
          >
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
              <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
                {t.confirm}
              </button>
            </div>
          </dialog>
        </>
      ) : (
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
          {label}
        </button>
      )}
    </form>
  );
}

export function DraftEditor({
  lang,
  draft,
  canEdit,
  canPublish,
}: {
  lang: Lang;
  draft: DraftDetail;
  canEdit: boolean;
  canPublish: boolean;
}) {
  const t = getMessages(lang).catalogue;
  const viewer = useRef<HTMLOListElement>(null);
  const [selection, setSelection] = useState<{ quote: string; line: number } | null>(null);
  const add = useFormAction<ActionResult | null>(addTargetAction, null);
  const editable = canEdit && draft.state === "EDITING";
  const cited = new Set(draft.items.map((i) => (i.data as TargetLike).line));
  function takeSelection() {
    const s = window.getSelection();
    const text = s?.toString().trim();
    const node = s?.anchorNode;
    const li = node && (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest("li[data-line]");
    if (!text || !li || !viewer.current?.contains(li)) return setSelection(null);
    setSelection({ quote: text.replace(/\s+/g, " "), line: Number(li.getAttribute("data-line")) });
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        <span className="font-mono">{draft.key}</span> — {lang === "en" ? draft.titleEn : draft.titleVi}
      </h1>
      <p>
        <span className="rounded bg-slate-100 px-2">{t.state[draft.state]}</span>
      </p>
      {draft.returnNote && <p className="rounded bg-amber-50 p-2">{fill(t.returnNote, { note: draft.returnNote })}</p>}
      {!editable && <p className="text-slate-600">{t.readOnly}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="draft-text">
          <h2 id="draft-text" className="text-lg font-semibold">
            {t.text}
          </h2>
          <ol
            ref={viewer}
            className="max-h-[70vh] overflow-auto rounded border font-mono text-sm"
            data-testid="draft-text"
            tabIndex={0}
          >
            {draft.lines.map((l, i) => (
              <li
                key={i}
                id={`L${i + 1}`}
                data-line={i + 1}
                className={`flex gap-2 ${cited.has(i + 1) ? "bg-amber-50" : ""}`}
              >
                <span aria-hidden className="w-10 shrink-0 select-none pr-1 text-right text-slate-400">
                  {i + 1}
                </span>
                <span className="whitespace-pre-wrap break-words">{l || " "}</span>
              </li>
            ))}
          </ol>
          {editable && (
            <div className="mt-3 space-y-2 rounded border p-3">
              <p className="text-sm text-slate-600">{t.selectHint}</p>
              <button type="button" onClick={takeSelection} className={btn} data-testid="take-selection">
                {t.addFromSelection}
              </button>
              {selection ? (
                <form {...add.formProps} className="space-y-2" noValidate>
                  <input type="hidden" name="lang" value={lang} />
                  <input type="hidden" name="draftId" value={draft.id} />
                  <FormFeedback state={add.state} />
                  <p className="text-sm">{fill(t.selection, { line: selection.line })}</p>
                  <TargetFields
                    key={`${selection.line}:${selection.quote}`}
                    lang={lang}
                    d={{ quote: selection.quote, line: selection.line, year: undefined }}
                    indicators={draft.indicators}
                    errors={add.state?.ok ? undefined : add.state?.fieldErrors}
                    prefix="add"
                  />
                  <button type="submit" disabled={add.pending} className="rounded bg-brand-700 px-3 py-1 text-white">
                    {t.save}
                  </button>
                </form>
              ) : (
                <p className="text-sm">{t.noSelection}</p>
              )}
            </div>
          )}
        </section>
        <section aria-labelledby="draft-items">
          <h2 id="draft-items" className="text-lg font-semibold">
            {t.proposals}
          </h2>
          {draft.items.length === 0 ? (
            <p className="text-slate-600">{t.noItems}</p>
          ) : (
            <ul className="space-y-2">
              {draft.items.map((it) => (
                <ItemCard
                  key={it.id}
                  lang={lang}
                  draftId={draft.id}
                  item={it}
                  indicators={draft.indicators}
                  editable={editable}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
      {editable && <SimpleForm lang={lang} draftId={draft.id} act={submitDraftAction} label={t.submit} />}
      {canPublish && draft.state === "SUBMITTED" && !draft.own && (
        <div className="flex flex-wrap gap-6">
          <SimpleForm
            lang={lang}
            draftId={draft.id}
            act={publishDraftAction}
            label={t.publish}
            confirm={t.publishConfirm}
          />
          <SimpleForm lang={lang} draftId={draft.id} act={returnDraftAction} label={t.return}>
            <Field id="return-note" label={t.field.note}>
              {(c) => <textarea {...c} name="note" rows={2} className={input} />}
            </Field>
          </SimpleForm>
        </div>
      )}
    </div>
  );
}
