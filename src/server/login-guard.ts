// Sign-in throttling that an attacker cannot turn against staff. A lockout per account would let
// anyone keep a reviewer out with five requests; so failures are counted per (account, address),
// and each one past a few free attempts doubles the wait before that pair may try again. A second,
// looser count per address slows one machine guessing across many accounts. The owner of an
// account that fails from several places gets a notice (and the audit log says so), but nobody
// elsewhere can stop them signing in from their own address. The address is the one the front
// server resolved (src/lib/ip.ts), never a client-written header. Counts live in PostgreSQL so
// every instance agrees.
// Waits are elapsed time, measured on the machine clock like the rows PostgreSQL timestamps and
// the sessions (sessions.ts); the portal clock (NOW) would put them hours apart.
import { db } from "./db";
import { audit } from "./audit";
import { metrics } from "./ops/metrics";

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures of one (account, address) pair allowed before waits begin. */
export const FREE_FAILURES_PER_PAIR = 3;
/** Failures from one address (any accounts) allowed before waits begin. */
export const FREE_FAILURES_PER_ADDRESS = 20;
export const MAX_DELAY_MS = WINDOW_MS;
/** Failures for one account (any addresses) within the window that earn its owner a notice. */
export const NOTICE_AFTER_FAILURES = 5;

/** Refused without checking the password: this pair or address must wait `retryAfterMs`. */
export class ThrottledError extends Error {
  constructor(public readonly retryAfterMs: number) {
    // next-auth passes the message to the sign-in form as its error code.
    super("THROTTLED");
  }
}

/** The wait after `n` failures with `free` allowed: 1 s, 2 s, 4 s … up to 15 minutes. */
export function delayAfter(n: number, free: number): number {
  if (n < free) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(20, n - free));
}

type Scope = { email: string; ip: string | null } | { ip: string };

async function failures(scope: Scope, now: Date): Promise<{ n: number; last: Date | null }> {
  const since = new Date(now.getTime() - WINDOW_MS);
  // For a pair, failures after its last success only: signing in clears the pair's count. An
  // address's count is not cleared by a success (one valid account would reset it).
  const lastOk =
    "email" in scope
      ? await db.loginAttempt.findFirst({
          where: { ...scope, success: true, at: { gte: since } },
          orderBy: { at: "desc" },
          select: { at: true },
        })
      : null;
  const where = { ...scope, success: false, at: { gte: lastOk?.at ?? since } };
  const [n, last] = await Promise.all([
    db.loginAttempt.count({ where }),
    db.loginAttempt.findFirst({ where, orderBy: { at: "desc" }, select: { at: true } }),
  ]);
  return { n, last: last?.at ?? null };
}

/**
 * What is left of the wait after the last failure. Never more than the wait itself: a failure
 * stamped by an instance whose clock runs ahead of this one's (another machine, or a process pinned
 * by NOW that started earlier) must not turn a free attempt into a refusal.
 */
export function waitLeft(f: { n: number; last: Date | null }, free: number, now: Date): number {
  const delay = delayAfter(f.n, free);
  if (!f.last || delay === 0) return 0;
  return Math.min(delay, f.last.getTime() + delay - now.getTime());
}

/** Throws ThrottledError when this (account, address) pair or this address must wait. */
export async function assertMayTry(email: string, ip: string | null, now = new Date()): Promise<void> {
  const pair = waitLeft(await failures({ email, ip }, now), FREE_FAILURES_PER_PAIR, now);
  const addr = ip ? waitLeft(await failures({ ip }, now), FREE_FAILURES_PER_ADDRESS, now) : 0;
  const wait = Math.max(pair, addr);
  if (wait > 0) throw new ThrottledError(wait);
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

export async function recordAttempt(
  email: string,
  ip: string | null,
  success: boolean,
  now = new Date(),
): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, success, at: now } });
  if (success) return;
  metrics()?.loginFailure();
  const pair = (await failures({ email, ip }, now)).n;
  // One audit row per doubling (1st, 2nd, 4th, 8th … failure of a pair): a flood of guesses
  // cannot flood the append-only log, and the counts still show how big it was.
  const logFailure = isPowerOfTwo(pair);
  const since = new Date(now.getTime() - WINDOW_MS);
  const account = await db.loginAttempt.count({ where: { email, success: false, at: { gte: since } } });
  const notify = account === NOTICE_AFTER_FAILURES;
  if (!logFailure && !notify) return;
  const user = notify ? await db.user.findUnique({ where: { email }, select: { id: true } }) : null;
  await db.$transaction(async (tx) => {
    if (logFailure)
      await audit(tx, {
        actor: null,
        action: "auth.failure",
        entityType: "User",
        entityId: email,
        after: { failures: pair, ip },
        reason: null,
      });
    if (user) {
      const addresses = await tx.loginAttempt.findMany({
        where: { email, success: false, at: { gte: since } },
        distinct: ["ip"],
        select: { ip: true },
        take: 20,
      });
      const detail = { failures: account, since: since.toISOString(), addresses: addresses.map((a) => a.ip ?? "?") };
      await tx.userNotice.create({ data: { userId: user.id, kind: "auth.failures", detail, createdAt: now } });
      await audit(tx, {
        actor: null,
        action: "auth.notice",
        entityType: "User",
        entityId: email,
        after: detail,
        reason: null,
      });
    }
  });
}
