"use client";
import Link from "next/link";
import { useActionState } from "react";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { reviewAction } from "../actions";
import { FieldError, FormFeedback } from "./FormFeedback";

export type ReviewRow = {
  kind: "obs" | "task";
  id: number;
  version: number;
  agency: string;
  item: string;
  value: string;
  previous: string;
  context: string;
  submittedAt: string;
  late: boolean;
  href: string;
};

export function ReviewForm({ lang, m, rows }: { lang: Lang; m: Pick<Messages, "review" | "reporting">; rows: ReviewRow[] }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(reviewAction, null);
  // The form stays mounted when the queue empties, so the outcome of the last review stays visible.
  if (rows.length === 0) {
    return (
      <div className="space-y-3">
        <FormFeedback state={state} />
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{m.review.empty}</p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-3" data-testid="review-form">
      <FormFeedback state={state} />
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-2"><span className="sr-only">{m.reporting.select}</span></th>
              <th scope="col" className="px-2 py-2">{m.review.agency}</th>
              <th scope="col" className="px-2 py-2">{m.review.item}</th>
              <th scope="col" className="px-2 py-2">{m.review.value}</th>
              <th scope="col" className="px-2 py-2">{m.review.previous}</th>
              <th scope="col" className="px-2 py-2">{m.review.submittedAt}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `item-${r.kind}-${r.id}`;
              return (
                <tr key={id} className="border-t border-slate-100 align-top" data-testid="review-row">
                  <td className="px-2 py-2">
                    <input id={id} type="checkbox" name="item" value={`${r.kind}:${r.id}:${r.version}`} aria-label={`${m.reporting.select}: ${r.item} — ${r.agency}`} />
                  </td>
                  <td className="px-2 py-2">{r.agency}</td>
                  <td className="px-2 py-2">
                    <label htmlFor={id} className="font-medium">{r.item}</label>
                    <span className="block text-xs text-slate-600">{r.context}</span>
                    <Link href={r.href} className="text-xs text-brand-700 underline">{m.reporting.details}</Link>
                  </td>
                  <td className="px-2 py-2 font-semibold" data-testid="review-value">{r.value}</td>
                  <td className="px-2 py-2">{r.previous}</td>
                  <td className="whitespace-nowrap px-2 py-2">
                    {r.submittedAt}
                    {r.late && <span className="block text-xs text-amber-900">⏰ {m.reporting.late}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <label htmlFor="comment" className="block text-sm font-medium">{m.review.comment}</label>
        <textarea id="comment" name="comment" rows={2} defaultValue={state?.values?.comment ?? ""} aria-invalid={!!state?.fieldErrors?.comment} aria-describedby={state?.fieldErrors?.comment ? "comment-error" : undefined} className="mt-1 w-full max-w-2xl rounded border border-slate-300 px-2 py-1" />
        <FieldError id="comment-error" errors={state?.fieldErrors?.comment ?? state?.fieldErrors?.items} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="APPROVE" disabled={pending} className="rounded bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-60">✓ {m.review.approve}</button>
        <button type="submit" name="decision" value="RETURN" disabled={pending} className="rounded border border-amber-700 px-4 py-2 font-medium text-amber-900 hover:bg-amber-50 disabled:opacity-60">↩ {m.review.return}</button>
      </div>
      <input type="hidden" name="lang" value={lang} />
    </form>
  );
}
