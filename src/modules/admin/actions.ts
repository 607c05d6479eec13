"use server";
// Server actions of the admin screens: thin wrappers around mutations.ts. Ids come from hidden
// fields and every mutation re-checks the permission and re-reads the record it changes.
import { action, type ActionResult } from "@/server/action";
import { revalidate } from "@/server/public-cache";
import { msg } from "@/i18n/translate";
import {
  addAssignment,
  createUser,
  removeAssignment,
  resetPassword,
  setUserActive,
  updatePeriod,
  updateUser,
} from "./mutations";
import {
  addAssignmentForm,
  createUserForm,
  periodForm,
  removeAssignmentForm,
  resetPasswordForm,
  setActiveForm,
  updateUserForm,
} from "./schemas";

/** A refused form comes back filled in, except the password: it is never sent back to the browser. */
function withoutPassword<T>(run: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult<T>>) {
  return async (prev: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const r = await run(prev, formData);
    if (r.values) delete r.values.password;
    return r;
  };
}

const createUserRun = withoutPassword(
  action("admin.users", createUserForm, async (user, input) => {
    const created = await createUser(user, input);
    revalidate("/[lang]/admin/users", "page");
    return { ok: true, message: msg("admin.server.userCreated"), data: created };
  }),
);
export async function createUserAction(prev: ActionResult | null, formData: FormData) {
  return createUserRun(prev, formData);
}

export const updateUserAction = action("admin.users", updateUserForm, async (user, input) => {
  const r = await updateUser(user, input);
  revalidate("/[lang]/admin/users", "layout");
  return { ok: true, message: r.changed ? msg("admin.server.userUpdated") : msg("admin.server.nothingChanged") };
});

export const setUserActiveAction = action("admin.users", setActiveForm, async (user, input) => {
  const r = await setUserActive(user, input);
  revalidate("/[lang]/admin/users", "layout");
  if (!r.changed) return { ok: true, message: msg("admin.server.nothingChanged") };
  return {
    ok: true,
    message: input.active ? msg("admin.server.userReactivated") : msg("admin.server.userDeactivated"),
  };
});

const resetPasswordRun = withoutPassword(
  action("admin.users", resetPasswordForm, async (user, input) => {
    await resetPassword(user, input);
    revalidate("/[lang]/admin/users", "layout");
    return { ok: true, message: msg("admin.server.passwordReset") };
  }),
);
export async function resetPasswordAction(prev: ActionResult | null, formData: FormData) {
  return resetPasswordRun(prev, formData);
}

export const updatePeriodAction = action("admin.periods", periodForm, async (user, input) => {
  const r = await updatePeriod(user, input);
  revalidate("/[lang]/admin/periods", "page");
  revalidate("/[lang]/reporting", "page");
  return { ok: true, message: r.changed ? msg("admin.server.periodUpdated") : msg("admin.server.nothingChanged") };
});

export const addAssignmentAction = action("admin.assignments", addAssignmentForm, async (user, input) => {
  await addAssignment(user, input);
  revalidate("/[lang]/admin/assignments", "page");
  return { ok: true, message: msg("admin.server.assignmentAdded") };
});

export const removeAssignmentAction = action("admin.assignments", removeAssignmentForm, async (user, input) => {
  await removeAssignment(user, input);
  revalidate("/[lang]/admin/assignments", "page");
  return { ok: true, message: msg("admin.server.assignmentRemoved") };
});
