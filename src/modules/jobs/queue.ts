// The job queue on PostgreSQL's Job table. Scheduling is idempotent by key (ON CONFLICT DO
// NOTHING: two instances enqueuing the same reminder write one row); a claim takes due rows with
// FOR UPDATE SKIP LOCKED and stamps them in the same statement, so concurrent workers never get
// the same row; a lock older than STALE_LOCK_MS is a crashed worker's and is taken over, so a job
// is never lost to a restart. Every function takes the client it works on (each instance, and
// each test "instance", has its own) and the instant from the caller's clock.
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { afterFailure } from "./backoff";

type Client = Db | Prisma.TransactionClient;

/** A running job's lock is taken over after this long: longer than any job's own time limits. */
export const STALE_LOCK_MS = 10 * 60_000;

export type NewJob = { kind: string; key: string; payload?: Prisma.InputJsonValue; runAt: Date; maxAttempts?: number };
export type ClaimedJob = {
  id: bigint;
  kind: string;
  key: string;
  payload: Prisma.JsonValue;
  attempts: number;
  maxAttempts: number;
};

/** Writes the job unless one with its key exists (done or not); true when this call wrote it. */
export async function enqueue(client: Client, job: NewJob): Promise<boolean> {
  const rows = await client.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "Job" ("kind", "key", "payload", "runAt", "maxAttempts")
    VALUES (${job.kind}, ${job.key}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.runAt}, ${job.maxAttempts ?? 12})
    ON CONFLICT ("key") DO NOTHING
    RETURNING "id"`;
  return rows.length === 1;
}

/** Up to `limit` due jobs, now locked by `workerId`; rows another worker holds are skipped, not waited for. */
export async function claimJobs(
  client: Db,
  opts: { workerId: string; now: Date; limit: number; staleMs?: number },
): Promise<ClaimedJob[]> {
  const staleBefore = new Date(opts.now.getTime() - (opts.staleMs ?? STALE_LOCK_MS));
  return client.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "lockedAt" = ${opts.now}, "lockedBy" = ${opts.workerId}
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE "doneAt" IS NULL AND "failedAt" IS NULL AND "runAt" <= ${opts.now}
        AND ("lockedAt" IS NULL OR "lockedAt" < ${staleBefore})
      ORDER BY "runAt", "id"
      LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "key", "payload", "attempts", "maxAttempts"`;
}

/** Marks the job done, if this worker still holds it (a worker whose lock was taken over changes nothing). */
export async function completeJob(client: Db, job: ClaimedJob, workerId: string, now: Date): Promise<boolean> {
  const n = await client.$executeRaw`
    UPDATE "Job" SET "doneAt" = ${now}, "lockedAt" = NULL, "lastError" = NULL
    WHERE "id" = ${job.id} AND "lockedBy" = ${workerId} AND "doneAt" IS NULL`;
  return n === 1;
}

/** Records a failure: retried after the backoff, or failed for good when attempts are exhausted. */
export async function failJob(
  client: Db,
  job: ClaimedJob,
  workerId: string,
  now: Date,
  error: string,
): Promise<{ failed: boolean; runAt: Date | null }> {
  const next = afterFailure(job.attempts, job.maxAttempts, now);
  await client.$executeRaw`
    UPDATE "Job" SET "attempts" = ${next.attempts}, "lastError" = ${error.slice(0, 2000)}, "lockedAt" = NULL,
      "runAt" = COALESCE(${next.runAt}::timestamp(3), "runAt"), "failedAt" = ${next.failed ? now : null}::timestamp(3)
    WHERE "id" = ${job.id} AND "lockedBy" = ${workerId} AND "doneAt" IS NULL`;
  return { failed: next.failed, runAt: next.runAt };
}

/** Gives a claimed job back untouched (a worker stopping before it got to it): due again at once. */
export async function releaseJob(client: Db, job: ClaimedJob, workerId: string): Promise<void> {
  await client.$executeRaw`
    UPDATE "Job" SET "lockedAt" = NULL WHERE "id" = ${job.id} AND "lockedBy" = ${workerId} AND "doneAt" IS NULL`;
}

/**
 * Deletes finished jobs (the table would otherwise grow by a row a minute): the recurring ones
 * (scheduler, mail scans) after `recurringBefore`, the rest after `before`. A period's reminder is
 * never deleted: its row is what stops the scheduler from sending it again while its window
 * (up to two months) lasts. Daily reminders carry their day in the key and may go.
 */
export async function pruneJobs(client: Db, before: Date, recurringBefore: Date): Promise<number> {
  return client.$executeRaw`
    DELETE FROM "Job" WHERE "doneAt" IS NOT NULL AND (
      ("kind" IN ('scheduler', 'mail.scan') AND "doneAt" < ${recurringBefore})
      OR ("doneAt" < ${before} AND ("kind" <> 'reminder' OR "payload"->>'kind' IN ('WAITING', 'AGENCIES_LATE')))
    )`;
}
