import "server-only";
// The guard of every admin route: signed out → the sign-in page; signed in without the permission
// → null, and the route calls forbidden() (HTTP 403, src/app/[lang]/forbidden.tsx).
import { redirect } from "next/navigation";
import type { Lang } from "@/i18n/config";
import { requireUser, type SessionUser } from "@/server/current-user";
import { AuthError, ForbiddenError } from "@/server/errors";
import { can, type Permission } from "@/server/permissions";

export const ADMIN_PERMISSIONS = ["admin.users", "admin.periods", "admin.assignments", "audit.read"] as const satisfies readonly Permission[];

/** `permission` "any" admits whoever holds at least one admin permission (the index page). */
export async function adminGate(lang: Lang, permission: Permission | "any"): Promise<SessionUser | null> {
  let user: SessionUser;
  try {
    user = await requireUser(permission === "any" ? undefined : permission);
  } catch (e) {
    if (e instanceof AuthError) redirect(`/${lang}/login`);
    if (e instanceof ForbiddenError) return null;
    throw e;
  }
  if (permission === "any" && !ADMIN_PERMISSIONS.some((p) => can(user.role, p))) return null;
  return user;
}
