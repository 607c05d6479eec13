"use client";
import { saveIndicatorsAction } from "../actions";
import { RowField, useEntryForm } from "./EntryControls";
import { EntryForm, EntryRow, type EntryFormProps } from "./EntryRow";

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

export function IndicatorEntryForm({ lang, m, period, rows, canWrite }: EntryFormProps<IndicatorRowView>) {
  const entry = useEntryForm(saveIndicatorsAction, m);
  return (
    <EntryForm
      entry={entry}
      m={m}
      period={period}
      testId="indicator-form"
      showBar={canWrite}
      barLabel={m.barIndicators}
      barHint={m.jumpHint}
    >
      <div className="space-y-3">
        {rows.map((r) => {
          const p = `ind.${r.indicatorId}`;
          return (
            <EntryRow
              key={r.indicatorId}
              m={m}
              state={entry.state}
              canWrite={canWrite}
              prefix={p}
              testId={`indicator-row-${r.indicatorId}`}
              headingId={`${p}-name`}
              heading={
                <div>
                  <p id={`${p}-name`} className="font-medium">
                    {r.name}
                  </p>
                  <p className="text-xs text-slate-600">
                    {m.previous}: {r.previousText} · {m.targets}: {r.targetsText}
                  </p>
                </div>
              }
              row={r}
              selectLabel={r.name}
              marks={r.illustrative && <span className="text-xs text-slate-600">({m.illustrative})</span>}
              details={r.observationId ? `/${lang}/reporting/observations/${r.observationId}` : null}
              gridClass="md:grid-cols-[10rem_1fr_1fr]"
            >
              {(field) => (
                <>
                  <RowField {...field("value", r.value)} label={`${m.value} (${r.unit})`} inputMode="decimal" />
                  <RowField {...field("source", r.source)} label={m.source} />
                  <RowField {...field("evidenceUrl", r.evidenceUrl)} label={m.evidenceUrl} type="url" />
                  <RowField {...field("note", r.note)} label={m.note} wrapClass="md:col-span-2" />
                  <RowField {...field("explanation", r.explanation)} label={m.explanation} />
                </>
              )}
            </EntryRow>
          );
        })}
      </div>
    </EntryForm>
  );
}
