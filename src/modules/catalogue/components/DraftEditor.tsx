"use client";
// A draft under review: the text with its line numbers on the left, the proposals on the right.
// Each proposal links to the line its quote starts on; the editor accepts, rejects or edits it,
// or selects a passage of the text to add a target (the selection's string and the line it starts
// on go to the form; the server checks the quote again). A reviewer publishes (after a
// confirmation dialog) or returns the draft with a note.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/form/Field";
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import type { ActionResult } from "@/server/action";
import { addTargetAction, publishDraftAction, returnDraftAction, saveItemAction, submitDraftAction } from "../actions";
import type { DraftDetail } from "../queries";
// Types only: schemas.ts reaches server-only modules (its zod messages), which a client bundle
// cannot hold; the lists come from the messages, whose keys the types tie to the schema's.
import type { COMPARATORS, SCOPES } from "../values";

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
  const cmp = getMessages(lang).catalogue.comparator;
  const comparators = Object.keys(cmp) as (typeof COMPARATORS)[number][];
  const scopes = Object.keys(sc) as (typeof SCOPES)[number][];
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
            {comparators.map((k) => (
              <option key={k} value={k}>
                {cmp[k]}
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
            {scopes.map((k) => (
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
  // A saved edit closes the fields; a refused one keeps them open with the error next to its field.
  // (Adjusted while rendering, when a new outcome arrives: React's pattern for state that follows another.)
  const [outcome, setOutcome] = useState(state);
  if (outcome !== state) {
    setOutcome(state);
    if (state?.ok) setEditing(false);
  }
  // Every card has the same buttons: each is described by its card's summary, so a screen reader
  // says which target "Accept" applies to.
  const summaryId = `item-${item.id}-summary`;
  const symbol = { GTE: "≥", GT: ">", EQ: "=", LTE: "≤", LT: "<" }[d.comparator ?? ""] ?? d.comparator;
  return (
    <li
      className="rounded border p-3"
      data-testid="draft-item"
      data-kind={item.kind}
      data-key={d.id}
      data-decision={item.decision}
    >
      <div className="flex flex-wrap items-baseline gap-2 text-sm">
        <span className="font-semibold">{t.kind[item.kind]}</span>
        <span className="break-all font-mono">{d.id}</span>
        <span className="rounded bg-slate-100 px-2" data-testid="item-decision">
          {t.decision[item.decision]}
        </span>
        {item.edited && <span className="text-amber-800">{t.edited}</span>}
      </div>
      {item.kind === "TARGET" ? (
        <p className="mt-1" id={summaryId} data-testid="item-summary">
          {d.indicator} · {d.year} · {symbol} {d.value}
        </p>
      ) : (
        <p className="mt-1" id={summaryId} data-testid="item-summary">
          {d.title}
        </p>
      )}
      {d.line && (
        <a href={`#L${d.line}`} className="text-sm text-brand-700 underline">
          {fill(t.goToLine, { line: d.line })}
        </a>
      )}
      {d.quote && (
        <blockquote
          lang="vi"
          className="mt-1 border-l-4 border-amber-300 bg-amber-50 px-2 text-sm"
          data-testid="item-quote"
        >
          {d.quote}
        </blockquote>
      )}
      {editable && (
        <form {...formProps} className="mt-2 space-y-2" noValidate aria-busy={pending}>
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
                <button name="op" value="edit" disabled={pending} className={btn} aria-describedby={summaryId}>
                  {pending ? t.saving : t.save}
                </button>
                <button type="button" onClick={() => setEditing(false)} className={btn} aria-describedby={summaryId}>
                  {t.cancel}
                </button>
              </>
            ) : (
              <>
                <button name="op" value="accept" disabled={pending} className={btn} aria-describedby={summaryId}>
                  {t.accept}
                </button>
                {item.kind === "TARGET" && (
                  <button type="button" onClick={() => setEditing(true)} className={btn} aria-describedby={summaryId}>
                    {t.edit}
                  </button>
                )}
                <button name="op" value="reject" disabled={pending} className={btn} aria-describedby={summaryId}>
                  {t.reject}
                </button>
              </>
            )}
            {pending && !editing && (
              <span role="status" className="text-sm text-slate-600">
                {t.saving}
              </span>
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
  /** Extra fields, given the form's field errors so each shows its own next to it. */
  children?: (errors: Record<string, string[]> | undefined) => React.ReactNode;
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
      aria-busy={pending}
    >
      <input type="hidden" name="lang" value={lang} />
      <input type="hidden" name="draftId" value={draftId} />
      <FormFeedback state={state} />
      {children?.(state?.ok ? undefined : state?.fieldErrors)}
      {confirm ? (
        <>
          <button
            type="button"
            aria-haspopup="dialog"
            disabled={pending}
            onClick={() => dialog.current?.showModal()}
            className="rounded bg-brand-700 px-3 py-1 text-white"
          >
            {pending ? t.sending : label}
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
                {pending ? t.sending : t.confirm}
              </button>
            </div>
          </dialog>
        </>
      ) : (
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
          {pending ? t.sending : label}
        </button>
      )}
    </form>
  );
}

type Passage = { quote: string; line: number | undefined };

/** The viewer's selection as a quote (spaces collapsed) and the line it starts on, or null. */
function passageIn(viewer: HTMLElement | null): Passage | null {
  const s = window.getSelection();
  if (!viewer || !s || s.rangeCount === 0) return null;
  const text = s.toString().replace(/\s+/g, " ").trim();
  // The start of the range, not the anchor: a selection made upwards is anchored at its end.
  const node = s.getRangeAt(0).startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const li = el?.closest("li[data-line]");
  if (!text || !li || !viewer.contains(li)) return null;
  return { quote: text, line: Number(li.getAttribute("data-line")) };
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
  // The last passage selected in the viewer: pressing the button may collapse the selection
  // (a touch screen does), so it is remembered as it changes.
  const lastPassage = useRef<Passage | null>(null);
  const [passage, setPassage] = useState<Passage | null>(null);
  const add = useFormAction<ActionResult | null>(addTargetAction, null);
  const editable = canEdit && draft.state === "EDITING";
  const cited = new Set(draft.items.map((i) => (i.data as TargetLike).line));
  const accepted = draft.items.filter((i) => i.decision === "ACCEPTED").length;
  useEffect(() => {
    const track = () => {
      const s = window.getSelection();
      if (!s || s.isCollapsed) return;
      lastPassage.current = passageIn(viewer.current);
    };
    document.addEventListener("selectionchange", track);
    return () => document.removeEventListener("selectionchange", track);
  }, []);
  // A target added closes its form (its message stays above).
  const [added, setAdded] = useState(add.state);
  if (added !== add.state) {
    setAdded(add.state);
    if (add.state?.ok) setPassage(null);
  }
  // With nothing selected (a keyboard or screen-reader user) the form opens empty: the quote and
  // its line are typed, and the server checks them like any other.
  function takeSelection() {
    setPassage(passageIn(viewer.current) ?? lastPassage.current ?? { quote: "", line: undefined });
    lastPassage.current = null;
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        <span className="break-all font-mono">{draft.key}</span> — {lang === "en" ? draft.titleEn : draft.titleVi}
      </h1>
      <p className="flex flex-wrap gap-3">
        <span className="rounded bg-slate-100 px-2" data-testid="draft-state">
          {t.state[draft.state]}
        </span>
        <span className="text-slate-700">{fill(t.itemsCount, { accepted, total: draft.items.length })}</span>
      </p>
      {draft.state === "PUBLISHED" && (
        <p>
          <Link href={`/${lang}/decisions/${draft.key}`} className="text-brand-700 underline" data-testid="public-page">
            {fill(t.publishedDone, { key: draft.key })}
          </Link>
        </p>
      )}
      {draft.returnNote && <p className="rounded bg-amber-50 p-2">{fill(t.returnNote, { note: draft.returnNote })}</p>}
      {!editable && <p className="text-slate-600">{t.readOnly}</p>}
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="draft-text" className="min-w-0">
          <h2 id="draft-text" className="text-lg font-semibold">
            {t.text}
          </h2>
          {/* Focusable so a keyboard can scroll it; named by its heading. */}
          <ol
            ref={viewer}
            className="max-h-[70vh] overflow-auto rounded border font-mono text-sm"
            data-testid="draft-text"
            aria-labelledby="draft-text"
            lang="vi"
            tabIndex={0}
          >
            {draft.lines.map((l, i) => (
              <li
                key={i}
                id={`L${i + 1}`}
                data-line={i + 1}
                className={`flex gap-2 ${cited.has(i + 1) ? "bg-amber-50" : ""}`}
              >
                <span aria-hidden className="w-10 shrink-0 select-none pr-1 text-right text-slate-500">
                  {i + 1}
                </span>
                <span className="min-w-0 whitespace-pre-wrap break-words">{l || " "}</span>
              </li>
            ))}
          </ol>
          {editable && (
            <div className="mt-3 space-y-2 rounded border p-3">
              <p className="text-sm text-slate-600" id="select-hint">
                {t.selectHint}
              </p>
              <button
                type="button"
                onClick={takeSelection}
                className={btn}
                data-testid="take-selection"
                aria-describedby="select-hint"
              >
                {t.addFromSelection}
              </button>
              <FormFeedback state={add.state} />
              {passage ? (
                <form {...add.formProps} className="space-y-2" noValidate aria-busy={add.pending}>
                  <input type="hidden" name="lang" value={lang} />
                  <input type="hidden" name="draftId" value={draft.id} />
                  <p className="text-sm">{passage.line ? fill(t.selection, { line: passage.line }) : t.typedQuote}</p>
                  <TargetFields
                    key={`${passage.line}:${passage.quote}`}
                    lang={lang}
                    d={{ quote: passage.quote, line: passage.line, year: undefined }}
                    indicators={draft.indicators}
                    errors={add.state?.ok ? undefined : add.state?.fieldErrors}
                    prefix="add"
                  />
                  <div className="flex flex-wrap gap-2">
                    <button type="submit" disabled={add.pending} className="rounded bg-brand-700 px-3 py-1 text-white">
                      {add.pending ? t.saving : t.save}
                    </button>
                    <button type="button" onClick={() => setPassage(null)} className={btn}>
                      {t.cancel}
                    </button>
                  </div>
                </form>
              ) : (
                <p className="text-sm">{t.noSelection}</p>
              )}
            </div>
          )}
        </section>
        <section aria-labelledby="draft-items" className="min-w-0">
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
            {(errors) => (
              <Field id="return-note" label={t.field.note} errors={errors?.note}>
                {(c) => <textarea {...c} name="note" rows={2} required className={input} />}
              </Field>
            )}
          </SimpleForm>
        </div>
      )}
    </div>
  );
}
