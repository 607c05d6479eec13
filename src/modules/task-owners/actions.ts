"use server";
// The assignment form's action: a thin wrapper around mutations.ts, which checks the permission,
// the agency (the reporter's own) and that it leads the task.
import { action } from "@/server/action";
import { msg } from "@/i18n/translate";
import { revalidate } from "@/server/public-cache";
import { assignTaskOwner } from "./mutations";
import { ASSIGN_FIELDS, assignForm } from "./schemas";

/**
 * The form's fields as sent, files included: a file where text belongs is refused by the schema
 * rather than dropped (a dropped reason would let the rest through). A repeated field counts once,
 * by its last value, as for every other form.
 */
const fieldsOf = (fd: FormData) => Object.fromEntries(ASSIGN_FIELDS.map((k) => [k, fd.getAll(k).at(-1) ?? undefined]));

export const assignTaskOwnerAction = action(
  "tasks.assignOwner",
  assignForm,
  async (user, input) => {
    const r = await assignTaskOwner(user, input);
    for (const page of [
      "/[lang]/reporting/owners",
      "/[lang]/reporting/owners/[taskId]",
      "/[lang]/reporting/tasks/[id]",
      "/[lang]/dashboard/agencies/[code]",
    ])
      revalidate(page, "page");
    return {
      ok: true,
      message: r.person ? msg("taskOwners.saved", { person: r.person }) : msg("taskOwners.withdrawnSaved"),
    };
  },
  fieldsOf,
);
