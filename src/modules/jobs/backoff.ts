// How long a failed job waits before its next attempt. Pure, so the tests can state it exactly.

/** The first retry waits this long; each further failure doubles it. */
export const BACKOFF_BASE_MS = 30_000;
/** No wait is longer than this: an SMTP server down overnight is retried hourly, not daily. */
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * The wait after the `failures`-th failure (1 for the first): 30 s, 1 min, 2 min, 4 min … capped at
 * an hour. No jitter: instances never retry the same row (the claim is exclusive), so there is no
 * herd to spread out.
 */
export function backoffMs(failures: number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  if (!Number.isFinite(failures) || failures < 1) return base;
  // 2 ** 40 already exceeds any cap; bounding the exponent keeps the number finite.
  return Math.min(cap, base * 2 ** Math.min(40, Math.floor(failures) - 1));
}

/** What a failure does to a job: try again at `runAt`, or give up when attempts are exhausted. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { attempts: number; runAt: Date | null; failed: boolean } {
  const n = attempts + 1;
  if (n >= maxAttempts) return { attempts: n, runAt: null, failed: true };
  return { attempts: n, runAt: new Date(now.getTime() + backoffMs(n)), failed: false };
}
