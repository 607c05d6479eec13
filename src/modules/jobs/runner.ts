// The worker loop every portal instance runs (started by src/server/http/server.ts): every poll it
// makes sure the recurring jobs of the moment exist (idempotent by key), claims due jobs, runs
// them one by one and records the outcome. Times come from the clock it is given (the portal's
// clockNow), so moving the clock makes due jobs fire. stop() waits for the job in hand, so a
// shutdown never leaves a half-recorded outcome; a crash leaves a lock that another instance
// takes over after STALE_LOCK_MS.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import type { MailConfig } from "@/modules/mail/config";
import { claimJobs, completeJob, enqueue, failJob, releaseJob, type ClaimedJob } from "./queue";

export type JobContext = { db: Db; now: Date; job: ClaimedJob; mail: MailConfig; clock: () => Date };
export type JobHandler = (ctx: JobContext) => Promise<void>;
export type Handlers = Record<string, JobHandler>;

export type RunnerOptions = {
  db: Db;
  clock: () => Date;
  handlers: Handlers;
  mail: MailConfig;
  /** Recurring jobs to ensure at every tick (each returns the job of the moment: its key changes with time). */
  recurring?: ((now: Date) => Parameters<typeof enqueue>[1])[];
  pollMs?: number;
  batch?: number;
  staleMs?: number;
  workerId?: string;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
};

export type TickResult = { ran: number; done: number; failed: number };

export function createJobRunner(o: RunnerOptions) {
  const workerId = o.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const log = o.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const ensured: string[] = [];

  async function runOne(job: ClaimedJob): Promise<boolean> {
    const handler = o.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler({ db: o.db, now: o.clock(), job, mail: o.mail, clock: o.clock });
      await completeJob(o.db, job, workerId, o.clock());
      return true;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const r = await failJob(o.db, job, workerId, o.clock(), message);
      log(r.failed ? "job failed for good" : "job failed, will retry", {
        kind: job.kind,
        key: job.key,
        attempts: job.attempts + 1,
        retryAt: r.runAt?.toISOString(),
        error: message,
      });
      return false;
    }
  }

  /** One round: ensure the recurring jobs, then run what is due until nothing is (bounded). */
  async function tick(): Promise<TickResult> {
    const result: TickResult = { ran: 0, done: 0, failed: 0 };
    const now = o.clock();
    // Once per key and process: the row exists from then on (a sequence value is spent per try).
    for (const [i, make] of (o.recurring ?? []).entries()) {
      const job = make(now);
      if (ensured[i] === job.key) continue;
      await enqueue(o.db, job);
      ensured[i] = job.key;
    }
    // A few rounds, so a job that enqueues follow-ups due now (a reminder → its mails) is
    // finished within one tick; bounded so one tick never runs forever.
    for (let round = 0; round < 5 && !stopped; round++) {
      const jobs = await claimJobs(o.db, { workerId, now: o.clock(), limit: o.batch ?? 20, staleMs: o.staleMs });
      if (!jobs.length) break;
      for (const [i, job] of jobs.entries()) {
        // Stopping: the job in hand has finished; the rest of the batch goes back to the queue
        // for the other instances instead of waiting for this lock to go stale.
        if (stopped) {
          for (const rest of jobs.slice(i)) await releaseJob(o.db, rest, workerId);
          break;
        }
        result.ran++;
        if (await runOne(job)) result.done++;
        else result.failed++;
      }
    }
    return result;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((e) => log("job loop error", { error: e instanceof Error ? e.message : String(e) }))
        .finally(() => {
          running = null;
          schedule();
        });
    }, o.pollMs ?? 5000);
    timer.unref?.();
  }

  return {
    workerId,
    tick,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
