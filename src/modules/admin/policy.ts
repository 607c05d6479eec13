import "server-only";
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { can, type Permission } from "@/server/permissions";

/** Every admin query and mutation asks this first: the page guard alone does not protect an action. */
export function assertCan(user: SessionUser, permission: Permission): void {
  if (!can(user.role, permission)) throw new ForbiddenError();
}
