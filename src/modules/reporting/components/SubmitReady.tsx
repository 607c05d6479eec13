"use client";
import { useEffect, useRef } from "react";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { useFormAction } from "@/components/use-form-action";
import type { ActionResult } from "@/server/action";
import { submitReadyAction } from "../actions";
import { DialogButtons } from "./EntryControls";
import { FormFeedback } from "./FormFeedback";

export type ReadyItemView = { kind: "ind" | "task"; id: number; version: number; label: string };

/**
 * "Submit everything ready": one action for every complete draft of the quarter, on every page,
 * after a confirmation that lists them. The form carries exactly the listed items and versions.
 */
export function SubmitReady({
  lang,
  m,
  period,
  items,
  notReady,
}: {
  lang: Lang;
  m: Messages["reporting"];
  period: string;
  items: ReadyItemView[];
  notReady: number;
}) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(submitReadyAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (pending) dialog.current?.close();
  }, [pending]);
  return (
    <section
      aria-labelledby="ready-title"
      className="rounded border border-slate-200 bg-white p-3"
      data-testid="submit-ready"
      lang={lang}
    >
      <h2 id="ready-title" className="font-semibold text-brand-800">
        {m.readyTitle}
      </h2>
      <form {...formProps} className="mt-1 space-y-2">
        <FormFeedback state={state} />
        <p className="text-sm text-slate-700">
          {items.length ? fill(m.readyCount, { count: items.length }) : m.readyNone}
          {notReady > 0 && <> {fill(m.readyNotReady, { count: notReady })}</>}
        </p>
        <input type="hidden" name="period" value={period} />
        {items.map((i) => (
          <input key={`${i.kind}-${i.id}`} type="hidden" name="item" value={`${i.kind}:${i.id}:${i.version}`} />
        ))}
        {items.length > 0 && (
          <button
            type="button"
            disabled={pending}
            onClick={() => dialog.current?.showModal()}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {pending ? m.saving : fill(m.readyButton, { count: items.length })}
          </button>
        )}
        <dialog
          ref={dialog}
          aria-labelledby="ready-confirm"
          className="m-auto w-[min(40rem,92vw)] rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
          data-testid="ready-dialog"
        >
          <h3 id="ready-confirm" className="text-lg font-semibold">
            {fill(m.readyConfirmTitle, { count: items.length })}
          </h3>
          <ul className="my-3 max-h-80 list-disc overflow-y-auto pl-5 text-sm" data-testid="ready-list">
            {items.map((i) => (
              <li key={`${i.kind}-${i.id}`}>
                <span className="text-slate-600">{m.readyKind[i.kind]}:</span> {i.label}
              </li>
            ))}
          </ul>
          <p className="text-sm text-slate-700">{m.confirmSubmitBody}</p>
          <DialogButtons dialog={dialog} m={m}>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white" autoFocus>
              {fill(m.confirmSubmit, { count: items.length })}
            </button>
          </DialogButtons>
        </dialog>
      </form>
    </section>
  );
}
