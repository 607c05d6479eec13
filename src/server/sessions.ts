// Server-side sessions. The cookie is a signed JWT, but a signature alone cannot be taken back:
// a copied cookie would outlive sign-out. So every cookie names a row here, and the row decides:
// open, before its absolute expiry (fixed at sign-in, extended by nothing) and used within the
// idle timeout. Rows live in PostgreSQL, so every instance agrees at once.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "./db";

/** Absolute lifetime of a session: a working day from sign-in. */
export const SESSION_MAX_AGE = 8 * 60 * 60;
/** A session unused for this long is ended. */
export const IDLE_TIMEOUT_MS = 60 * 60 * 1000;
// Writing lastSeenAt on every request would put a write on every page view.
const TOUCH_EVERY_MS = 60 * 1000;

export type EndReason = "signout" | "everywhere" | "idle" | "expired" | "deactivated" | "password";

export async function openSession(userId: number, now = new Date()): Promise<{ sid: string; expiresAt: Date }> {
  const sid = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE * 1000);
  await db.authSession.create({ data: { id: sid, userId, createdAt: now, lastSeenAt: now, expiresAt } });
  return { sid, expiresAt };
}

/** Whether the session `sid` of user `uid` may still be used; notes the use (at most once a minute). */
export async function sessionIsLive(sid: unknown, uid: unknown, now = new Date()): Promise<boolean> {
  if (typeof sid !== "string" || sid.length > 64 || typeof uid !== "number") return false;
  const s = await db.authSession.findUnique({ where: { id: sid } });
  if (!s || s.userId !== uid || s.endedAt) return false;
  if (s.expiresAt <= now) {
    await endSession(sid, "expired", now);
    return false;
  }
  if (now.getTime() - s.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
    await endSession(sid, "idle", now);
    return false;
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.authSession.updateMany({ where: { id: sid, endedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

export async function endSession(sid: unknown, why: EndReason, now = new Date()): Promise<void> {
  if (typeof sid !== "string" || sid.length > 64) return;
  await db.authSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now, endedWhy: why } });
}

/** Ends every open session of a user (inside the caller's transaction when given one). */
export async function endAllSessions(
  userId: number,
  why: EndReason,
  tx: Pick<Prisma.TransactionClient, "authSession"> = db,
  now = new Date(),
): Promise<number> {
  const r = await tx.authSession.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: now, endedWhy: why },
  });
  return r.count;
}
