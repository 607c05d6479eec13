// Sign-in protection: after 5 failed attempts for an account within 15 minutes it is locked for
// the rest of that window; an address is limited to 30 failures per 15 minutes. Counts live in
// PostgreSQL (shared by every instance); lockouts are written to the audit log.
import { clockNow } from "@/server/clock";
import { db } from "./db";
import { audit } from "./audit";

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export class LockedError extends Error {
  constructor() {
    super("LOCKED");
  }
}

async function failuresSince(where: { email?: string; ip?: string }, since: Date): Promise<number> {
  // Failures after the last success only: signing in successfully clears the count.
  const lastOk = where.email ? await db.loginAttempt.findFirst({ where: { email: where.email, success: true, at: { gte: since } }, orderBy: { at: "desc" } }) : null;
  return db.loginAttempt.count({ where: { ...where, success: false, at: { gte: lastOk?.at ?? since } } });
}

/** Throws LockedError when this account or address may not try now. */
export async function assertMayTry(email: string, ip: string | null, now = clockNow()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  if ((await failuresSince({ email }, since)) >= MAX_FAILURES_PER_ACCOUNT) throw new LockedError();
  if (ip && (await failuresSince({ ip }, since)) >= MAX_FAILURES_PER_IP) throw new LockedError();
}

export async function recordAttempt(email: string, ip: string | null, success: boolean, now = clockNow()): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success, at: now } });
  if (success) return;
  const since = new Date(now.getTime() - WINDOW_MS);
  const n = await failuresSince({ email }, since);
  await db.$transaction(async (tx) => {
    await audit(tx, { actor: null, action: n >= MAX_FAILURES_PER_ACCOUNT ? "auth.lockout" : "auth.failure", entityType: "User", entityId: email, after: { failures: n, ip }, reason: null });
  });
}
