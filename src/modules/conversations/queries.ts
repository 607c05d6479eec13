import "server-only";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { itemReadersWhere } from "@/modules/notifications/items";
import { canReadAgency, readableAgencyWhere } from "@/modules/reporting/policy";

/**
 * An item's conversation, oldest first, for someone who may read the item; null otherwise. The
 * comments are scoped by their own copy of the agency, so a comment is never shown to another
 * agency even if asked for with the right item id.
 */
export async function itemThread(user: SessionUser, item: { kind: "obs" | "task"; id: number; agencyId: number }) {
  if (!canReadAgency(user, item.agencyId)) return null;
  const where = { itemKind: item.kind, itemId: item.id, ...readableAgencyWhere(user) };
  const [comments, following, mentionable] = await Promise.all([
    db.itemComment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 500,
      select: {
        id: true,
        body: true,
        createdAt: true,
        mentions: true,
        author: { select: { name: true, email: true } },
      },
    }),
    db.itemFollower.count({ where: { itemKind: item.kind, itemId: item.id, userId: user.id } }),
    db.user.findMany({
      where: itemReadersWhere(item.agencyId),
      orderBy: [{ role: "asc" }, { name: "asc" }],
      take: 100,
      select: { id: true, name: true, email: true },
    }),
  ]);
  // Names of the people mentioned, whoever they are now (the picker's list is capped).
  const mentionedIds = [...new Set(comments.flatMap((c) => c.mentions))];
  const named = mentionedIds.length
    ? await db.user.findMany({ where: { id: { in: mentionedIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(named.map((u) => [u.id, u.name]));
  return {
    comments: comments.map(({ mentions, ...c }) => ({
      ...c,
      mentioned: mentions.map((id) => names.get(id)).filter((n): n is string => !!n),
    })),
    following: following > 0,
    mentionable: mentionable.filter((u) => u.id !== user.id).map(({ name, email }) => ({ name, email })),
  };
}
