"use client";
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { saveIndicatorsAction } from "../actions";
import { EntryBar, RowField, SelectToSubmit, useEntryForm } from "./EntryControls";
import { FormFeedback } from "./FormFeedback";
import { StateBadge } from "./StateBadge";

export type IndicatorRowView = {
  indicatorId: number;
  name: string;
  unit: string;
  targetsText: string;
  previousText: string;
  state: string;
  editable: boolean;
  observationId: number | null;
  version: number;
  value: string;
  source: string;
  note: string;
  explanation: string;
  evidenceUrl: string;
  reviewComment: string | null;
  late: boolean;
  illustrative: boolean;
};

export function IndicatorEntryForm({
  lang,
  m,
  period,
  rows,
  canWrite,
}: {
  lang: Lang;
  m: Messages["reporting"];
  period: string;
  rows: IndicatorRowView[];
  canWrite: boolean;
}) {
  const { state, pending, formProps, selected, selectable, recount, onInput } = useEntryForm(saveIndicatorsAction, m);
  const v = (name: string, initial: string) => state?.values?.[name] ?? initial;

  return (
    <form {...formProps} onInput={onInput} className="space-y-3" data-testid="indicator-form">
      <input type="hidden" name="period" value={period} />
      <FormFeedback state={state} />
      <div className="space-y-3">
        {rows.map((r) => {
          const p = `ind.${r.indicatorId}`;
          const disabled = !canWrite || !r.editable;
          const field = (name: string, initial: string) => ({ state, name: `${p}.${name}`, initial, disabled });
          return (
            <fieldset
              key={r.indicatorId}
              className="rounded border border-slate-200 bg-white p-3"
              data-testid={`indicator-row-${r.indicatorId}`}
              aria-labelledby={`${p}-name`}
            >
              {!disabled && <input type="hidden" name={`${p}.version`} value={r.version} />}
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <p id={`${p}-name`} className="font-medium">
                    {r.name}
                  </p>
                  <p className="text-xs text-slate-600">
                    {m.previous}: {r.previousText} · {m.targets}: {r.targetsText}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <StateBadge state={r.state} m={m} />
                  {r.late && <span className="text-xs text-amber-900">⏰ {m.late}</span>}
                  {r.illustrative && <span className="text-xs text-slate-600">({m.illustrative})</span>}
                  {r.observationId && (
                    <Link
                      href={`/${lang}/reporting/observations/${r.observationId}`}
                      className="text-xs text-brand-700 underline"
                    >
                      {m.details}
                    </Link>
                  )}
                </div>
              </div>
              {r.reviewComment && r.state === "RETURNED" && (
                <p className="mt-2 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="review-comment">
                  {m.reviewComment}: {r.reviewComment}
                </p>
              )}
              <div className="mt-2 grid gap-2 md:grid-cols-[10rem_1fr_1fr]">
                <RowField {...field("value", r.value)} label={`${m.value} (${r.unit})`} inputMode="decimal" />
                <RowField {...field("source", r.source)} label={m.source} />
                <RowField {...field("evidenceUrl", r.evidenceUrl)} label={m.evidenceUrl} type="url" />
                <RowField {...field("note", r.note)} label={m.note} wrapClass="md:col-span-2" />
                <RowField {...field("explanation", r.explanation)} label={m.explanation} />
              </div>
              {canWrite && r.editable && (
                <SelectToSubmit name={`${p}.select`} checked={v(`${p}.select`, "") === "on"} label={r.name} m={m} />
              )}
            </fieldset>
          );
        })}
      </div>
      {canWrite && (
        <EntryBar
          formRef={formProps.ref}
          pending={pending}
          selected={selected}
          selectable={selectable}
          recount={recount}
          label={m.barIndicators}
          hint={m.jumpHint}
          m={m}
        />
      )}
    </form>
  );
}
