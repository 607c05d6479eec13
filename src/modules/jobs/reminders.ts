// The scheduler and the reminders it starts. The scheduler (hourly) asks ./schedule.ts which
// reminders are due and enqueues each under its key (`due-soon:2026-Q3`): a reminder is written
// once per period (or day) whatever the number of instances and runs. A reminder job writes its
// notifications with notify() in one transaction that also marks the job done, so a worker that
// dies after the commit cannot write them again; then it asks for a mail scan at once.
import { Prisma } from "@/generated/prisma/client";
import { mailDigest, mailScan, mailSend } from "@/modules/mail/jobs";
import { SEND_JOB } from "@/modules/mail/mutations";
import { notify } from "@/modules/notifications/mutations";
import type { Db } from "@/server/db";
import { periodKey } from "@/lib/periods";
import { enqueue, pruneJobs, type NewJob } from "./queue";
import type { Handlers, JobContext } from "./runner";
import {
  digestAt,
  ownerRemindersDue,
  remindersDue,
  vnDay,
  DUE_SOON_DAYS,
  OWNER_OVERDUE_DAYS,
  type OwnerDue,
  type ReminderKind,
} from "./schedule";

type Tx = Prisma.TransactionClient;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Finished jobs are kept this long (what ran, when, after how many attempts), then deleted (not a period's reminders). */
const KEEP_DONE_MS = 30 * DAY_MS;

const hourKey = (now: Date) => now.toISOString().slice(0, 13);
const minuteKey = (now: Date) => now.toISOString().slice(0, 16);

/** The recurring jobs every worker makes sure of at each tick (the key of the hour / minute). */
export const RECURRING: ((now: Date) => NewJob)[] = [
  (now) => ({ kind: "scheduler", key: `scheduler:${hourKey(now)}`, runAt: now }),
  (now) => ({ kind: "mail.scan", key: `mail-scan:${minuteKey(now)}`, runAt: now }),
];

/** Marks the running job done inside `tx`; false when it already was (its effects are committed). */
async function takeOnce(tx: Tx, ctx: JobContext): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "Job" SET "doneAt" = ${ctx.clock()}, "lockedAt" = NULL WHERE "id" = ${ctx.job.id} AND "doneAt" IS NULL`;
  return n === 1;
}

async function scheduler(ctx: JobContext): Promise<void> {
  const { db, now } = ctx;
  const periods = await db.reportingPeriod.findMany({ where: { opensAt: { lte: now }, locksAt: { gt: now } } });
  for (const r of remindersDue(periods, now))
    await enqueue(db, { kind: "reminder", key: r.key, payload: { kind: r.kind, period: r.period }, runAt: now });
  for (const r of ownerRemindersDue(await ownersNearDeadline(db, now), now))
    await enqueue(db, {
      kind: "reminder",
      key: r.key,
      payload: { kind: r.kind, owner: { ...r.owner, dueOn: r.owner.dueOn.toISOString().slice(0, 10) } },
      runAt: now,
    });
  const day = vnDay(now);
  await enqueue(db, { kind: "mail.digest", key: `digest:${day}`, payload: { day }, runAt: digestAt(now) });
  await pruneJobs(db, new Date(now.getTime() - KEEP_DONE_MS), new Date(now.getTime() - 2 * DAY_MS));
  const next = new Date(Date.parse(`${hourKey(now)}:00:00Z`) + 60 * 60_000);
  await enqueue(db, { kind: "scheduler", key: `scheduler:${hourKey(next)}`, runAt: next });
}

/**
 * The people named on tasks today (the latest assignment per task and agency names someone) whose
 * internal deadline is near or just past: still active, still in that agency, which still leads
 * the task (as task-owners/queries.ts#currentTaskOwners decides, read here with the job's client).
 */
async function ownersNearDeadline(db: Db, now: Date): Promise<OwnerDue[]> {
  const from = new Date(now.getTime() - (OWNER_OVERDUE_DAYS + 1) * DAY_MS);
  const to = new Date(now.getTime() + (DUE_SOON_DAYS + 1) * DAY_MS);
  return db.$queryRaw<OwnerDue[]>`
    SELECT o."taskId", o."agencyId", o."userId", o."internalDueOn" AS "dueOn" FROM (
      SELECT DISTINCT ON ("taskId", "agencyId") * FROM "TaskOwner"
      ORDER BY "taskId", "agencyId", "createdAt" DESC, id DESC
    ) o
    JOIN "User" u ON u.id = o."userId" AND u.active AND u."agencyId" = o."agencyId"
    JOIN "TaskAssignment" a ON a."taskId" = o."taskId" AND a."agencyId" = o."agencyId" AND a.role = 'LEAD'
    JOIN "Task" t ON t.id = o."taskId" AND t."retiredAt" IS NULL
    WHERE o."internalDueOn" BETWEEN ${from} AND ${to}
    ORDER BY o."taskId", o."agencyId"`;
}

type Outstanding = { agencyId: number; total: number; done: number };

/** Agencies with items of the quarter not yet submitted (assigned indicators, led tasks). */
export async function agenciesWithOutstanding(db: Db | Tx, year: number, quarter: number): Promise<Outstanding[]> {
  return db.$queryRaw<Outstanding[]>`
    WITH items AS (
      SELECT "agencyId", count(*)::int AS total FROM (
        SELECT "agencyId" FROM "IndicatorAssignment"
        UNION ALL SELECT "agencyId" FROM "TaskAssignment" WHERE "role" = 'LEAD'
      ) x GROUP BY 1
    ), done AS (
      SELECT "agencyId", count(*)::int AS done FROM (
        SELECT o."agencyId" FROM "Observation" o
          JOIN "IndicatorAssignment" a ON a."indicatorId" = o."indicatorId" AND a."agencyId" = o."agencyId"
          WHERE o."year" = ${year} AND o."quarter" = ${quarter} AND o."state" IN ('SUBMITTED', 'APPROVED')
        UNION ALL
        SELECT t."agencyId" FROM "TaskProgress" t
          JOIN "TaskAssignment" a ON a."taskId" = t."taskId" AND a."agencyId" = t."agencyId" AND a."role" = 'LEAD'
          WHERE t."year" = ${year} AND t."quarter" = ${quarter} AND t."state" IN ('SUBMITTED', 'APPROVED')
      ) y GROUP BY 1
    )
    SELECT i."agencyId", i.total, COALESCE(d.done, 0)::int AS done
    FROM items i LEFT JOIN done d USING ("agencyId")
    WHERE i.total > COALESCE(d.done, 0)
    ORDER BY i."agencyId"`;
}

async function reminder(ctx: JobContext): Promise<void> {
  const payload = (ctx.job.payload ?? {}) as {
    kind?: ReminderKind | "TASK_DUE_SOON" | "TASK_OVERDUE";
    period?: { year: number; quarter: number } | null;
    owner?: { taskId: number; agencyId: number; userId: number; dueOn: string };
  };
  const now = ctx.clock();
  const p = payload.period
    ? await ctx.db.reportingPeriod.findUnique({
        where: { year_quarter: { year: payload.period.year, quarter: payload.period.quarter } },
      })
    : null;
  await ctx.db.$transaction(async (tx) => {
    if (!(await takeOnce(tx, ctx))) return;
    const kind = payload.kind;
    if ((kind === "TASK_DUE_SOON" || kind === "TASK_OVERDUE") && payload.owner) {
      const o = payload.owner;
      const task = await tx.task.findUnique({ where: { id: o.taskId }, select: { title: true } });
      if (task) {
        const end = Date.parse(`${o.dueOn}T23:59:59.999+07:00`);
        await notify(
          [o.userId],
          {
            kind,
            itemKind: "task",
            itemId: o.taskId,
            agencyId: o.agencyId,
            params: {
              item: task.title.length > 140 ? `${task.title.slice(0, 140)}…` : task.title,
              due: o.dueOn,
              days: Math.max(0, Math.ceil((end - now.getTime()) / DAY_MS)),
            },
            href: `/reporting/owners/${o.taskId}`,
          },
          { tx },
        );
      }
    } else if (kind === "PERIOD_OPEN" || kind === "DUE_SOON" || kind === "OVERDUE") {
      if (!p) return;
      const key = periodKey(p);
      const late = await agenciesWithOutstanding(tx, p.year, p.quarter);
      const reporters = await tx.user.findMany({
        where: { role: "REPORTER", active: true, agencyId: { in: late.map((a) => a.agencyId) } },
        select: { id: true, agencyId: true },
      });
      const days = Math.max(0, Math.ceil((p.dueAt.getTime() - now.getTime()) / DAY_MS));
      for (const a of late) {
        const ids = reporters.filter((r) => r.agencyId === a.agencyId).map((r) => r.id);
        await notify(
          ids,
          {
            kind,
            itemKind: "period",
            itemId: p.id,
            agencyId: a.agencyId,
            params: {
              period: key,
              due: p.dueAt.toISOString(),
              locks: p.locksAt.toISOString(),
              remaining: a.total - a.done,
              total: a.total,
              days,
            },
            href: `/reporting?period=${key}`,
          },
          { tx },
        );
      }
    } else if (kind === "WAITING" || kind === "AGENCIES_LATE") {
      const reviewers = (
        await tx.user.findMany({ where: { role: "REVIEWER", active: true }, select: { id: true } })
      ).map((u) => u.id);
      if (kind === "WAITING") {
        const [obs, tasks] = await Promise.all([
          tx.observation.count({ where: { state: "SUBMITTED" } }),
          tx.taskProgress.count({ where: { state: "SUBMITTED" } }),
        ]);
        if (obs + tasks > 0) await notify(reviewers, { kind, params: { count: obs + tasks }, href: "/review" }, { tx });
      } else if (p) {
        const late = await agenciesWithOutstanding(tx, p.year, p.quarter);
        if (late.length)
          await notify(
            reviewers,
            {
              kind,
              itemKind: "period",
              itemId: p.id,
              params: { period: periodKey(p), due: p.dueAt.toISOString(), count: late.length },
              href: "/dashboard",
            },
            { tx },
          );
      }
    }
    // Deadline reminders are mailed at once by default: no need to wait for the minute's scan.
    await enqueue(tx, { kind: "mail.scan", key: `mail-scan:after:${ctx.job.key}`, runAt: now });
  });
}

export const HANDLERS: Handlers = {
  scheduler,
  reminder,
  "mail.scan": mailScan,
  "mail.digest": mailDigest,
  [SEND_JOB]: mailSend,
};
