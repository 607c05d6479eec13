"use client";
import type { Messages } from "@/i18n/messages";

/** The per-row "select to submit" box, kept ticked when a refused form comes back. */
export function SelectToSubmit({ name, checked, m }: { name: string; checked: boolean; m: Messages["reporting"] }) {
  return (
    <label className="mt-2 inline-flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={checked} />
      {m.select}
    </label>
  );
}

/** Save-draft and submit buttons, pinned to the bottom of long entry forms. */
export function EntryButtons({ pending, m, hint }: { pending: boolean; m: Messages["reporting"]; hint?: string }) {
  return (
    <div className="sticky bottom-0 flex flex-wrap gap-2 border-t border-slate-200 bg-slate-50/95 py-3">
      <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
        {pending ? m.saving : m.saveDraft}
      </button>
      <button type="submit" name="intent" value="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {m.submitSelected}
      </button>
      {hint && <p className="self-center text-xs text-slate-600">{hint}</p>}
    </div>
  );
}
