// The mail jobs. mail.scan: notifications not yet emailed whose category the user wants at once
// (or not at all) are mailed one by one (or just marked). mail.digest: once a day, at 07:00
// Vietnam time, each user's remaining notifications (daily categories) in one mail. mail.send:
// one OutboxMail row through SMTP; a failure throws, so the job is retried with backoff, and a
// row already SENT is never sent again.
import { Prisma } from "@/generated/prisma/client";
import type { JobContext } from "@/modules/jobs/runner";
import { CATEGORIES, defaultPreference } from "@/modules/notifications/categories";
import { composeDigest, composeInstant, langOf, type MailNotification } from "./compose";
import { DuplicateMailError, queueMail, unsubscribeHeaders, unsubscribeLink } from "./mutations";
import { renderMail } from "./render";

const BATCH = 200;
const byDefault = (test: (p: ReturnType<typeof defaultPreference>) => boolean) =>
  CATEGORIES.filter((c) => test(defaultPreference(c)));

type Pending = {
  id: number;
  userId: number;
  kind: string;
  category: string;
  params: unknown;
  href: string;
  email: string;
  name: string;
  lang: string;
  send: boolean;
};

/**
 * Pending notifications whose effective preference (saved, else the category's default) is
 * "instant" or "no email" (or whose user is inactive), or with `daily`, those due for the digest.
 * Filtered in SQL so that a backlog of digest items never hides an instant one.
 */
async function pending(ctx: JobContext, daily: boolean, afterId: number): Promise<Pending[]> {
  const instantDefault = byDefault((p) => p.email && p.cadence === "instant");
  const dailyDefault = byDefault((p) => p.email && p.cadence === "daily");
  const offDefault = byDefault((p) => !p.email);
  const wanted = daily
    ? Prisma.sql`u."active" AND ((p."userId" IS NOT NULL AND p."email" AND p."cadence" <> 'instant')
        OR (p."userId" IS NULL AND n."category" = ANY(${dailyDefault})))`
    : Prisma.sql`(NOT u."active")
        OR (p."userId" IS NOT NULL AND (NOT p."email" OR p."cadence" = 'instant'))
        OR (p."userId" IS NULL AND n."category" = ANY(${[...instantDefault, ...offDefault]}))`;
  const offSql = Prisma.sql`(NOT u."active") OR (p."userId" IS NOT NULL AND NOT p."email")
        OR (p."userId" IS NULL AND n."category" = ANY(${offDefault}))`;
  return ctx.db.$queryRaw<Pending[]>`
    SELECT n."id", n."userId", n."kind", n."category", n."params", n."href", u."email", u."name", u."lang",
      NOT (${offSql}) AS "send"
    FROM "Notification" n
    JOIN "User" u ON u."id" = n."userId"
    LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p."category" = n."category"
    WHERE n."emailedAt" IS NULL AND n."id" > ${afterId} AND (${wanted})
    ORDER BY n."id"
    LIMIT ${BATCH}`;
}

const config = (ctx: JobContext) => ({ smtp: ctx.mail.smtp, from: ctx.mail.from, baseUrl: ctx.mail.baseUrl });

export async function mailScan(ctx: JobContext): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await pending(ctx, false, after);
    if (!rows.length) return;
    for (const n of rows) {
      after = n.id;
      const now = ctx.clock();
      try {
        await ctx.db.$transaction(async (tx) => {
          // Taken by this run, or already by another: the mail is written by whoever took it.
          const taken = await tx.notification.updateMany({
            where: { id: n.id, emailedAt: null },
            data: { emailedAt: now },
          });
          if (taken.count !== 1 || !n.send) return;
          const lang = langOf(n.lang);
          const link = await unsubscribeLink(tx, config(ctx), {
            userId: n.userId,
            lang,
            categories: [n.category],
            now,
          });
          const mail = renderMail(
            composeInstant({ email: n.email, name: n.name, lang }, n, {
              baseUrl: ctx.mail.baseUrl,
              unsubscribe: { categories: link.categories, url: link.page },
            }),
          );
          await queueMail(
            tx,
            config(ctx),
            {
              key: `notification:${n.id}`,
              userId: n.userId,
              to: n.email,
              lang,
              category: n.category,
              mail,
              headers: unsubscribeHeaders(link.oneClick),
            },
            now,
          );
        });
      } catch (e) {
        if (!(e instanceof DuplicateMailError)) throw e;
      }
    }
    if (rows.length < BATCH) return;
  }
}

/** payload: { day: "YYYY-MM-DD" } (Vietnam), the digest's date and part of each mail's key. */
export async function mailDigest(ctx: JobContext): Promise<void> {
  const day = String((ctx.job.payload as { day?: unknown } | null)?.day ?? "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`digest job without a day: ${ctx.job.key}`);
  let after = 0;
  for (;;) {
    const rows = await pending(ctx, true, after);
    if (!rows.length) return;
    after = rows[rows.length - 1].id;
    const byUser = new Map<number, Pending[]>();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
    for (const [userId, list] of byUser) {
      const now = ctx.clock();
      try {
        await ctx.db.$transaction(async (tx) => {
          const ids = list.map((n) => n.id);
          const taken = await tx.notification.updateManyAndReturn({
            where: { id: { in: ids }, emailedAt: null },
            data: { emailedAt: now },
            select: { id: true },
          });
          const mine = new Set(taken.map((t) => t.id));
          const items: MailNotification[] = list.filter((n) => mine.has(n.id));
          if (!items.length) return;
          const first = list[0];
          const lang = langOf(first.lang);
          const categories = [...new Set(items.map((n) => n.category))].sort();
          const s = config(ctx);
          const links = [];
          for (const c of categories) links.push(await unsubscribeLink(tx, s, { userId, lang, categories: [c], now }));
          // The header's one-click link turns off everything this digest carries.
          const all =
            categories.length === 1 ? links[0] : await unsubscribeLink(tx, s, { userId, lang, categories, now });
          const mail = renderMail(
            composeDigest({ email: first.email, name: first.name, lang }, items, {
              baseUrl: s.baseUrl,
              day,
              unsubscribe: links.map((l) => ({ categories: l.categories, url: l.page })),
            }),
          );
          await queueMail(
            tx,
            s,
            {
              key: `digest:${userId}:${day}`,
              userId,
              to: first.email,
              lang,
              category: "digest",
              mail,
              headers: unsubscribeHeaders(all.oneClick),
            },
            now,
          );
        });
      } catch (e) {
        // This user's digest of the day exists: what came after waits for tomorrow's.
        if (!(e instanceof DuplicateMailError)) throw e;
      }
    }
    if (rows.length < BATCH) return;
  }
}

export async function mailSend(ctx: JobContext): Promise<void> {
  const payload = (ctx.job.payload ?? {}) as { outboxId?: number; headers?: Record<string, string> };
  const row = await ctx.db.outboxMail.findUnique({ where: { id: Number(payload.outboxId) } });
  if (!row || row.status === "SENT") return;
  // Without SMTP the row stays in the outbox for the administrator.
  if (!ctx.mail.transport) return;
  try {
    const { messageId } = await ctx.mail.transport.send({
      from: ctx.mail.from,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: payload.headers,
    });
    await ctx.db.outboxMail.update({
      where: { id: row.id },
      data: { status: "SENT", sentAt: ctx.clock(), messageId, lastError: null },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await ctx.db.outboxMail.update({
      where: { id: row.id },
      data: { status: "PENDING", attempts: { increment: 1 }, lastError: message.slice(0, 500) },
    });
    throw e;
  }
}
