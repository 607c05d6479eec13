// Who may add published figures: national reviewers and administrators (the statistics staff's
// accounts), never an agency reporter. Checked by the page, every query of the import screen and
// every action; the page only hides what this already refuses.
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { can } from "@/server/permissions";
import { figuresVi } from "@/messages/figures";

export function assertCanImportFigures(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!user || !can(user.role, "figures.import")) throw new ForbiddenError(figuresVi.import.forbidden);
}

/** Who may choose the source an indicator's statuses use: national reviewers, as for status overrides. */
export function assertCanChooseStatusSource(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!user || !can(user.role, "figures.statusSource")) throw new ForbiddenError();
}
