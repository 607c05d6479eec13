// Form shapes of the notifications module. The user is always the signed-in one: no form names a
// user, and a field that tries is ignored.
import { z } from "zod";
import { zmsg } from "@/i18n/zod";
import { CATEGORIES, type Category } from "./categories";

export const notificationIdForm = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const choice = z.object({
  email: z.boolean(),
  cadence: z.enum(["instant", "daily"], zmsg("notifications.errors.badCadence")),
});

export const preferencesForm = z.object(
  Object.fromEntries(CATEGORIES.map((c) => [c, choice])) as Record<Category, typeof choice>,
);
export type PreferencesInput = z.infer<typeof preferencesForm>;

/** A field sent once is its value; sent twice it is a list, which the schema refuses (which one counts?). */
export function single(formData: FormData, key: string): FormDataEntryValue | FormDataEntryValue[] | null {
  const all = formData.getAll(key);
  return all.length === 0 ? null : all.length === 1 ? all[0] : all;
}

/** "<category>.email" is a checkbox ("on" when ticked), "<category>.cadence" a radio button. */
export function parsePreferencesForm(formData: FormData) {
  return Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      { email: formData.get(`${c}.email`) === "on", cadence: single(formData, `${c}.cadence`) },
    ]),
  );
}
