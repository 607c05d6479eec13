import "server-only";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { ForbiddenError } from "@/server/errors";
import { can } from "@/server/permissions";
import { db } from "@/server/db";
import { CATEGORIES, type Category } from "@/modules/notifications/categories";
import { hashToken, isTokenShaped } from "./tokens";

export const OUTBOX_PAGE_SIZE = 20;

/** The outbox, newest first, a page at a time: administrators only (it may hold working reset links). */
export async function outboxPage(user: SessionUser, page: number) {
  if (!can(user.role, "admin.outbox")) throw new ForbiddenError();
  const [total, rows] = await Promise.all([
    db.outboxMail.count(),
    db.outboxMail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        to: true,
        subject: true,
        text: true,
        category: true,
        status: true,
        attempts: true,
        lastError: true,
        sentAt: true,
      },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), rows };
}

export type UnsubscribeState =
  { ok: true; email: string; categories: Category[] } | { ok: false; reason: "invalid" | "expired" };

/** What an unsubscribe link would turn off, read without using it (the page asks before). */
export async function unsubscribeTokenState(token: unknown, now = clockNow()): Promise<UnsubscribeState> {
  if (!isTokenShaped(token)) return { ok: false, reason: "invalid" };
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, category: true, user: { select: { email: true } } },
  });
  if (!row || row.purpose !== "UNSUBSCRIBE" || row.usedAt) return { ok: false, reason: "invalid" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  const categories = (row.category ?? "")
    .split(",")
    .filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c));
  return { ok: true, email: row.user.email, categories };
}
