// Sessions end on the server: a cookie copied before sign-out, before "sign out everywhere", past
// the idle timeout or past 8 hours from sign-in is refused by next-auth's own session endpoint and
// by readSession (what pages, route handlers and server actions use), however often it was renewed.
import { vi } from "vitest";

// Next's request storage must exist before its modules load, so the handlers can read headers.
await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
  // As a deployment has one (without it next-auth derives one per request shape in tests).
  process.env.NEXTAUTH_SECRET = "sessions-test-secret-0123456789abcdef";
});

import { NextRequest } from "next/server";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { decode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import * as nextauthRoute from "@/app/api/auth/[...nextauth]/route";
import * as meRoute from "@/app/api/me/route";
import { dismissNotices, signOutEverywhere } from "@/modules/auth/actions";
import { checkCredentials } from "@/server/auth";
import { readSession } from "@/server/session";
import { IDLE_TIMEOUT_MS } from "@/server/sessions";

const BASE = "http://localhost";
const EMAIL = "viewer.hanoi@cds.gov.vn";
const PASSWORD = "Demo@2026cds";
type Handler = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** Runs `fn` inside a request scope whose headers (and so cookies) are these, as Next.js does. */
function inRequest<T>(headers: Record<string, string>, path: string, fn: () => Promise<T>): Promise<T> {
  const url = new URL(BASE + path);
  const workStore = { route: path, page: path, forceStatic: false, dynamicShouldError: false };
  const store = createRequestStoreForAPI(
    { headers } as never,
    { pathname: url.pathname, search: url.search } as never,
    undefined as never,
    undefined,
    undefined as never,
    undefined,
  );
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(store as never, fn));
}

async function nextAuth(method: "GET" | "POST", segments: string[], opts: { body?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { host: "localhost" };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
  const path = `/api/auth/${segments.join("/")}`;
  const req = new NextRequest(BASE + path, { method, headers, body: opts.body });
  return inRequest(headers, path, () =>
    (nextauthRoute[method] as unknown as Handler)(req, { params: Promise.resolve({ nextauth: segments }) }),
  );
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
const sessionCookie = (res: Response) => cookiesOf(res).find((c) => /^next-auth\.session-token=./.test(c));

async function csrf(cookie = "") {
  const res = await nextAuth("GET", ["csrf"], { cookie });
  const token = (await res.json()).csrfToken as string;
  return { token, cookie: [cookie, ...cookiesOf(res)].filter(Boolean).join("; ") };
}

/** Signs in through next-auth's credentials callback; returns the session cookie. */
async function signIn(email = EMAIL): Promise<string> {
  const c = await csrf();
  const body = new URLSearchParams({ csrfToken: c.token, email, password: PASSWORD, json: "true" }).toString();
  const res = await nextAuth("POST", ["callback", "credentials"], { body, cookie: c.cookie });
  const cookie = sessionCookie(res);
  expect(cookie, `sign-in answered ${res.status}: ${await res.clone().text()}`).toBeTruthy();
  return cookie!;
}

async function signOut(cookie: string) {
  const c = await csrf(cookie);
  const res = await nextAuth("POST", ["signout"], {
    body: new URLSearchParams({ csrfToken: c.token, json: "true" }).toString(),
    cookie: c.cookie,
  });
  expect(res.status).toBeLessThan(400);
}

/** What next-auth's session endpoint says about this cookie, and the renewed cookie it sets, if any. */
async function session(cookie: string): Promise<{ body: Record<string, unknown>; renewed?: string }> {
  const res = await nextAuth("GET", ["session"], { cookie });
  return { body: await res.json(), renewed: sessionCookie(res) };
}

const claimsWith = (cookie: string) => inRequest({ host: "localhost", cookie }, "/api/me", () => readSession());

let c: pg.Client;
beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  // Quiet next-auth's test-mode configuration warnings (no NEXTAUTH_URL, no secret).
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(async () => c.end());
afterEach(() => vi.useRealTimers());

describe("server-side sessions", () => {
  it("a cookie copied before sign-out is refused everywhere afterwards", async () => {
    const cookie = await signIn();
    expect((await session(cookie)).body).toMatchObject({ uid: expect.any(Number) });
    expect(await claimsWith(cookie)).toMatchObject({ uid: expect.any(Number) });
    await signOut(cookie);
    const after = await session(cookie);
    expect(after.body).toEqual({});
    expect(after.renewed).toBeUndefined();
    expect(await claimsWith(cookie)).toBeNull();
  });

  it("renewing through /api/auth/session never extends a session past 8 hours from sign-in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now();
    let cookie = await signIn();
    // A busy user: the session endpoint every 50 minutes, each answer's cookie used for the next.
    for (let minutes = 50; minutes < 8 * 60; minutes += 50) {
      vi.setSystemTime(t0 + minutes * 60_000);
      const s = await session(cookie);
      expect(s.body, `at ${minutes} min`).toMatchObject({ uid: expect.any(Number) });
      expect(new Date(s.body.expires as string).getTime()).toBe(Math.floor(t0 / 1000) * 1000 + 8 * 3600_000);
      cookie = s.renewed ?? cookie;
      // The renewed JWT itself expires at the session's absolute end, not 8 hours from now.
      const token = await decode({
        token: cookie.split("=").slice(1).join("="),
        secret: "sessions-test-secret-0123456789abcdef",
      }).catch(() => null);
      if (token?.exp) expect(token.exp as number).toBeLessThanOrEqual(Math.floor(t0 / 1000) + 8 * 3600 + 1);
    }
    vi.setSystemTime(t0 + 8 * 3600_000 + 60_000);
    expect((await session(cookie)).body).toEqual({});
    expect(await claimsWith(cookie)).toBeNull();
  });

  it("a session unused for longer than the idle timeout is ended", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.now();
    const cookie = await signIn();
    vi.setSystemTime(t0 + IDLE_TIMEOUT_MS - 60_000);
    expect(await claimsWith(cookie)).not.toBeNull();
    // Used just now: the idle clock restarts from this use.
    vi.setSystemTime(t0 + 2 * IDLE_TIMEOUT_MS - 120_000);
    expect(await claimsWith(cookie)).not.toBeNull();
    vi.setSystemTime(t0 + 3 * IDLE_TIMEOUT_MS);
    expect(await claimsWith(cookie)).toBeNull();
    const row = (
      await c.query(`SELECT "endedWhy" FROM "AuthSession" WHERE "endedAt" IS NOT NULL ORDER BY "endedAt" DESC LIMIT 1`)
    ).rows[0];
    expect(row.endedWhy).toBe("idle");
  });

  it("'sign out everywhere' ends every session of the user, and only theirs", async () => {
    const laptop = await signIn();
    const phone = await signIn();
    const someoneElse = await signIn("reporter.hcm@cds.gov.vn");
    const result = await inRequest({ host: "localhost", cookie: laptop }, "/vi", () => signOutEverywhere());
    expect(result).toMatchObject({ ok: true, data: { ended: expect.any(Number) } });
    expect(result.data!.ended).toBeGreaterThanOrEqual(2);
    for (const cookie of [laptop, phone]) {
      expect((await session(cookie)).body).toEqual({});
      expect(await claimsWith(cookie)).toBeNull();
    }
    expect(await claimsWith(someoneElse)).not.toBeNull();
    const audit = (
      await c.query(`SELECT action FROM "AuditLog" WHERE action = 'auth.signOutEverywhere' AND "actorEmail" = $1`, [
        EMAIL,
      ])
    ).rows;
    expect(audit.length).toBeGreaterThan(0);
  });

  it("signing out everywhere needs a session", async () => {
    const result = await inRequest({ host: "localhost" }, "/vi", () => signOutEverywhere());
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/đăng nhập/);
  });

  it("the owner sees a notice of failed sign-ins from elsewhere once signed in, and can dismiss it", async () => {
    const email = "reporter.bkhcn@cds.gov.vn";
    for (let i = 0; i < 5; i++) await checkCredentials({ email, password: `sai-${i}` }, `198.51.100.${120 + i}`);
    const cookie = await signIn(email);
    const me = async () => (await inRequest({ host: "localhost", cookie }, "/api/me", () => meRoute.GET())).json();
    const { user } = await me();
    expect(user.notices).toHaveLength(1);
    expect(user.notices[0]).toMatchObject({
      failures: 5,
      addresses: expect.arrayContaining(["198.51.100.120", "198.51.100.124"]),
    });
    expect(await inRequest({ host: "localhost", cookie }, "/vi", () => dismissNotices())).toMatchObject({ ok: true });
    expect((await me()).user.notices).toEqual([]);
  });
});
