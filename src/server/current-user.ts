import "server-only";
import { cache } from "react";
import { db } from "./db";
import { AuthError, ForbiddenError } from "./errors";
import { can, type Permission, type Role } from "./permissions";
import { readSession } from "./session";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  agencyId: number;
  agencyCode: string;
  agencyNameVi: string;
  agencyNameEn: string;
};

/** The signed-in user, re-read from the database; null when signed out, deactivated or reset. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSession();
  if (!claims) return null;
  const u = await db.user.findUnique({ where: { id: claims.uid }, include: { agency: true } });
  if (!u || !u.active || u.sessionVersion !== claims.sv) return null;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    agencyId: u.agencyId,
    agencyCode: u.agency.code,
    agencyNameVi: u.agency.nameVi,
    agencyNameEn: u.agency.nameEn,
  };
});

export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthError();
  if (permission && !can(user.role, permission)) throw new ForbiddenError();
  return user;
}
