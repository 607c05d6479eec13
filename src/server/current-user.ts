import "server-only";
import { cache } from "react";
import { db } from "./db";
import { AuthError, ForbiddenError } from "./errors";
import { can, type Permission } from "./permissions";
import { readSession } from "./session";
import { toSessionUser, type SessionUser } from "./session-user";
import { noteUser } from "./ops/request-context";

export type { SessionUser } from "./session-user";

/** The signed-in user, re-read from the database; null when signed out, deactivated or reset. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSession();
  if (!claims) return null;
  const u = await db.user.findUnique({ where: { id: claims.uid }, include: { agency: true } });
  if (!u || !u.active || u.sessionVersion !== claims.sv) return null;
  noteUser(u.id);
  return toSessionUser(u);
});

export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthError();
  if (permission && !can(user.role, permission)) throw new ForbiddenError();
  return user;
}
