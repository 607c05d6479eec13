"use server";
// The assignment form's action: a thin wrapper around mutations.ts, which checks the permission,
// the agency (the reporter's own) and that it leads the task.
import { action } from "@/server/action";
import { msg } from "@/i18n/translate";
import { revalidate } from "@/server/public-cache";
import { assignTaskOwner } from "./mutations";
import { assignForm } from "./schemas";

export const assignTaskOwnerAction = action("tasks.assignOwner", assignForm, async (user, input) => {
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
});
