// Agency-level authorization for progress data. The agency is always taken from the record (or,
// for a new record, from the signed-in reporter), never from what the browser sent.
import { msg } from "@/i18n/translate";
import { can } from "@/server/permissions";
import { ForbiddenError } from "@/server/errors";
import type { SessionUser } from "@/server/current-user";

/** National roles see every agency; everyone else only their own. */
export function canReadAgency(user: SessionUser, agencyId: number): boolean {
  return can(user.role, "national.read") || user.agencyId === agencyId;
}

export function assertCanReadAgency(user: SessionUser, agencyId: number): void {
  if (!canReadAgency(user, agencyId)) throw new ForbiddenError(msg("errors.reporting.ownAgencyRead"));
}

/** Only a reporter of the agency that owns the record writes it. */
export function assertCanWriteAgency(user: SessionUser, agencyId: number): void {
  if (!can(user.role, "reporting.write") || user.agencyId !== agencyId) {
    throw new ForbiddenError(msg("errors.reporting.ownAgencyWrite"));
  }
}

/** Prisma `where` fragment limiting progress rows to what the user may read. */
export function readableAgencyWhere(user: SessionUser): { agencyId?: number } {
  return can(user.role, "national.read") ? {} : { agencyId: user.agencyId };
}
