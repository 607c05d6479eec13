import "server-only";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { can } from "@/server/permissions";
import { CATEGORIES, defaultPreference, type Category } from "./categories";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * The notifications a user may see: their own, and of those about an agency's items only their
 * agency's (national roles see all). A user who moved agency no longer reads about the old one's
 * items. Authorization lives in the `where`, so a forgotten check returns nothing.
 */
export function visibleWhere(user: SessionUser) {
  return {
    userId: user.id,
    ...(can(user.role, "national.read") ? {} : { OR: [{ agencyId: null }, { agencyId: user.agencyId }] }),
  };
}

export async function unreadCount(user: SessionUser): Promise<number> {
  return db.notification.count({ where: { ...visibleWhere(user), readAt: null } });
}

/** One page of the user's notifications, newest first, with the totals the page shows. */
export async function notificationsPage(user: SessionUser, page: number) {
  const where = visibleWhere(user);
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, kind: true, params: true, href: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { rows, total, unread, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)) };
}

export type Preference = { category: Category; email: boolean; cadence: "instant" | "daily" };

/** The user's choice per category, or the default where they have made none. */
export async function preferencesOf(userId: number): Promise<Preference[]> {
  const saved = await db.notificationPreference.findMany({ where: { userId } });
  return CATEGORIES.map((category) => {
    const p = saved.find((s) => s.category === category);
    return p
      ? { category, email: p.email, cadence: p.cadence === "instant" ? "instant" : "daily" }
      : { category, ...defaultPreference(category) };
  });
}
