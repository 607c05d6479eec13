"use client";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import type { ActionResult } from "@/server/action";
import { cancelImportAction, confirmImportAction } from "../actions";
import { fillText } from "./text";
import type { ExcelMessages } from "./types";

type Result = ActionResult<{ indicators: number; tasks: number; submit?: boolean }>;

/** A row that would be written, as the submit confirmation lists it. */
export type PendingItem = { key: string; row: number; label: string };

/** One action on the batch: a form of its own, so each button posts the batch and, for a confirmation, the mode. */
function BatchButton({
  action,
  batchId,
  mode,
  disabled,
  describedBy,
  className,
  testId,
  children,
}: {
  action: (formData: FormData) => void;
  batchId: number;
  mode?: "draft" | "submit";
  disabled: boolean;
  describedBy?: string;
  className: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="batchId" value={batchId} />
      {mode && <input type="hidden" name="mode" value={mode} />}
      <button
        type="submit"
        disabled={disabled}
        aria-describedby={describedBy}
        className={className}
        data-testid={testId}
      >
        {children}
      </button>
    </form>
  );
}

// Over 80 lines on purpose: three actions (confirm, confirm and submit after a listing, cancel) and
// the confirmation step share one piece of state; each is a few lines of markup around it.
/**
 * Confirm as drafts, or write and submit (after a confirmation step listing what will be
 * submitted: a submission cannot be taken back by the reporter), only for a preview without
 * errors and with something to write; and cancel.
 */
export function BatchActions({
  batchId,
  errorCount,
  changes,
  items,
  m,
}: {
  batchId: number;
  errorCount: number;
  changes: number;
  items: PendingItem[];
  m: ExcelMessages;
}) {
  const router = useRouter();
  const run =
    (act: typeof confirmImportAction | typeof cancelImportAction) =>
    async (prev: Result | null, formData: FormData): Promise<Result> => {
      try {
        const r = (await act(prev, formData)) as Result;
        if (r.ok) router.refresh();
        return r;
      } catch {
        return { ok: false, message: m.actionFailed };
      }
    };
  const [confirmState, confirmAction, confirming] = useActionState(run(confirmImportAction), null);
  const [cancelState, cancelAction, cancelling] = useActionState(run(cancelImportAction), null);
  const [asking, setAsking] = useState(false);
  const askRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);
  const busy = confirming || cancelling;
  const blocked = errorCount > 0 || changes === 0;
  const help =
    errorCount > 0
      ? fillText(m.blockedByErrors, { count: errorCount })
      : changes === 0
        ? m.nothingToWrite
        : m.choiceNote;
  const submitting = confirming && asking;
  const failed = [confirmState, cancelState].find((s) => s && !s.ok);
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <BatchButton
          action={confirmAction}
          batchId={batchId}
          mode="draft"
          disabled={blocked || busy || asking}
          describedBy="confirm-help"
          className="rounded bg-brand-700 px-4 py-2 text-white disabled:cursor-not-allowed disabled:opacity-50"
          testId="excel-confirm"
        >
          {confirming && !asking ? m.confirming : fillText(m.confirm, { count: changes })}
        </BatchButton>
        <button
          type="button"
          disabled={blocked || busy || asking}
          aria-describedby="confirm-help"
          aria-expanded={asking}
          aria-controls="submit-ask"
          onClick={() => setAsking(true)}
          className="rounded border border-brand-700 bg-white px-4 py-2 text-brand-700 disabled:cursor-not-allowed disabled:opacity-50"
          data-testid="excel-submit"
        >
          {fillText(m.submit, { count: changes })}
        </button>
        <BatchButton
          action={cancelAction}
          batchId={batchId}
          disabled={busy}
          className="rounded border border-slate-400 bg-white px-4 py-2 disabled:opacity-50"
          testId="excel-cancel"
        >
          {cancelling ? m.cancelling : m.cancel}
        </BatchButton>
      </div>
      <p id="confirm-help" className={errorCount > 0 ? "text-sm text-red-700" : "text-sm text-slate-600"}>
        {help}
      </p>
      {asking && !blocked && (
        <div
          id="submit-ask"
          ref={askRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="submit-ask-title"
          className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3"
          data-testid="excel-submit-ask"
        >
          <p id="submit-ask-title" className="font-semibold">
            {fillText(m.submitAsk, { count: changes })}
          </p>
          <p className="text-sm">{m.submitAskDetail}</p>
          <ul className="max-h-60 list-disc overflow-y-auto pl-5 text-sm">
            {items.map((i) => (
              <li key={i.key}>
                {m.row} {i.row}: {i.label}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-3">
            <BatchButton
              action={confirmAction}
              batchId={batchId}
              mode="submit"
              disabled={busy}
              className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-50"
              testId="excel-submit-yes"
            >
              {submitting ? m.submitting : fillText(m.submitYes, { count: changes })}
            </BatchButton>
            <button
              type="button"
              disabled={busy}
              onClick={() => setAsking(false)}
              className="rounded border border-slate-400 bg-white px-4 py-2 disabled:opacity-50"
            >
              {m.submitNo}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {confirmState?.ok && confirmState.data && (
          <p className="text-green-800">
            {fillText(confirmState.data.submit ? m.submitted : m.confirmed, {
              indicators: confirmState.data.indicators,
              tasks: confirmState.data.tasks,
            })}
          </p>
        )}
        {cancelState?.ok && <p className="text-slate-800">{m.cancelled}</p>}
      </div>
      {failed && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p>{failed.message}</p>
          {failed.fieldErrors && (
            <ul className="mt-2 list-disc pl-5">
              {Object.entries(failed.fieldErrors).map(([label, msgs]) => (
                <li key={label}>
                  <strong>{label}:</strong> {msgs.join(" ")}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
