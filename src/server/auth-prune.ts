// Removes sign-in rows that no longer decide anything: attempts older than the throttle's window
// (login-guard.ts counts nothing before it) and sessions past their absolute expiry (sessions.ts
// refuses them whatever else the row says, and a missing row is refused the same way). Without
// this, a stream of guesses from many addresses grows LoginAttempt without end. What happened
// stays in the audit log (auth.failure, auth.notice, auth.signOutEverywhere), which is never pruned.
//
// Run opportunistically from sign-in, the only path that adds rows: at most once per interval per
// process, in bounded batches, off the sign-in's own response time. Several instances pruning at
// once only delete the same rows twice over.
import { db } from "./db";
import { WINDOW_MS } from "./login-guard";

/** How often one process prunes at most. */
export const PRUNE_EVERY_MS = 5 * 60 * 1000;
/** Rows per DELETE statement, and statements per run: a run's work is bounded however far behind. */
export const PRUNE_BATCH = 5000;
export const PRUNE_MAX_BATCHES = 20;

export type PruneResult = { attempts: number; sessions: number };

/** Cut-off instants (pure): attempts before `attemptsBefore`, sessions expired before `sessionsBefore`. */
export function pruneCutoffs(now: Date): { attemptsBefore: Date; sessionsBefore: Date } {
  return { attemptsBefore: new Date(now.getTime() - WINDOW_MS), sessionsBefore: now };
}

/** Whether a process that last pruned at `last` (ms, or null: never) should prune at `now` (pure). */
export function pruneDue(last: number | null, now: number): boolean {
  return last === null || now - last >= PRUNE_EVERY_MS || now < last;
}

/** Deletes what no longer decides anything, in bounded batches. Measured on the machine clock, as the rows are. */
export async function pruneAuthRows(now = new Date()): Promise<PruneResult> {
  const { attemptsBefore, sessionsBefore } = pruneCutoffs(now);
  const result: PruneResult = { attempts: 0, sessions: 0 };
  for (let i = 0; i < PRUNE_MAX_BATCHES; i++) {
    const n =
      await db.$executeRaw`DELETE FROM "LoginAttempt" WHERE "id" IN (SELECT "id" FROM "LoginAttempt" WHERE "at" < ${attemptsBefore} LIMIT ${PRUNE_BATCH})`;
    result.attempts += n;
    if (n < PRUNE_BATCH) break;
  }
  for (let i = 0; i < PRUNE_MAX_BATCHES; i++) {
    const n =
      await db.$executeRaw`DELETE FROM "AuthSession" WHERE "id" IN (SELECT "id" FROM "AuthSession" WHERE "expiresAt" < ${sessionsBefore} LIMIT ${PRUNE_BATCH})`;
    result.sessions += n;
    if (n < PRUNE_BATCH) break;
  }
  return result;
}

let lastRun: number | null = null;
let running: Promise<PruneResult> | null = null;

/**
 * Prunes when this process has not for PRUNE_EVERY_MS; returns the run's promise, or null when not
 * due or one is running. Sign-in does not wait for it; a failure is logged, never the sign-in's.
 */
export function maybePruneAuthRows(now = new Date()): Promise<PruneResult> | null {
  if (running || !pruneDue(lastRun, now.getTime())) return null;
  lastRun = now.getTime();
  running = pruneAuthRows(now).finally(() => {
    running = null;
  });
  running.catch((e) => console.warn(`[auth] pruning old sign-in rows failed: ${(e as Error).message}`));
  return running;
}
