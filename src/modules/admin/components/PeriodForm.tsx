"use client";
// One reporting period's dates, edited in place.
import { useFormAction } from "@/components/use-form-action";
import type { Lang } from "@/i18n/config";
import { updatePeriodAction } from "../actions";
import { getMessages } from "@/i18n/messages";
import { StatusMessage, TextField, primaryButton, type FormState } from "./form-parts";

export type PeriodFormData = { id: number; opensAt: string; dueAt: string; locksAt: string };

const FIELDS = ["opensAt", "dueAt", "locksAt"] as const;

export function PeriodForm({ lang, period, label }: { lang: Lang; period: PeriodFormData; label: string }) {
  const t = getMessages(lang).admin;
  const { state, pending, formProps } = useFormAction<FormState>(updatePeriodAction, null);
  const base = `period-${period.id}`;
  return (
    <form {...formProps} aria-label={label} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={period.id} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-start">
        {FIELDS.map((f) => (
          <TextField
            key={f}
            id={`${base}-${f}`}
            name={f}
            label={t.periods[f]}
            state={state}
            initial={period[f]}
            type="date"
            required
          />
        ))}
        <div className="sm:pt-6">
          <button type="submit" className={`${primaryButton} w-full sm:w-auto`} disabled={pending}>
            {pending ? t.common.saving : t.common.save}
          </button>
        </div>
      </div>
      <StatusMessage state={state} />
    </form>
  );
}
