// Writing mail: every mail is first an OutboxMail row (the administrator's record, and what a
// retry sends) and a send job whose key names what it is about (a notification, a user's digest
// of a day, a reset token), written in the caller's transaction. A second attempt to write the
// same mail finds the key taken and rolls back: a mail is never written, or sent, twice.
import type { Prisma } from "@/generated/prisma/client";
import { db as globalDb, type Db } from "@/server/db";
import { enqueue } from "@/modules/jobs/queue";
import type { Lang } from "@/i18n/config";
import { CATEGORIES, type Category } from "@/modules/notifications/categories";
import type { MailSettings } from "./config";
import type { RenderedMail } from "./render";
import { hashToken, isTokenShaped, newToken, UNSUBSCRIBE_TTL_MS } from "./tokens";

type Tx = Prisma.TransactionClient;

export const SEND_JOB = "mail.send";

/** The same mail was already written (its send job's key exists). */
export class DuplicateMailError extends Error {
  constructor(key: string) {
    super(`mail ${key} was already written`);
  }
}

export type NewMail = {
  key: string;
  userId: number | null;
  to: string;
  lang: Lang;
  category: string;
  mail: RenderedMail;
  headers?: Record<string, string>;
};

/** The OutboxMail row and its send job, in the caller's transaction. */
export async function queueMail(tx: Tx, settings: MailSettings, m: NewMail, now: Date): Promise<number> {
  const row = await tx.outboxMail.create({
    data: {
      userId: m.userId,
      to: m.to,
      subject: m.mail.subject,
      text: m.mail.text,
      html: m.mail.html,
      category: m.category,
      lang: m.lang,
      status: settings.smtp ? "PENDING" : "OUTBOX",
      createdAt: now,
    },
    select: { id: true },
  });
  const created = await enqueue(tx, {
    kind: SEND_JOB,
    key: `send:${m.key}`,
    payload: { outboxId: row.id, headers: m.headers ?? {} },
    runAt: now,
  });
  if (!created) throw new DuplicateMailError(m.key);
  return row.id;
}

/** A single-use link that turns email off for these categories; the links and headers that carry it. */
export async function unsubscribeLink(
  tx: Tx,
  settings: MailSettings,
  o: { userId: number; lang: Lang; categories: string[]; now: Date },
): Promise<{ page: string; oneClick: string; categories: string[] }> {
  const { token, hash } = newToken();
  await tx.emailToken.create({
    data: {
      purpose: "UNSUBSCRIBE",
      tokenHash: hash,
      userId: o.userId,
      // Several categories (a digest's header link) are stored comma-separated.
      category: o.categories.join(","),
      expiresAt: new Date(o.now.getTime() + UNSUBSCRIBE_TTL_MS),
      createdAt: o.now,
    },
  });
  return {
    page: `${settings.baseUrl}/${o.lang}/unsubscribe?token=${token}`,
    oneClick: `${settings.baseUrl}/api/mail/unsubscribe?token=${token}`,
    categories: o.categories,
  };
}

/** RFC 8058 one-click unsubscribe: mail programs POST to the URL without opening a page. */
export function unsubscribeHeaders(oneClick: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export type TokenOutcome<T> = { ok: true; value: T } | { ok: false; reason: "invalid" | "expired" };

/**
 * Uses an unsubscribe token once: its categories' email is turned off (the user's cadence kept).
 * The token is taken with a conditional update, so two clicks at once turn it off once.
 */
export async function redeemUnsubscribeToken(
  token: unknown,
  now: Date,
  db: Db = globalDb,
): Promise<TokenOutcome<{ userId: number; email: string; categories: Category[] }>> {
  if (!isTokenShaped(token)) return { ok: false, reason: "invalid" };
  const hash = hashToken(token);
  return db.$transaction(async (tx) => {
    const row = await tx.emailToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
    if (!row || row.purpose !== "UNSUBSCRIBE" || row.usedAt) return { ok: false, reason: "invalid" } as const;
    if (row.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    const taken = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (taken.count !== 1) return { ok: false, reason: "invalid" } as const;
    const categories = (row.category ?? "")
      .split(",")
      .filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c));
    for (const category of categories)
      await tx.notificationPreference.upsert({
        where: { userId_category: { userId: row.userId, category } },
        create: { userId: row.userId, category, email: false },
        update: { email: false },
      });
    return { ok: true, value: { userId: row.userId, email: row.user.email, categories } } as const;
  });
}
