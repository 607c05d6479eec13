import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { msg } from "@/i18n/translate";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { CATEGORIES, KIND_CATEGORY, type NotificationKind } from "./categories";
import { visibleWhere } from "./queries";
import type { PreferencesInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type NewNotification = {
  kind: NotificationKind;
  itemKind?: "obs" | "task" | "period" | null;
  itemId?: number | null;
  agencyId?: number | null;
  /** Values the message (notifications.kinds[kind]) is filled with: names, period labels, the comment. */
  params: Record<string, string | number>;
  /** A path inside the portal without the language prefix, e.g. "/reporting/observations/12". */
  href: string;
};

/**
 * Writes one notification per recipient, inside the caller's transaction when given one, so a
 * notification exists exactly when the change it tells of was committed. The actor is never told
 * of their own action. Emails are the mail job's business: it reads notifications not yet
 * emailed (`emailedAt` null) and the recipients' preferences.
 */
export async function notify(
  userIds: readonly number[],
  n: NewNotification,
  opts: { tx?: Tx; actorId?: number | null } = {},
): Promise<number> {
  const to = [...new Set(userIds)].filter((id) => id !== opts.actorId);
  if (!to.length) return 0;
  const client = opts.tx ?? db;
  const res = await client.notification.createMany({
    data: to.map((userId) => ({
      userId,
      kind: n.kind,
      category: KIND_CATEGORY[n.kind],
      itemKind: n.itemKind ?? null,
      itemId: n.itemId ?? null,
      agencyId: n.agencyId ?? null,
      params: n.params,
      href: n.href,
    })),
  });
  return res.count;
}

/**
 * Marks one of the user's own notifications read and returns where it leads. Another user's
 * notification (or one about an agency the user no longer belongs to) is "not found": the id is
 * matched together with the owner, never looked up alone.
 */
export async function markRead(user: SessionUser, id: number, now = clockNow()): Promise<{ href: string }> {
  const n = await db.notification.findFirst({
    where: { id, ...visibleWhere(user) },
    select: { href: true, readAt: true },
  });
  if (!n) throw new NotFoundError(msg("notifications.errors.notFound"));
  if (!n.readAt)
    await db.notification.updateMany({ where: { id, userId: user.id, readAt: null }, data: { readAt: now } });
  return { href: n.href };
}

/** Marks every unread notification of the user read; the number marked. */
export async function markAllRead(user: SessionUser, now = clockNow()): Promise<number> {
  const r = await db.notification.updateMany({ where: { ...visibleWhere(user), readAt: null }, data: { readAt: now } });
  return r.count;
}

/** Saves the user's choice for every category (one upsert each, in one transaction). */
export async function savePreferences(user: SessionUser, input: PreferencesInput): Promise<void> {
  await db.$transaction(
    CATEGORIES.map((category) =>
      db.notificationPreference.upsert({
        where: { userId_category: { userId: user.id, category } },
        create: { userId: user.id, category, ...input[category] },
        update: input[category],
      }),
    ),
  );
}
