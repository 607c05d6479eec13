"use client";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionResult } from "@/server/action";
import { cancelImportAction, confirmImportAction } from "../actions";
import { fillText } from "./text";
import type { ExcelMessages } from "./types";

type Result = ActionResult<{ indicators: number; tasks: number }>;

/** Confirm (only for a preview without errors and with something to write) and cancel. */
export function BatchActions({ batchId, errorCount, changes, m }: { batchId: number; errorCount: number; changes: number; m: ExcelMessages }) {
  const router = useRouter();
  const run = (act: typeof confirmImportAction | typeof cancelImportAction) => async (prev: Result | null, formData: FormData): Promise<Result> => {
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
  const busy = confirming || cancelling;
  const blocked = errorCount > 0 || changes === 0;
  const help = errorCount > 0 ? fillText(m.blockedByErrors, { count: errorCount }) : changes === 0 ? m.nothingToWrite : m.draftNote;
  const failed = [confirmState, cancelState].find((s) => s && !s.ok);
  return (
    <div className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <form action={confirmAction}>
          <input type="hidden" name="batchId" value={batchId} />
          <button
            type="submit"
            disabled={blocked || busy}
            aria-describedby="confirm-help"
            className="rounded bg-brand-700 px-4 py-2 text-white disabled:cursor-not-allowed disabled:opacity-50"
            data-testid="excel-confirm"
          >
            {confirming ? m.confirming : fillText(m.confirm, { count: changes })}
          </button>
        </form>
        <form action={cancelAction}>
          <input type="hidden" name="batchId" value={batchId} />
          <button type="submit" disabled={busy} className="rounded border border-slate-400 bg-white px-4 py-2 disabled:opacity-50" data-testid="excel-cancel">
            {cancelling ? m.cancelling : m.cancel}
          </button>
        </form>
      </div>
      <p id="confirm-help" className={errorCount > 0 ? "text-sm text-red-700" : "text-sm text-slate-600"}>
        {help}
      </p>
      <div role="status" aria-live="polite">
        {confirmState?.ok && confirmState.data && <p className="text-green-800">{fillText(m.confirmed, confirmState.data)}</p>}
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
