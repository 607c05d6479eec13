"use client";
import { useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import type { Messages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";
import { FieldError } from "@/components/form/Field";
import { FormFeedback } from "@/modules/reporting/components/FormFeedback";
import { savePreferencesAction } from "../actions";
import type { Category } from "../categories";

type Pref = { category: Category; email: boolean; cadence: "instant" | "daily" };

/**
 * One row per category: email or not, at once or in the daily digest. The choices are held in
 * state, so what was saved stays on screen after the action (React resets uncontrolled fields).
 */
export function PreferencesForm({ m, initial }: { m: Messages["notifications"]["preferences"]; initial: Pref[] }) {
  const [prefs, setPrefs] = useState(initial);
  const { state, pending, formProps } = useFormAction<ActionResult | null>(savePreferencesAction, null);
  const set = (category: Category, change: Partial<Pref>) =>
    setPrefs((list) => list.map((p) => (p.category === category ? { ...p, ...change } : p)));
  return (
    <form {...formProps} className="space-y-3" data-testid="preferences-form">
      <FormFeedback state={state} />
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-2 pr-3">
              {m.category}
            </th>
            <th scope="col" className="py-2 pr-3">
              {m.email}
            </th>
            <th scope="col" className="py-2">
              {m.cadence}
            </th>
          </tr>
        </thead>
        <tbody>
          {prefs.map((p) => {
            const errors = state?.fieldErrors?.[`${p.category}.cadence`];
            return (
              <tr key={p.category} className="border-b border-slate-200" data-testid={`pref-${p.category}`}>
                <th scope="row" id={`pref-${p.category}`} className="py-2 pr-3 text-left font-normal">
                  {m.categories[p.category]}
                </th>
                <td className="py-2 pr-3">
                  <label className="inline-flex items-center gap-2">
                    <input
                      type="checkbox"
                      name={`${p.category}.email`}
                      checked={p.email}
                      onChange={(e) => set(p.category, { email: e.target.checked })}
                      aria-describedby={`pref-${p.category}`}
                    />
                    {m.email}
                  </label>
                </td>
                <td className="py-2">
                  <fieldset aria-labelledby={`pref-${p.category}`} className="flex flex-wrap gap-3">
                    {(["instant", "daily"] as const).map((c) => (
                      <label key={c} className="inline-flex items-center gap-1">
                        <input
                          type="radio"
                          name={`${p.category}.cadence`}
                          value={c}
                          checked={p.cadence === c}
                          onChange={() => set(p.category, { cadence: c })}
                          aria-describedby={errors?.length ? `pref-${p.category}-error` : undefined}
                        />
                        {m[c]}
                      </label>
                    ))}
                  </fieldset>
                  <FieldError id={`pref-${p.category}-error`} errors={errors} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white disabled:opacity-60"
      >
        {pending ? m.saving : m.save}
      </button>
    </form>
  );
}
