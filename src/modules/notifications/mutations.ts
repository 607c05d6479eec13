import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { KIND_CATEGORY, type NotificationKind } from "./categories";

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
