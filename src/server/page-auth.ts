import "server-only";
import { redirect } from "next/navigation";
import { currentUser, type SessionUser } from "./current-user";
import { can, type Permission } from "./permissions";

/**
 * For portal pages: the signed-in user, or a redirect to the sign-in page that comes back here.
 * `allowed` is false when the user lacks the permission: the page then calls forbidden() (HTTP 403).
 */
export async function pageUser(lang: string, permission: Permission, here: string): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await currentUser();
  if (!user) redirect(`/${lang}/login?next=${encodeURIComponent(here)}`);
  return { user, allowed: can(user.role, permission) };
}
