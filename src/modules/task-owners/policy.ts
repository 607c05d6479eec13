// Who sees and who sets a task's person responsible. Reading follows the agency's reporting data
// (its own staff and national roles). Assigning is for the reporters of the agency that leads the
// task, and of no other: the agency is the signed-in reporter's own, never taken from the form,
// and the mutation checks inside its transaction that this agency leads the task.
import { msg } from "@/i18n/translate";
import { canReadAgency } from "@/modules/reporting/policy";
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { can } from "@/server/permissions";

export { canReadAgency as canSeeOwners };

export function assertCanSeeOwners(user: SessionUser, agencyId: number): void {
  if (!canReadAgency(user, agencyId)) throw new ForbiddenError(msg("errors.reporting.ownAgencyRead"));
}

/** May this user assign people for `agencyId`'s tasks? (The UI only hides the form; the mutation asks again.) */
export function canAssignFor(user: SessionUser, agencyId: number): boolean {
  return can(user.role, "tasks.assignOwner") && user.agencyId === agencyId;
}

export function assertCanAssign(user: SessionUser | null): asserts user is SessionUser {
  if (!user || !can(user.role, "tasks.assignOwner")) throw new ForbiddenError(msg("taskOwners.form.notAllowed"));
}
