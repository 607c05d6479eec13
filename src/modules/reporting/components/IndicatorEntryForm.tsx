"use client";
import { saveIndicatorsAction } from "../actions";
import { RowField, useEntryForm } from "./EntryControls";
import { EntryForm, EntryRow, type EntryFormProps, type RowHead } from "./EntryRow";

export type IndicatorRowView = RowHead & {
  indicatorId: number;
  unit: string;
  value: string;
  source: string;
  note: string;
  explanation: string;
  evidenceUrl: string;
  illustrative: boolean;
};

export function IndicatorEntryForm({ m, period, rows, canWrite }: EntryFormProps<IndicatorRowView>) {
  const entry = useEntryForm(saveIndicatorsAction, m);
  const form = { m, state: entry.state, canWrite };
  return (
    <EntryForm entry={entry} m={m} period={period} kind="indicator" showBar={canWrite}>
      <div className="space-y-3">
        {rows.map((r) => (
          <EntryRow
            key={r.prefix}
            form={form}
            row={r}
            marks={r.illustrative && <span className="text-xs text-slate-600">({m.illustrative})</span>}
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
        ))}
      </div>
    </EntryForm>
  );
}
