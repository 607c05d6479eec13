import type { Role } from "./permissions";

/** Who is acting, as every query, mutation and policy check sees them. */
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

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  agencyId: number;
  agency: { code: string; nameVi: string; nameEn: string };
};

/** A user row read with its agency, as a SessionUser (no session lookup: see current-user.ts). */
export function toSessionUser(u: UserRow): SessionUser {
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
}
