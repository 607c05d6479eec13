import "server-only";
// The guard of every admin route, the portal's page guard (src/server/page-auth.ts): signed out →
// the sign-in page, which comes back to `here`; signed in without the permission → null, and the
// route calls forbidden() (HTTP 403, src/app/[lang]/forbidden.tsx).
import type { Lang } from "@/i18n/config";
import type { SessionUser } from "@/server/current-user";
import { pageUser } from "@/server/page-auth";
import type { Permission } from "@/server/permissions";

export const ADMIN_PERMISSIONS = [
  "admin.users",
  "admin.periods",
  "admin.assignments",
  "audit.read",
  "catalogue.read",
] as const satisfies readonly Permission[];

/** `permission` "any" admits whoever holds at least one admin permission (the index page). */
export async function adminGate(lang: Lang, permission: Permission | "any", here: string): Promise<SessionUser | null> {
  const { user, allowed } = await pageUser(lang, permission === "any" ? ADMIN_PERMISSIONS : permission, here);
  return allowed ? user : null;
}
