// Who may do what with the catalogue in the browser: editors and administrators write drafts,
// reviewers publish and return them, and never a draft they created themselves (four eyes).
// Checked by every mutation and query; the pages only hide what this already refuses.
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { msg } from "@/i18n/translate";
import { can, type Permission } from "@/server/permissions";

export function assertCatalogue(
  user: SessionUser | null | undefined,
  permission: Extract<Permission, `catalogue.${string}`>,
): asserts user is SessionUser {
  if (!user || !can(user.role, permission)) throw new ForbiddenError(msg("catalogue.errors.forbidden"));
}

/** A reviewer publishes only what someone else wrote. */
export function assertNotOwnDraft(user: SessionUser, draft: { createdById: number }) {
  if (draft.createdById === user.id) throw new ForbiddenError(msg("catalogue.errors.ownDraft"));
}
