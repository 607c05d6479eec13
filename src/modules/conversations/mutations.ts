import "server-only";
import { msg } from "@/i18n/translate";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { NotFoundError, ValidationError } from "@/server/errors";
import { canReadAgency } from "@/modules/reporting/policy";
import { follow, followersOf, itemFacts, itemReadersWhere, notifyAboutItem } from "@/modules/notifications/items";
import { quote } from "@/modules/notifications/text";
import { MAX_MENTIONS, parseMentions } from "./mentions";
import type { CommentInput } from "./schemas";

/**
 * Appends a comment to an item's conversation. Exactly who may read the item may write: its
 * agency's users and the national team (the agency comes from the item, never from the form);
 * another agency's item is "not found", so its existence is not revealed. Every "@email" must be
 * a person who may read the item, or the comment is refused with the field's text kept. The
 * author and the people mentioned follow the item; the people mentioned are told so, the other
 * followers are told of the comment, all in the comment's transaction.
 */
export async function addComment(user: SessionUser, input: CommentInput): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const item = await itemFacts(tx, input.kind, input.id);
    if (!item || !canReadAgency(user, item.agencyId)) throw new NotFoundError(msg("conversations.errors.itemMissing"));
    const emails = parseMentions(input.body);
    if (emails.length > MAX_MENTIONS)
      throw new ValidationError({ body: [msg("conversations.errors.tooManyMentions")] });
    const found = emails.length
      ? await tx.user.findMany({
          where: { email: { in: emails, mode: "insensitive" }, ...itemReadersWhere(item.agencyId) },
          select: { id: true, email: true },
        })
      : [];
    const known = new Set(found.map((u) => u.email.toLowerCase()));
    const refused = emails.filter((e) => !known.has(e));
    // The same words whether the address belongs to another agency, nobody, or a deactivated
    // account: the form must not tell which addresses exist.
    if (refused.length)
      throw new ValidationError({ body: [msg("conversations.errors.cannotMention", { emails: refused.join(", ") })] });
    const mentioned = found.map((u) => u.id).filter((id) => id !== user.id);
    const followers = await followersOf(tx, input.kind, input.id, item.agencyId);
    const c = await tx.itemComment.create({
      data: {
        itemKind: input.kind,
        itemId: input.id,
        agencyId: item.agencyId,
        authorId: user.id,
        body: input.body,
        mentions: mentioned,
      },
      select: { id: true },
    });
    await follow(tx, input.kind, input.id, [user.id, ...mentioned]);
    const extra = { who: user.name, comment: quote(input.body) };
    await notifyAboutItem(tx, item, "MENTION", mentioned, { actorId: user.id, extra });
    await notifyAboutItem(
      tx,
      item,
      "COMMENT",
      followers.filter((f) => !mentioned.includes(f)),
      { actorId: user.id, extra },
    );
    await audit(tx, {
      actor: user,
      action: "comment.add",
      entityType: input.kind === "obs" ? "Observation" : "TaskProgress",
      entityId: input.id,
      agencyId: item.agencyId,
      after: { commentId: c.id, mentions: mentioned },
    });
    return c;
  });
}
