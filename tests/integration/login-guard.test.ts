import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { authOptions, checkCredentials } from "@/server/auth";
import { clientAddressFromHeaders } from "@/server/client-address";
import { PRUNE_EVERY_MS, maybePruneAuthRows, pruneAuthRows, pruneCutoffs, pruneDue } from "@/server/auth-prune";
import {
  FREE_FAILURES_PER_ADDRESS,
  FREE_FAILURES_PER_PAIR,
  NOTICE_AFTER_FAILURES,
  WINDOW_MS,
  assertMayTry,
  delayAfter,
  recordAttempt,
  waitLeft,
} from "@/server/login-guard";
import { sessionIsLive } from "@/server/sessions";
import { hashPassword } from "@/server/password";

let c: pg.Client;
const stamp = Date.now();
const PASSWORD = "Dung@mat-khau1";
const emailOf = (name: string) => `${name}-${stamp}@example.vn`;

async function makeUser(email: string) {
  const agency = (await c.query(`SELECT id FROM "Agency" WHERE code = 'T-HA-NOI'`)).rows[0].id;
  const r = await c.query(
    `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Throttle test', $2, 'REVIEWER', $3) RETURNING id`,
    [email, await hashPassword(PASSWORD), agency],
  );
  return r.rows[0].id as number;
}
const auditOf = async (email: string) =>
  (
    await c.query(`SELECT action, after FROM "AuditLog" WHERE "entityType" = 'User' AND "entityId" = $1 ORDER BY id`, [
      email,
    ])
  ).rows as { action: string; after: Record<string, unknown> }[];
/** Failed attempts written as they would have been, `secondsAgo` in the past. */
async function failuresAt(email: string, ip: string | null, secondsAgo: number[]) {
  for (const s of secondsAgo)
    await c.query(
      `INSERT INTO "LoginAttempt" (email, ip, success, at) VALUES ($1, $2, false, now() - make_interval(secs => $3))`,
      [email, ip, s],
    );
}

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  await makeUser(emailOf("owner"));
});
afterAll(async () => c.end());

describe("sign-in protection", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const email = emailOf("owner");
    expect(await checkCredentials({ email, password: PASSWORD }, "10.0.0.1")).toMatchObject({ email });
    expect(await checkCredentials({ email, password: "sai" }, "10.0.0.1")).toBeNull();
  });

  it("an attacker elsewhere cannot keep the owner out: failures count per (account, address)", async () => {
    const email = emailOf("reviewer");
    await makeUser(email);
    // Five wrong passwords in a row from the attacker's address, then whatever it tries is slowed.
    for (let i = 0; i < 5; i++)
      await checkCredentials({ email, password: `sai-${i}` }, "203.0.113.9").catch(() => null);
    await expect(checkCredentials({ email, password: `sai-more` }, "203.0.113.9")).rejects.toThrow("THROTTLED");
    // The owner, from their own address, signs in at once.
    expect(await checkCredentials({ email, password: PASSWORD }, "10.0.0.7")).toMatchObject({ email });
    // And so after a flood of 40 failures from 40 addresses in the window.
    for (let i = 0; i < 40; i++) await failuresAt(email, `198.18.0.${i + 1}`, [1]);
    expect(await checkCredentials({ email, password: PASSWORD }, "10.0.0.7")).toMatchObject({ email });
  });

  it("each failure of a pair past the free ones doubles the wait, and the right password waits too", async () => {
    expect([2, 3, 4, 5, 6, 30].map((n) => delayAfter(n, FREE_FAILURES_PER_PAIR))).toEqual([
      0,
      1000,
      2000,
      4000,
      8000,
      15 * 60 * 1000,
    ]);
    const email = emailOf("delay");
    await makeUser(email);
    const ip = "192.0.2.44";
    // Five failures, the last 5 s ago: the wait after five is 4 s, so a try is allowed now …
    await failuresAt(email, ip, [60, 50, 40, 30, 5]);
    await expect(assertMayTry(email, ip)).resolves.toBeUndefined();
    // … but after a sixth just now it must wait 8 s, whatever the password.
    await failuresAt(email, ip, [0]);
    await expect(checkCredentials({ email, password: PASSWORD }, ip)).rejects.toThrow("THROTTLED");
    // Once the wait has passed the right password works, and clears the pair's count.
    // (That refused try counted too: seven failures, a 16 s wait.)
    await c.query(`UPDATE "LoginAttempt" SET at = at - interval '17 seconds' WHERE email = $1`, [email]);
    expect(await checkCredentials({ email, password: PASSWORD }, ip)).toMatchObject({ email });
    await expect(assertMayTry(email, ip)).resolves.toBeUndefined();
  });

  it("a failure stamped by a clock running ahead neither refuses a free attempt nor lengthens a wait", async () => {
    const now = new Date("2027-06-15T10:00:00Z");
    const ahead = new Date(now.getTime() + 30_000);
    expect(waitLeft({ n: 1, last: ahead }, FREE_FAILURES_PER_PAIR, now)).toBe(0);
    expect(waitLeft({ n: FREE_FAILURES_PER_PAIR - 1, last: ahead }, FREE_FAILURES_PER_PAIR, now)).toBe(0);
    expect(waitLeft({ n: FREE_FAILURES_PER_PAIR + 3, last: ahead }, FREE_FAILURES_PER_PAIR, now)).toBe(8_000);
    expect(
      waitLeft({ n: FREE_FAILURES_PER_PAIR + 3, last: new Date(now.getTime() - 5_000) }, FREE_FAILURES_PER_PAIR, now),
    ).toBe(3_000);
    expect(waitLeft({ n: 0, last: null }, FREE_FAILURES_PER_PAIR, now)).toBe(0);
    // Through the database: two failures written 20 s "in the future" by another instance.
    const email = emailOf("skew");
    await makeUser(email);
    await failuresAt(email, "192.0.2.60", [-20, -20]);
    expect(await checkCredentials({ email, password: PASSWORD }, "192.0.2.60")).toMatchObject({ email });
  });

  it("one address guessing across many accounts is slowed down", async () => {
    const ip = "192.0.2.200";
    for (let i = 0; i <= FREE_FAILURES_PER_ADDRESS; i++) await failuresAt(emailOf(`spray${i}`), ip, [0]);
    await expect(checkCredentials({ email: emailOf("owner"), password: PASSWORD }, ip)).rejects.toThrow("THROTTLED");
    // Not anyone else's problem.
    expect(await checkCredentials({ email: emailOf("owner"), password: PASSWORD }, "192.0.2.201")).toMatchObject({
      email: emailOf("owner"),
    });
  });

  it("a flood of failures writes a handful of audit rows, not one each", async () => {
    const email = emailOf("flood");
    const t0 = Date.now();
    // 40 failures of one pair (recorded directly: the throttle would refuse most of them first).
    for (let i = 0; i < 40; i++) await recordAttempt(email, "192.0.2.7", false, new Date(t0 + i * 1000));
    const rows = (await auditOf(email)).filter((r) => r.action === "auth.failure");
    // The 1st, 2nd, 4th, 8th, 16th and 32nd, each with the count so far.
    expect(rows.map((r) => r.after.failures)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it("the owner gets a notice (audited) when their account fails from elsewhere", async () => {
    const email = emailOf("noticed");
    const id = await makeUser(email);
    for (let i = 0; i < NOTICE_AFTER_FAILURES; i++)
      await checkCredentials({ email, password: `sai-${i}` }, `198.51.100.${10 + i}`);
    const notices = (await c.query(`SELECT kind, detail FROM "UserNotice" WHERE "userId" = $1`, [id])).rows;
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "auth.failures", detail: { failures: NOTICE_AFTER_FAILURES } });
    expect(notices[0].detail.addresses).toEqual(expect.arrayContaining(["198.51.100.10", "198.51.100.14"]));
    expect((await auditOf(email)).map((r) => r.action)).toContain("auth.notice");
    // A made-up account gets no notice and no error.
    for (let i = 0; i < NOTICE_AFTER_FAILURES; i++)
      await checkCredentials({ email: emailOf("nobody"), password: "x" }, `198.51.100.${30 + i}`);
    expect(
      (
        await c.query(
          `SELECT count(*)::int AS n FROM "UserNotice" WHERE detail->>'failures' IS NOT NULL AND "userId" NOT IN (SELECT id FROM "User")`,
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it("X-Forwarded-For written by a client neither locks that address out nor is stored", async () => {
    // As next-auth calls it for POST /api/auth/callback/credentials.
    const authorize = (
      authOptions.providers[0] as unknown as {
        options: { authorize: (raw: unknown, req: unknown) => Promise<unknown> };
      }
    ).options.authorize;
    const forged = "198.51.100.77";
    for (let i = 0; i < 31; i++) {
      await authorize(
        { email: emailOf(`made-up${i}`), password: "x" },
        { headers: { "x-forwarded-for": i === 0 ? "9".repeat(8192) : forged } },
      ).catch(() => null);
    }
    // The owner really at that address signs in.
    expect(await checkCredentials({ email: emailOf("owner"), password: PASSWORD }, forged)).toMatchObject({
      email: emailOf("owner"),
    });
    const stored = (
      await c.query(`SELECT DISTINCT ip FROM "LoginAttempt" WHERE email LIKE $1`, [`made-up%-${stamp}@example.vn`])
    ).rows.map((r) => r.ip);
    expect(stored).toEqual([null]);
    const logged = (
      await c.query(`SELECT max(length(after::text))::int AS n FROM "AuditLog" WHERE "entityId" LIKE $1`, [
        `made-up%-${stamp}@example.vn`,
      ])
    ).rows[0].n;
    expect(logged).toBeLessThan(200);
  });

  it("an address is believed only as the front server wrote it, and only if it is an address", () => {
    const h = (v: string) => ({ "x-cds-client-address": v, "x-forwarded-for": "198.51.100.77" });
    expect(clientAddressFromHeaders(h("203.0.113.5"), true)).toBe("203.0.113.5");
    expect(clientAddressFromHeaders(h("::ffff:203.0.113.5"), true)).toBe("203.0.113.5");
    expect(clientAddressFromHeaders(h("x".repeat(8192)), true)).toBeNull();
    expect(clientAddressFromHeaders(h("203.0.113.5, 10.0.0.1"), true)).toBeNull();
    // Without the front server in this process nobody overwrites it: not believed at all.
    expect(clientAddressFromHeaders(h("203.0.113.5"), false)).toBeNull();
    // X-Forwarded-For alone is never read here.
    expect(clientAddressFromHeaders({ "x-forwarded-for": "198.51.100.77" }, true)).toBeNull();
  });
});

describe("old sign-in rows are cleared out", () => {
  it("attempts older than the window and expired sessions go; what still decides something stays", async () => {
    const email = emailOf("prune");
    const uid = await makeUser(email);
    const ip = "192.0.2.90";
    // Six recent failures of this pair (it must wait) and a hundred from before the window.
    await failuresAt(email, ip, [50, 40, 30, 20, 10, 0]);
    await failuresAt(
      email,
      ip,
      Array.from({ length: 100 }, (_, i) => WINDOW_MS / 1000 + 60 + i),
    );
    const session = async (id: string, expiresInSeconds: number) =>
      c.query(
        `INSERT INTO "AuthSession" (id, "userId", "createdAt", "lastSeenAt", "expiresAt") VALUES ($1, $2, now(), now(), now() + make_interval(secs => $3))`,
        [id, uid, expiresInSeconds],
      );
    await session(`live-${stamp}`, 3600);
    await session(`expired-${stamp}`, -60);
    await session(`ended-expired-${stamp}`, -7200);
    await c.query(`UPDATE "AuthSession" SET "endedAt" = now(), "endedWhy" = 'signout' WHERE id = $1`, [
      `ended-expired-${stamp}`,
    ]);

    const pruned = await pruneAuthRows();
    expect(pruned.attempts).toBeGreaterThanOrEqual(100);
    expect(pruned.sessions).toBeGreaterThanOrEqual(2);
    const attempts = (await c.query(`SELECT count(*)::int AS n FROM "LoginAttempt" WHERE email = $1`, [email])).rows[0]
      .n;
    expect(attempts).toBe(6);
    const sessions = (await c.query(`SELECT id FROM "AuthSession" WHERE "userId" = $1 ORDER BY id`, [uid])).rows.map(
      (r) => r.id,
    );
    expect(sessions).toEqual([`live-${stamp}`]);
    expect(await sessionIsLive(`live-${stamp}`, uid)).toBe(true);
    // The recent failures still count: the pair is still told to wait.
    await expect(assertMayTry(email, ip)).rejects.toThrow("THROTTLED");
    // Nothing older than the window is left anywhere.
    const stale = (
      await c.query(`SELECT count(*)::int AS n FROM "LoginAttempt" WHERE at < now() - make_interval(secs => $1)`, [
        WINDOW_MS / 1000 + 1,
      ])
    ).rows[0].n;
    expect(stale).toBe(0);
  });

  it("runs from sign-in at most once per interval per process, in bounded batches", async () => {
    expect(pruneDue(null, 0)).toBe(true);
    expect(pruneDue(1_000, 1_000 + PRUNE_EVERY_MS - 1)).toBe(false);
    expect(pruneDue(1_000, 1_000 + PRUNE_EVERY_MS)).toBe(true);
    // A clock set back does not stop pruning for good.
    expect(pruneDue(10 * PRUNE_EVERY_MS, 0)).toBe(true);
    expect(pruneCutoffs(new Date(2_000_000_000_000))).toEqual({
      attemptsBefore: new Date(2_000_000_000_000 - WINDOW_MS),
      sessionsBefore: new Date(2_000_000_000_000),
    });

    const email = emailOf("prune-on-sign-in");
    await failuresAt(email, "192.0.2.91", [WINDOW_MS / 1000 + 5]);
    // A sign-in once the interval has passed prunes (this test asks with a clock an interval ahead)…
    const later = new Date(Date.now() + PRUNE_EVERY_MS);
    const run = maybePruneAuthRows(later);
    expect(run).not.toBeNull();
    expect((await run)!.attempts).toBeGreaterThanOrEqual(1);
    // … and the next sign-in in this process does not prune again.
    expect(maybePruneAuthRows(later)).toBeNull();
    expect((await c.query(`SELECT count(*)::int AS n FROM "LoginAttempt" WHERE email = $1`, [email])).rows[0].n).toBe(
      0,
    );
    // A real sign-in goes through the same door (and is not slowed by it).
    const t0 = Date.now();
    expect(await checkCredentials({ email: emailOf("owner"), password: PASSWORD }, "10.0.0.1")).toMatchObject({
      email: emailOf("owner"),
    });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
