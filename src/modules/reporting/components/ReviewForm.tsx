"use client";
import Link from "next/link";
import { useState } from "react";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { TableHead } from "@/components/table/TableHead";
import { useFormAction } from "@/components/use-form-action";
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
  change: string;
  context: string;
  explanation: string;
  evidenceUrl: string | null;
  evidenceFile: string | null;
  submittedAt: string;
  late: boolean;
  href: string;
};

// Over 80 lines on purpose: one client form; every row's checkbox, comment and the shared action bar
// read the same selection and action state, which row components would all need passed in.
/**
 * The review queue's form: tick items (or all on the page), give each its own comment or one shared
 * comment, approve or return them together. Checkboxes are controlled, so the selection is what
 * the screen shows after a refusal as well.
 */
export function ReviewForm({
  lang,
  m,
  rows,
  emptyText,
}: {
  lang: Lang;
  m: Pick<Messages, "review" | "reporting">;
  rows: ReviewRow[];
  emptyText: string;
}) {
  const { state, pending, formProps } = useFormAction<ActionResult | null>(reviewAction, null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const keyOf = (r: ReviewRow) => `${r.kind}:${r.id}:${r.version}`;
  const onScreen = rows.filter((r) => checked.has(keyOf(r)));
  const all = rows.length > 0 && onScreen.length === rows.length;
  const err = (name: string) => state?.fieldErrors?.[name];
  // The form stays mounted when the queue empties, so the outcome of the last review stays visible.
  if (rows.length === 0) {
    return (
      <div className="space-y-3">
        <FormFeedback state={state} />
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{emptyText}</p>
      </div>
    );
  }
  const toggle = (k: string, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  return (
    <form {...formProps} className="space-y-3" data-testid="review-form">
      <FormFeedback state={state} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            className="size-4"
            checked={all}
            onChange={(e) => setChecked(e.target.checked ? new Set(rows.map(keyOf)) : new Set())}
            data-testid="review-select-all"
          />
          {m.review.selectAll}
        </label>
        <span aria-live="polite" data-testid="review-selected">
          {fill(m.review.selectedCount, { count: onScreen.length })}
        </span>
      </div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <TableHead
            className="bg-slate-100 text-left"
            cellClass="px-2 py-2"
            columns={[
              { label: <span className="sr-only">{m.reporting.select}</span> },
              { label: m.review.agency },
              { label: m.review.item, className: "min-w-[16rem]" },
              { label: m.review.value },
              { label: m.review.previous },
              { label: m.review.change },
              { label: `${m.review.explanation} · ${m.review.evidence}`, className: "min-w-[14rem]" },
              { label: m.review.submittedAt },
              { label: m.review.itemComment, className: "min-w-[14rem]" },
            ]}
          />
          <tbody>
            {rows.map((r) => {
              const id = `item-${r.kind}-${r.id}`;
              const cname = `comment.${r.kind}.${r.id}`;
              return (
                <tr
                  key={id}
                  className="border-t border-slate-100 align-top"
                  data-testid="review-row"
                  data-agency={r.agency}
                >
                  <td className="px-2 py-2">
                    <input
                      id={id}
                      type="checkbox"
                      name="item"
                      value={keyOf(r)}
                      checked={checked.has(keyOf(r))}
                      onChange={(e) => toggle(keyOf(r), e.target.checked)}
                      className="size-4"
                      aria-label={`${m.reporting.select}: ${r.item} — ${r.agency}`}
                    />
                  </td>
                  <td className="px-2 py-2">{r.agency}</td>
                  <td className="px-2 py-2">
                    <label htmlFor={id} className="font-medium">
                      {r.item}
                    </label>
                    <span className="block text-xs text-slate-600">{r.context}</span>
                    <Link href={r.href} className="text-xs text-brand-700 underline">
                      {m.reporting.details}
                    </Link>
                  </td>
                  <td className="px-2 py-2 font-semibold" data-testid="review-value">
                    {r.value}
                  </td>
                  <td className="px-2 py-2" data-testid="review-previous">
                    {r.previous}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2" data-testid="review-change">
                    {r.change}
                  </td>
                  <td className="px-2 py-2 text-xs">
                    {r.explanation && <p className="text-slate-800">“{r.explanation}”</p>}
                    {r.evidenceUrl && (
                      <a
                        href={r.evidenceUrl}
                        rel="noopener noreferrer nofollow"
                        target="_blank"
                        className="block text-brand-700 underline"
                      >
                        {m.review.evidenceLink}
                      </a>
                    )}
                    {r.evidenceFile && (
                      <a href={r.evidenceFile} className="block text-brand-700 underline">
                        {m.review.evidenceFile}
                      </a>
                    )}
                    {!r.evidenceUrl && !r.evidenceFile && <span className="text-slate-500">{m.review.noEvidence}</span>}
                  </td>
                  <td className="whitespace-nowrap px-2 py-2">
                    {r.submittedAt}
                    {r.late && <span className="block text-xs text-amber-900">⏰ {m.reporting.late}</span>}
                  </td>
                  <td className="px-2 py-2">
                    <label htmlFor={cname} className="sr-only">
                      {m.review.itemComment}: {r.item}
                    </label>
                    <textarea
                      id={cname}
                      name={cname}
                      rows={2}
                      maxLength={2000}
                      aria-invalid={!!err(cname)}
                      aria-describedby={err(cname) ? `${cname}-error` : undefined}
                      className="w-full rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600"
                    />
                    <FieldError id={`${cname}-error`} errors={err(cname)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="sticky bottom-0 space-y-2 border-t-2 border-brand-700 bg-slate-50/95 px-2 py-3">
        <label htmlFor="comment" className="block text-sm font-medium">
          {m.review.sharedComment}
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={2}
          maxLength={2000}
          aria-invalid={!!err("comment")}
          aria-describedby={`comment-hint${err("comment") || err("items") ? " comment-error" : ""}`}
          className="w-full max-w-2xl rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-600"
        />
        <p id="comment-hint" className="text-xs text-slate-600">
          {m.review.itemCommentHint}
        </p>
        <FieldError id="comment-error" errors={err("comment") ?? err("items")} />
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            name="decision"
            value="APPROVE"
            disabled={pending}
            className="rounded bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
          >
            ✓ {m.review.approve} ({onScreen.length})
          </button>
          <button
            type="submit"
            name="decision"
            value="RETURN"
            disabled={pending}
            className="rounded border border-amber-700 bg-white px-4 py-2 font-medium text-amber-900 hover:bg-amber-50 disabled:opacity-60"
          >
            ↩ {m.review.return} ({onScreen.length})
          </button>
        </div>
      </div>
      <input type="hidden" name="lang" value={lang} />
    </form>
  );
}
