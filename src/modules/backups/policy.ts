import "server-only";
// A backup is the whole database (password hashes, every agency's drafts): administrators only.
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { can } from "@/server/permissions";

export function assertCanManageBackups(user: SessionUser): void {
  if (!can(user.role, "admin.backups")) throw new ForbiddenError();
}
