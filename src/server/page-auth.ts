import "server-only";
import { redirect } from "next/navigation";
import { currentUser, type SessionUser } from "./current-user";
import { can, type Permission } from "./permissions";

/**
 * For portal pages: the signed-in user, or a redirect to the sign-in page that comes back here.
 * `allowed` is false when the user lacks the permission (or all of them, given several): the page
 * then calls forbidden() (HTTP 403).
 */
export async function pageUser(
  lang: string,
  permission: Permission | readonly Permission[],
  here: string,
): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await currentUser();
  if (!user) redirect(`/${lang}/login?next=${encodeURIComponent(here)}`);
  const wanted: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  return { user, allowed: wanted.some((p) => can(user.role, p)) };
}
