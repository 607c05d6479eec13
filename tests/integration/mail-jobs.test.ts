// Chasing and notifying, end to end against real PostgreSQL and a real SMTP server (smtp-server,
// messages parsed with mailparser): the jobs queue under two concurrent "instances" (two job
// runners, each with its own Prisma client), the due-soon reminder in Vietnamese through SMTP,
// retries while the SMTP server is down, forgot password and unsubscribe links used once.
// The clock is the runners' own (moved by the tests), never the machine's date.
import { createServer, type AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));
import { createJobRunner } from "@/modules/jobs/runner";
import { HANDLERS, RECURRING } from "@/modules/jobs/reminders";
import { claimJobs, enqueue, pruneJobs } from "@/modules/jobs/queue";
import { smtpTransport, type MailTransport } from "@/modules/mail/transport";
import { requestPasswordResetAction, resetForgottenPasswordAction } from "@/modules/auth/actions";
import { requestPasswordReset, resetPasswordWithToken, resetTokenState, RESET_PER_ACCOUNT } from "@/modules/auth/reset";
import { unsubscribeAction } from "@/modules/mail/actions";
import { notify } from "@/modules/notifications/mutations";
import * as unsubscribeRoute from "@/app/api/mail/unsubscribe/route";
import { clockNow } from "@/server/clock";
import { createPrisma, type Db } from "@/server/db";
import { hashPassword, verifyPassword } from "@/server/password";
import { openSession } from "@/server/sessions";
import { currentUser } from "@/server/current-user";
import { OutboxPage } from "@/modules/mail/components/OutboxPage";
import { outboxPage } from "@/modules/mail/queries";
import { actAs } from "../support/session-mock";
import { formatQuarter, nextQuarter } from "@/lib/periods";
import { formatDate } from "@/lib/format";
import { openQuarter } from "../support/periods";

// The quarter open at the instant the tests set the portal's clock to, and the one after it: the
// reminders' subjects and keys are derived from them, never written out.
const OPEN = openQuarter();
const NEXT = nextQuarter(OPEN);
const viLabel = (q: { year: number; quarter: number }) => formatQuarter(q, "vi");
const enLabel = (q: { year: number; quarter: number }) => formatQuarter(q, "en");
const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const url = inject("databaseUrl");
const BASE = "http://portal.test";
const FROM = "Cổng CĐS <no-reply@cds.test>";
const stamp = `${process.pid}${Date.now()}`;

// ---- a real SMTP server ------------------------------------------------------------------------

type Smtp = { port: number; received: ParsedMail[]; close: () => Promise<void> };

async function startSmtp(port = 0, refuse = false): Promise<Smtp> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A server that is up but will not take mail now (greylisting, a full disk): 451 to every recipient.
    onRcptTo(_address, _session, done) {
      if (!refuse) return done();
      const e = new Error("Requested action aborted: try again later") as Error & { responseCode: number };
      e.responseCode = 451;
      done(e);
    },
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((m) => {
          received.push(m);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { port: address.port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A port with nothing listening on it (taken, then released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// ---- two instances -------------------------------------------------------------------------------

let now = new Date(0);
const clock = () => now;
const clients: Db[] = [];
const transports: MailTransport[] = [];

function instance(smtpPort: number, name: string, batch = 1) {
  const db = createPrisma(url, 4);
  clients.push(db);
  const transport = smtpTransport(`smtp://127.0.0.1:${smtpPort}`);
  transports.push(transport);
  return createJobRunner({
    db,
    clock,
    handlers: HANDLERS,
    recurring: RECURRING,
    mail: { smtp: true, transport, from: FROM, baseUrl: BASE },
    workerId: `${name}-${stamp}`,
    // One job per claim, so two instances polling together really share (and race for) the work.
    batch,
  });
}

let c: pg.Client;
let smtp: Smtp;
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await c.query(sql, params)).rows as T[];

const textOf = (m: ParsedMail) => m.text ?? "";
const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address ?? "";
const headerLine = (m: ParsedMail, name: string) =>
  m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "") ?? null;

beforeAll(async () => {
  c = new pg.Client({ connectionString: url });
  await c.connect();
  smtp = await startSmtp();
  // Files before this one (they share the database) left notifications not yet mailed and jobs
  // not run (returns, approvals, comments): this file counts its own mails, from a quiet queue.
  await c.query(`UPDATE "Notification" SET "emailedAt" = now() WHERE "emailedAt" IS NULL`);
  await c.query(`UPDATE "Job" SET "doneAt" = now(), "lockedAt" = NULL WHERE "doneAt" IS NULL`);
});

afterAll(async () => {
  for (const t of transports) t.close();
  await Promise.all(clients.map((d) => d.$disconnect()));
  await smtp?.close();
  await c?.end();
});

describe("the job queue", () => {
  it("writes one row for a key however many instances enqueue it, and gives each due row to one worker", async () => {
    const [a, b] = [createPrisma(url, 4), createPrisma(url, 4)];
    clients.push(a, b);
    const at = new Date("2020-01-01T00:00:00Z");
    const key = `test-once:${stamp}`;
    const wrote = await Promise.all(
      Array.from({ length: 8 }, (_, i) => enqueue(i % 2 ? a : b, { kind: "noop", key, runAt: at })),
    );
    expect(wrote.filter(Boolean)).toHaveLength(1);
    expect(await q(`SELECT id FROM "Job" WHERE key = $1`, [key])).toHaveLength(1);
    // Claims at once from both clients: the row goes to exactly one.
    const claims = await Promise.all([
      claimJobs(a, { workerId: "a", now: at, limit: 50 }),
      claimJobs(b, { workerId: "b", now: at, limit: 50 }),
    ]);
    const mine = claims.map((l) => l.filter((j) => j.key === key).length);
    expect(mine[0] + mine[1]).toBe(1);
    // Still locked: nobody else gets it before the lock is stale …
    expect(
      (await claimJobs(a, { workerId: "c", now: new Date(at.getTime() + 60_000), limit: 50 })).filter(
        (j) => j.key === key,
      ),
    ).toHaveLength(0);
    // … and a crashed worker's lock is taken over after ten minutes: nothing is lost.
    const later = await claimJobs(a, { workerId: "d", now: new Date(at.getTime() + 11 * 60_000), limit: 50 });
    expect(later.filter((j) => j.key === key)).toHaveLength(1);
    await c.query(`UPDATE "Job" SET "doneAt" = $2 WHERE key = $1`, [key, at]);
  });
});

describe("stopping a worker", () => {
  it("finishes the job in hand and gives the rest of its batch back at once", async () => {
    const db = createPrisma(url, 2);
    clients.push(db);
    const at = new Date("2018-01-01T00:00:00Z");
    const keys = [0, 1, 2].map((i) => `slow-${i}-${stamp}`);
    for (const key of keys) await enqueue(db, { kind: "slow", key, runAt: at });
    let started = 0;
    const runner = createJobRunner({
      db,
      clock: () => new Date("2019-01-01T00:00:00Z"),
      handlers: {
        slow: async () => {
          started++;
          await new Promise((r) => setTimeout(r, 300));
        },
      },
      mail: { smtp: false, transport: null, from: FROM, baseUrl: BASE },
      pollMs: 10,
      workerId: `stopping-${stamp}`,
    });
    runner.start();
    await expect.poll(() => started, { timeout: 5000 }).toBe(1);
    await runner.stop();
    const rows = await q<{ key: string; doneAt: Date | null; lockedAt: Date | null }>(
      `SELECT key, "doneAt", "lockedAt" FROM "Job" WHERE key = ANY($1) ORDER BY key`,
      [keys],
    );
    expect(started).toBe(1);
    expect(rows.filter((r) => r.doneAt)).toHaveLength(1);
    expect(rows.filter((r) => !r.doneAt).map((r) => r.lockedAt)).toEqual([null, null]);
    await c.query(`UPDATE "Job" SET "doneAt" = $2 WHERE key = ANY($1)`, [keys, at]);
  });
});

describe("pruning finished jobs", () => {
  it("deletes old scans and sends but never a period's reminder, which stops it being sent again", async () => {
    const db = createPrisma(url, 2);
    clients.push(db);
    const old = new Date("2020-02-01T00:00:00Z");
    const keys = {
      scan: `mail-scan:prune-${stamp}`,
      send: `send:prune-${stamp}`,
      period: `due-soon:prune-${stamp}`,
      daily: `waiting:prune-${stamp}`,
      open: `mail-scan:open-${stamp}`,
    };
    for (const [name, key] of Object.entries(keys)) {
      const kind = name === "scan" || name === "open" ? "mail.scan" : name === "send" ? "mail.send" : "reminder";
      const payload = name === "period" ? { kind: "DUE_SOON" } : name === "daily" ? { kind: "WAITING" } : {};
      await enqueue(db, { kind, key, payload, runAt: old });
      if (name !== "open") await c.query(`UPDATE "Job" SET "doneAt" = $2 WHERE key = $1`, [key, old]);
    }
    await pruneJobs(db, new Date("2020-03-15T00:00:00Z"), new Date("2020-03-15T00:00:00Z"));
    const left = (await q<{ key: string }>(`SELECT key FROM "Job" WHERE key LIKE '%${stamp}'`)).map((r) => r.key);
    expect(left.sort()).toEqual([keys.period, keys.open].sort());
    await c.query(`DELETE FROM "Job" WHERE key = ANY($1)`, [[keys.period, keys.open]]);
  });
});

describe("deadline reminders by email", () => {
  let dueAt: Date;
  const reporters = ["reporter.hanoi@cds.gov.vn", "reporter.hcm@cds.gov.vn", "reporter.bkhcn@cds.gov.vn"];
  const extra = Array.from({ length: 6 }, (_, i) => `reporter-${i}-${stamp}@cds.test`);
  let idle = "";
  let inactive = "";

  beforeAll(async () => {
    dueAt = (
      await q<{ dueAt: Date }>(`SELECT "dueAt" FROM "ReportingPeriod" WHERE year = $1 AND quarter = $2`, [
        OPEN.year,
        OPEN.quarter,
      ])
    )[0].dueAt;
    // A reporter of an agency with nothing to report, and an inactive one of a busy agency:
    // neither is reminded.
    const hash = await hashPassword("Reminder2026x");
    const empty = (
      await q<{ id: number }>(
        `SELECT a.id FROM "Agency" a WHERE NOT EXISTS (SELECT 1 FROM "IndicatorAssignment" i WHERE i."agencyId" = a.id)
           AND NOT EXISTS (SELECT 1 FROM "TaskAssignment" t WHERE t."agencyId" = a.id AND t.role = 'LEAD') LIMIT 1`,
      )
    )[0].id;
    const hanoi = (await q<{ agencyId: number }>(`SELECT "agencyId" FROM "User" WHERE email = $1`, [reporters[0]]))[0]
      .agencyId;
    idle = `idle-${stamp}@cds.test`;
    inactive = `inactive-${stamp}@cds.test`;
    await c.query(
      `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId", active) VALUES
         ($1, 'Nothing To Report', $3, 'REPORTER', $4, true), ($2, 'Gone', $3, 'REPORTER', $5, false)`,
      [idle, inactive, hash, empty, hanoi],
    );
    // More colleagues in Hà Nội, one of them reading English.
    for (const [i, e] of extra.entries())
      await c.query(
        `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId", lang) VALUES ($1, $2, $3, 'REPORTER', $4, $5)`,
        [e, `Cán bộ ${i}`, hash, hanoi, i === 0 ? "en" : "vi"],
      );
    reporters.push(...extra);
  });

  it("sends each reporter with items not submitted one reminder in Vietnamese, 5 days before the deadline, with two instances running at once", async () => {
    now = new Date(dueAt.getTime() - 5 * 24 * 3600_000 + 30 * 60_000);
    const a = instance(smtp.port, "a");
    const b = instance(smtp.port, "b");
    // Both instances poll at the same moments, several times (jobs lead to jobs: scheduler →
    // reminder → mail scan → send).
    for (let round = 0; round < 6; round++) {
      await Promise.all([a.tick(), b.tick()]);
      now = new Date(now.getTime() + 1000);
    }
    const reminders = smtp.received.filter((m) =>
      new RegExp(`^(Nhắc hạn: báo cáo ${esc(viLabel(OPEN))}|Reminder: the ${enLabel(OPEN)} report)`).test(
        m.subject ?? "",
      ),
    );
    const to = reminders.map(toOf);
    for (const r of reporters)
      expect(
        to.filter((t) => t === r),
        r,
      ).toHaveLength(1);
    expect(to).not.toContain(idle);
    expect(to).not.toContain(inactive);
    // No one got two, and every reminder written was sent exactly once.
    expect(new Set(to).size).toBe(to.length);
    const written = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Notification" WHERE kind = 'DUE_SOON' AND params->>'period' = $1`,
      [OPEN.key],
    );
    expect(to.length).toBe(written[0].n);
    expect(await q(`SELECT id FROM "Job" WHERE key = $1`, [`due-soon:${OPEN.key}`])).toHaveLength(1);

    // Each in their own language.
    const english = reminders.find((m) => toOf(m) === extra[0])!;
    expect(english.subject).toBe(`Reminder: the ${enLabel(OPEN)} report is due on ${formatDate(dueAt, "en")}`);
    expect(textOf(english)).toContain(`${BASE}/en/reporting?period=${OPEN.key}`);
    expect(reminders.filter((m) => m !== english).every((m) => m.subject?.startsWith("Nhắc hạn"))).toBe(true);
    const hanoi = reminders.find((m) => toOf(m) === reporters[0])!;
    expect(hanoi.subject).toBe(`Nhắc hạn: báo cáo ${viLabel(OPEN)} đến hạn ngày ${formatDate(dueAt, "vi")}`);
    expect(textOf(hanoi)).toMatch(/^Kính gửi .+,/);
    expect(textOf(hanoi)).toMatch(
      new RegExp(
        `Còn 5 ngày đến hạn nộp báo cáo ${esc(viLabel(OPEN))} \\(${esc(formatDate(dueAt, "vi"))}\\)\\. Cơ quan của bạn còn [\\d.]+/[\\d.]+ mục chưa nộp\\.`,
      ),
    );
    expect(textOf(hanoi)).toContain(`${BASE}/vi/reporting?period=${OPEN.key}`);
    expect(hanoi.html).toContain("<p>Còn 5 ngày");
    expect(headerLine(hanoi, "List-Unsubscribe")).toMatch(
      new RegExp(`^<${BASE}/api/mail/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`),
    );
    expect(headerLine(hanoi, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(textOf(hanoi)).toMatch(
      /Không nhận thư điện tử loại “Hạn nộp báo cáo” nữa: http:\/\/portal\.test\/vi\/unsubscribe\?token=/,
    );

    const rows = await q<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM "OutboxMail"
        WHERE subject LIKE $1 OR subject LIKE $2 GROUP BY 1`,
      [`Nhắc hạn: báo cáo ${viLabel(OPEN)}%`, `Reminder: the ${enLabel(OPEN)}%`],
    );
    expect(rows).toEqual([{ status: "SENT", n: to.length }]);
    const by = await q<{ lockedBy: string; n: number }>(
      `SELECT "lockedBy", count(*)::int AS n FROM "Job" WHERE "lockedBy" LIKE '%-${stamp}' AND "doneAt" IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    console.log(
      `mail-jobs: ${to.length} due-soon reminders mailed to ${to.length} reporters; jobs run per instance: ${by.map((r) => `${r.lockedBy.split("-")[0]} ${r.n}`).join(", ")}`,
    );
    // More polling sends nothing again.
    const before = smtp.received.length;
    await Promise.all([a.tick(), b.tick()]);
    expect(smtp.received.length).toBe(before);
  });

  it("keeps a reminder while the SMTP server is down and delivers it, once, after it is back (retry with backoff)", async () => {
    const q4 = (
      await q<{ dueAt: Date }>(`SELECT "dueAt" FROM "ReportingPeriod" WHERE year = $1 AND quarter = $2`, [
        NEXT.year,
        NEXT.quarter,
      ])
    )[0];
    expect(q4, "the seed makes the quarters of the clock's year").toBeTruthy();
    now = new Date(q4.dueAt.getTime() - 5 * 24 * 3600_000 + 30 * 60_000);
    const port = await freePort();
    const a = instance(port, "down-a");
    const b = instance(port, "down-b");
    for (let round = 0; round < 4; round++) await Promise.all([a.tick(), b.tick()]);
    const d = q4.dueAt;
    const day = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
    const subject = `Nhắc hạn: báo cáo ${viLabel(NEXT)} đến hạn ngày ${day}`;
    const pending = await q<{ id: number; status: string; attempts: number; lastError: string }>(
      `SELECT o.id, o.status, o.attempts, o."lastError" FROM "OutboxMail" o JOIN "User" u ON u.id = o."userId"
        WHERE o.subject = $1 AND u.email = 'reporter.hanoi@cds.gov.vn'`,
      [subject],
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(pending[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    const job = (
      await q<{ attempts: number; runAt: Date; doneAt: Date | null }>(
        `SELECT attempts, "runAt", "doneAt" FROM "Job" WHERE payload->>'outboxId' = $1`,
        [String(pending[0].id)],
      )
    )[0];
    expect(job.attempts).toBe(1);
    expect(job.doneAt).toBeNull();
    expect(job.runAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(29_000);

    // Not due yet: polling again does not retry.
    await Promise.all([a.tick(), b.tick()]);
    expect((await q(`SELECT attempts FROM "OutboxMail" WHERE id = $1`, [pending[0].id]))[0]).toEqual({ attempts: 1 });

    // The server comes back on that port; the clock passes the backoff: delivered once.
    const back = await startSmtp(port);
    try {
      now = new Date(now.getTime() + 31_000);
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]);
      const got = back.received.filter((m) => m.subject === subject);
      expect(got.map(toOf).filter((t) => t === "reporter.hanoi@cds.gov.vn")).toHaveLength(1);
      expect(new Set(got.map(toOf)).size).toBe(got.length);
      expect((await q(`SELECT status FROM "OutboxMail" WHERE id = $1`, [pending[0].id]))[0]).toEqual({
        status: "SENT",
      });
    } finally {
      await back.close();
    }
  });

  it("gathers the day's other notifications into one digest per user at 07:00 Vietnam time", async () => {
    const who = "reporter.bkhcn@cds.gov.vn";
    const user = (await q<{ id: number }>(`SELECT id FROM "User" WHERE email = $1`, [who]))[0];
    await notify([user.id], {
      kind: "COMMENT",
      params: { body: "<b>xin chào</b>" },
      href: "/reporting/observations/1",
    });
    await notify([user.id], { kind: "RETURNED", params: {}, href: "/reporting/observations/2" });
    await notify([user.id], { kind: "APPROVED", params: {}, href: "/reporting/observations/3" });
    const a = instance(smtp.port, "digest-a");
    const b = instance(smtp.port, "digest-b");
    const before = smtp.received.length;
    // Not at once: these categories wait for the digest.
    now = new Date(now.getTime() + 60_000);
    await Promise.all([a.tick(), b.tick()]);
    expect(smtp.received.slice(before).filter((m) => toOf(m) === who)).toEqual([]);
    // The next morning, 07:05 in Vietnam: one mail with all three, however many instances poll.
    const next = new Date(now.getTime() + 24 * 3600_000);
    now = new Date(`${next.toISOString().slice(0, 10)}T00:05:00Z`);
    for (let round = 0; round < 3; round++) await Promise.all([a.tick(), b.tick()]);
    const digests = smtp.received.slice(before).filter((m) => toOf(m) === who);
    expect(digests).toHaveLength(1);
    const d = digests[0];
    expect(d.subject).toMatch(/^Tóm tắt thông báo ngày \d{2}\/\d{2}\/\d{4} \(3\)$/);
    for (const line of [
      "- Có trao đổi mới về một mục báo cáo bạn theo dõi.",
      "- Một mục báo cáo của cơ quan bạn đã bị trả lại để sửa.",
      "- Một mục báo cáo của cơ quan bạn đã được duyệt.",
    ])
      expect(textOf(d)).toContain(line);
    expect(textOf(d)).toContain("Không nhận thư điện tử loại “Trao đổi về mục báo cáo” nữa: ");
    expect(textOf(d)).toContain("Không nhận thư điện tử loại “Kết quả thẩm định” nữa: ");
    expect(d.html).not.toContain("<b>xin chào</b>");
    expect(headerLine(d, "List-Unsubscribe")).toMatch(/^<http:\/\/portal\.test\/api\/mail\/unsubscribe\?token=/);
    const pending = await q(`SELECT id FROM "Notification" WHERE "userId" = $1 AND "emailedAt" IS NULL`, [user.id]);
    expect(pending).toEqual([]);
  });

  it("turns a category off with the one-click link, once, and mails nothing of it afterwards", async () => {
    const hanoi = smtp.received.find(
      (m) => toOf(m) === "reporter.hanoi@cds.gov.vn" && (m.subject ?? "").includes(viLabel(OPEN)),
    )!;
    const oneClick = headerLine(hanoi, "List-Unsubscribe")!.slice(1, -1).replace(BASE, "http://localhost");
    const post = () =>
      unsubscribeRoute.POST(
        new Request(oneClick, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
      );
    const first = await post();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, categories: ["deadline"] });
    const again = await post();
    expect(again.status).toBe(404);
    expect((await again.json()).error.message).toBe("Liên kết hủy nhận thư không hợp lệ hoặc đã được dùng.");
    const user = (await q<{ id: number }>(`SELECT id FROM "User" WHERE email = 'reporter.hanoi@cds.gov.vn'`))[0];
    expect(
      await q(`SELECT email FROM "NotificationPreference" WHERE "userId" = $1 AND category = 'deadline'`, [user.id]),
    ).toEqual([{ email: false }]);

    // The link in the body carries the same token (the page's button): used up too.
    const sameToken = /unsubscribe\?token=([A-Za-z0-9_-]{43})/.exec(textOf(hanoi))![1];
    expect(oneClick).toContain(sameToken);
    // Another reporter's link, through the page's button: works once.
    const hcm = smtp.received.find(
      (m) => toOf(m) === "reporter.hcm@cds.gov.vn" && (m.subject ?? "").includes(viLabel(OPEN)),
    )!;
    const pageToken = /unsubscribe\?token=([A-Za-z0-9_-]{43})/.exec(textOf(hcm))![1];
    const form = (t: string) => {
      const f = new FormData();
      f.set("token", t);
      return f;
    };
    expect((await unsubscribeAction(null, form(pageToken))).ok).toBe(true);
    const used = await unsubscribeAction(null, form(pageToken));
    expect(used).toMatchObject({ ok: false, message: "Liên kết hủy nhận thư không hợp lệ hoặc đã được dùng." });
    expect(await unsubscribeAction(null, form(sameToken))).toMatchObject({ ok: false });
    const hcmUser = (await q<{ id: number }>(`SELECT id FROM "User" WHERE email = 'reporter.hcm@cds.gov.vn'`))[0];
    await c.query(`DELETE FROM "NotificationPreference" WHERE "userId" = $1`, [hcmUser.id]);

    // A deadline notification now stays in the portal: marked, not mailed.
    const before = smtp.received.length;
    const [n] = [await notify([user.id], { kind: "OVERDUE", params: { period: OPEN.key }, href: "/reporting" })];
    expect(n).toBe(1);
    const a = instance(smtp.port, "after-unsub");
    now = new Date(now.getTime() + 60_000);
    await a.tick();
    expect(smtp.received.slice(before).filter((m) => toOf(m) === "reporter.hanoi@cds.gov.vn")).toEqual([]);
    const left = await q(
      `SELECT id FROM "Notification" WHERE "userId" = $1 AND kind = 'OVERDUE' AND "emailedAt" IS NULL`,
      [user.id],
    );
    expect(left).toEqual([]);
    await c.query(`DELETE FROM "NotificationPreference" WHERE "userId" = $1`, [user.id]);
  });
});

describe("forgot password through SMTP", () => {
  const email = `forgot-${stamp}@cds.test`;
  let userId = 0;
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  /** Runs the mail jobs and returns the reset links mailed to `to` since `from` messages. */
  async function mailedLinks(to: string, from: number): Promise<string[]> {
    const a = instance(smtp.port, `reset-${from}`);
    now = new Date(clockNow().getTime() + 1000);
    await a.tick();
    return smtp.received
      .slice(from)
      .filter((m) => toOf(m) === to)
      .map((m) => /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(textOf(m))?.[1] ?? "");
  }

  beforeAll(async () => {
    const agency = (
      await q<{ agencyId: number }>(`SELECT "agencyId" FROM "User" WHERE email = 'reporter.hcm@cds.gov.vn'`)
    )[0].agencyId;
    userId = (
      await q<{ id: number }>(
        `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Quên Mật Khẩu', $2, 'REPORTER', $3) RETURNING id`,
        [email, await hashPassword("OldPassword2026"), agency],
      )
    )[0].id;
  });

  it("answers every address the same, mails a one-time link that works once, and ends every session", async () => {
    await openSession(userId);
    const from = smtp.received.length;
    const known = await requestPasswordResetAction(null, form({ email: email.toUpperCase() }));
    const unknown = await requestPasswordResetAction(null, form({ email: `nobody-${stamp}@cds.test` }));
    expect(known).toEqual(unknown);
    expect(known.ok).toBe(true);
    expect(known.message).toMatch(/^Nếu địa chỉ này thuộc một tài khoản đang hoạt động/);
    expect(await q(`SELECT id FROM "OutboxMail" WHERE "to" = $1`, [`nobody-${stamp}@cds.test`])).toEqual([]);

    const [token] = await mailedLinks(email, from);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mail = smtp.received.slice(from).find((m) => toOf(m) === email)!;
    expect(mail.subject).toBe("Đặt lại mật khẩu");
    // The action writes links to the configured origin (NEXTAUTH_URL), in the user's language.
    expect(textOf(mail)).toMatch(
      new RegExp(`^Đặt mật khẩu mới: https?://[^/]+/vi/reset-password\\?token=${token}$`, "m"),
    );
    expect(headerLine(mail, "List-Unsubscribe")).toBeNull();
    // Only the hash is stored.
    const stored = await q<{ tokenHash: string }>(`SELECT "tokenHash" FROM "EmailToken" WHERE "userId" = $1`, [userId]);
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);

    const sv = (await q<{ sessionVersion: number }>(`SELECT "sessionVersion" FROM "User" WHERE id = $1`, [userId]))[0];
    const weak = await resetForgottenPasswordAction(null, form({ token, password: "short", confirm: "short" }));
    expect(weak.ok).toBe(false);
    expect(Object.keys(weak.fieldErrors ?? {})).toContain("password");
    const done = await resetForgottenPasswordAction(
      null,
      form({ token, password: "NewPassword2026", confirm: "NewPassword2026" }),
    );
    expect(done).toMatchObject({ ok: true });
    const after = (
      await q<{ passwordHash: string; sessionVersion: number }>(
        `SELECT "passwordHash", "sessionVersion" FROM "User" WHERE id = $1`,
        [userId],
      )
    )[0];
    expect(await verifyPassword("NewPassword2026", after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBe(sv.sessionVersion + 1);
    expect(await q(`SELECT id FROM "AuthSession" WHERE "userId" = $1 AND "endedAt" IS NULL`, [userId])).toEqual([]);
    expect(
      (
        await q<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityType" = 'User' AND "entityId" = $1`, [
          String(userId),
        ])
      ).map((r) => r.action),
    ).toEqual(expect.arrayContaining(["auth.passwordResetRequested", "auth.passwordReset"]));

    // The same link again: refused, and the password stays.
    const reused = await resetForgottenPasswordAction(
      null,
      form({ token, password: "Another2026pass", confirm: "Another2026pass" }),
    );
    expect(reused).toMatchObject({
      ok: false,
      message: "Liên kết đặt lại mật khẩu không hợp lệ hoặc đã được dùng. Hãy yêu cầu liên kết mới.",
    });
    expect(await resetTokenState(token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("keeps a mail the SMTP server refuses (451) and sends it, once, on a later attempt", async () => {
    const refusing = await startSmtp(0, true);
    const port = refusing.port;
    const other = `refused-${stamp}@cds.test`;
    const agency = (await q<{ agencyId: number }>(`SELECT "agencyId" FROM "User" WHERE id = $1`, [userId]))[0].agencyId;
    await c.query(
      `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Bị Từ Chối', $2, 'VIEWER', $3)`,
      [other, await hashPassword("Refused2026x"), agency],
    );
    expect(await requestPasswordReset(other, null)).toBe("sent");
    // Whole batches: the overdue reminders of the moment wait in the same queue.
    const a = instance(port, "refused", 50);
    now = new Date(clockNow().getTime() + 1000);
    try {
      for (let round = 0; round < 3; round++) await a.tick();
    } finally {
      await refusing.close();
    }
    expect(refusing.received).toEqual([]);
    expect(smtp.received.map(toOf)).not.toContain(other);
    const row = (
      await q<{ id: number; status: string; attempts: number; lastError: string }>(
        `SELECT id, status, attempts, "lastError" FROM "OutboxMail" WHERE "to" = $1`,
        [other],
      )
    )[0];
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    const back = await startSmtp(port);
    try {
      now = new Date(now.getTime() + 31_000);
      await a.tick();
      await a.tick();
      // (The overdue reminders of the moment were refused and retried alongside.)
      expect(back.received.map(toOf).filter((t) => t === other)).toEqual([other]);
      expect((await q(`SELECT status, attempts FROM "OutboxMail" WHERE id = $1`, [row.id]))[0]).toEqual({
        status: "SENT",
        attempts: 1,
      });
    } finally {
      await back.close();
    }
  });

  it("refuses a link after its hour", async () => {
    const from = smtp.received.length;
    await requestPasswordResetAction(null, form({ email }));
    const [token] = await mailedLinks(email, from);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const later = new Date(clockNow().getTime() + 61 * 60_000);
    expect(await resetTokenState(token, later)).toEqual({ ok: false, reason: "expired" });
    await expect(
      resetPasswordWithToken({ token, password: "Expired2026pass", confirm: "Expired2026pass" }, later),
    ).rejects.toThrow("Liên kết đặt lại mật khẩu đã hết hạn (sau 1 giờ). Hãy yêu cầu liên kết mới.");
    // Within the hour it would still have worked: the refusal is the clock's.
    expect(await resetTokenState(token)).toMatchObject({ ok: true });
  });

  it("writes at most a few mails an hour per account and per client address, whatever a visitor sends", async () => {
    const answers = new Set<string>();
    for (let i = 0; i < 10; i++) answers.add(JSON.stringify(await requestPasswordResetAction(null, form({ email }))));
    expect(answers.size).toBe(1);
    const tokens = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "EmailToken" WHERE "userId" = $1 AND purpose = 'RESET'`,
      [userId],
    );
    expect(tokens[0].n).toBe(RESET_PER_ACCOUNT);

    // One address asking for many accounts: cut off after ten.
    const hash = await hashPassword("Throttle2026x");
    const agency = (await q<{ agencyId: number }>(`SELECT "agencyId" FROM "User" WHERE id = $1`, [userId]))[0].agencyId;
    const emails = Array.from({ length: 14 }, (_, i) => `many-${i}-${stamp}@cds.test`);
    for (const e of emails)
      await c.query(
        `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Nhiều', $2, 'VIEWER', $3)`,
        [e, hash, agency],
      );
    const ip = `203.0.113.${(process.pid % 200) + 1}`;
    const outcomes = [];
    for (const e of emails) outcomes.push(await requestPasswordReset(e, ip));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(10);
    expect(outcomes.slice(10)).toEqual(["throttled", "throttled", "throttled", "throttled"]);
  });
});

describe("the administrator's outbox", () => {
  it("lists every mail newest first, in Vietnam time, a page at a time, to administrators only", async () => {
    const id = (
      await q<{ id: number }>(
        `INSERT INTO "OutboxMail" ("to", subject, text, html, category, lang, status, "createdAt")
         VALUES ($1, $2, 'Nội dung <script>x</script>', '<p>x</p>', 'deadline', 'vi', 'OUTBOX', $3) RETURNING id`,
        [`outbox-${stamp}@cds.test`, "Thư <b>thử</b>", new Date("2099-01-01T17:30:00Z")],
      )
    )[0].id;
    await actAs("admin@cds.gov.vn");
    const admin = (await currentUser())!;
    const first = await outboxPage(admin, 1);
    expect(first.rows[0].id).toBe(id);
    expect(first.rows.length).toBeLessThanOrEqual(20);
    expect(first.pages).toBe(Math.ceil(first.total / 20));
    const html = renderToStaticMarkup(await OutboxPage({ lang: "vi", user: admin, query: { page: 1 } }));
    // 17:30 UTC is 00:30 the next day in Hà Nội.
    expect(html).toContain("02/01/2099 00:30");
    expect(html).toContain("Thư &lt;b&gt;thử&lt;/b&gt;");
    expect(html).toContain("Nội dung &lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain("Lưu trong hộp thư đi");
    await actAs("reviewer@cds.gov.vn");
    await expect(outboxPage((await currentUser())!, 1)).rejects.toThrow(/quyền/);
    await actAs(null);
    await c.query(`DELETE FROM "OutboxMail" WHERE id = $1`, [id]);
  });
});

describe("reminders to the person named on a task (5 rõ)", () => {
  it("mails the person once in the five days before the task's internal deadline and once after it, never a withdrawn one, with two instances", async () => {
    const hanoi = (
      await q<{ agencyId: number }>(`SELECT "agencyId" FROM "User" WHERE email = 'reporter.hanoi@cds.gov.vn'`)
    )[0].agencyId;
    const [led, other] = await q<{ taskId: number; title: string }>(
      `SELECT a."taskId", t.title FROM "TaskAssignment" a JOIN "Task" t ON t.id = a."taskId"
        WHERE a."agencyId" = $1 AND a.role = 'LEAD' AND t."retiredAt" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "TaskOwner" o WHERE o."taskId" = a."taskId")
        ORDER BY a."taskId" DESC OFFSET 10 LIMIT 2`,
      [hanoi],
    );
    const email = `owner-${stamp}@cds.test`;
    const withdrawn = `withdrawn-${stamp}@cds.test`;
    const hash = await hashPassword("Reminder2026x");
    const [person, gone] = await q<{ id: number }>(
      `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES
         ($1, 'Người phụ trách', $3, 'REPORTER', $4), ($2, 'Đã rút', $3, 'REPORTER', $4) RETURNING id`,
      [email, withdrawn, hash, hanoi],
    );
    await c.query(
      `INSERT INTO "TaskOwner" ("taskId", "agencyId", "userId", "internalDueOn", "expectedResult", "assignedById") VALUES
         ($1, $3, $4, '2027-03-31', 'Kế hoạch được ban hành', $4),
         ($2, $3, $5, '2027-03-31', 'Kế hoạch được ban hành', $4)`,
      [led.taskId, other.taskId, hanoi, person.id, gone.id],
    );
    // The second task's assignment is withdrawn afterwards: its last row names nobody.
    await c.query(
      `INSERT INTO "TaskOwner" ("taskId", "agencyId", "userId", "assignedById", reason, "createdAt")
       VALUES ($1, $2, NULL, $3, 'Chuyển công tác', now() + interval '1 second')`,
      [other.taskId, hanoi, person.id],
    );
    const mails = (who: string, re: RegExp) => smtp.received.filter((m) => toOf(m) === who && re.test(m.subject ?? ""));
    // Whole batches: the moved clock also makes every quarter's reminders due for all reporters.
    const a = instance(smtp.port, "owner-a", 50);
    const b = instance(smtp.port, "owner-b", 50);
    const poll = async (rounds = 5) => {
      for (let i = 0; i < rounds; i++) {
        await Promise.all([a.tick(), b.tick()]);
        now = new Date(now.getTime() + 1000);
      }
    };

    now = new Date("2027-03-28T03:00:00Z");
    await poll();
    const soon = mails(email, /^Nhắc hạn nội bộ/);
    expect(soon).toHaveLength(1);
    expect(soon[0].subject).toBe("Nhắc hạn nội bộ: nhiệm vụ bạn phụ trách đến hạn ngày 31/03/2027");
    expect(textOf(soon[0])).toContain(`bạn phụ trách đến hạn nội bộ ngày 31/03/2027 (còn 4 ngày)`);
    expect(textOf(soon[0])).toContain(led.title.slice(0, 40));
    expect(textOf(soon[0])).toContain(`${BASE}/vi/reporting/owners/${led.taskId}`);
    expect(mails(withdrawn, /nội bộ/)).toHaveLength(0);
    // An hour later the scheduler runs again: nothing new.
    now = new Date(now.getTime() + 3600_000);
    await poll();
    expect(mails(email, /^Nhắc hạn nội bộ/)).toHaveLength(1);
    const bell = await q<{ kind: string }>(
      `SELECT kind FROM "Notification" WHERE "userId" = $1 AND kind LIKE 'TASK_%' ORDER BY id`,
      [person.id],
    );
    expect(bell.map((n) => n.kind)).toEqual(["TASK_DUE_SOON"]);

    // The day after the deadline: told once that it has passed.
    now = new Date("2027-04-01T03:00:00Z");
    await poll();
    now = new Date(now.getTime() + 3600_000);
    await poll();
    const late = mails(email, /^Quá hạn nội bộ/);
    expect(late).toHaveLength(1);
    expect(late[0].subject).toBe("Quá hạn nội bộ: nhiệm vụ bạn phụ trách (hạn 31/03/2027)");
    expect(mails(withdrawn, /nội bộ/)).toHaveLength(0);
  });
});
