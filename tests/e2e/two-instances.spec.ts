// Two stateless portal instances on one PostgreSQL, as behind a load balancer: a session made on
// one is valid on the other (and ended on both by signing out), failed sign-ins on one slow the
// same account and address on the other (and nobody else), and an
// approval made through instance A reaches the public pages instance B serves from its cache
// within seconds, without a restart or a purge. An account's owner is told, on signing in, of
// failed sign-ins to it from elsewhere.
import { spawn, type ChildProcess } from "node:child_process";
import { TEST_NOW, openQuarter } from "../support/periods";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect as baseExpect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { startEmbedded, type RunningDb } from "../../src/server/db/embedded";
import { PASSWORD, submitSelected } from "./support";

// Three Next.js servers share two cores here: give each step more time than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const A = `http://127.0.0.1:${BASE_PORT}`;
const B = `http://127.0.0.1:${BASE_PORT + 1}`;
const INDICATOR = "/vi/indicators/digital-economy-gdp-share";

let db: RunningDb;
let dataDir: string;
const children: ChildProcess[] = [];

function launch(script: string, port: number, url: string, extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(
    path.join("node_modules", ".bin", "tsx"),
    [script, ...(script.endsWith("start.ts") ? ["--no-build"] : [])],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        // Shared by every instance, as a deployment would set them.
        NEXTAUTH_SECRET: "two-instances-test-secret-0123456789abcdef",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PUBLIC_CACHE_POLL_MS: "1000",
        ...extraEnv,
        NOW: TEST_NOW,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  children.push(child);
  return child;
}

async function waitUp(base: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/vi`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start`);
}

async function signInAt(page: Page, base: string, email: string, { password = PASSWORD, refused = false } = {}) {
  await page.goto(`${base}/vi/login`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  if (refused) await expect(page.getByText(/không đúng|bị khóa|Đăng nhập sai nhiều lần/)).toBeVisible();
  else await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "cds-two-"));
  db = await startEmbedded(dataDir);
  // A: `npm start` against the shared database (migrations, seed, serve); B: the server alone.
  launch("src/cli/start.ts", BASE_PORT, db.url);
  await waitUp(A);
  // B stands behind a (pretend) proxy on loopback: it believes the X-Forwarded-For this test sends.
  launch("src/cli/serve.ts", BASE_PORT + 1, db.url, { TRUSTED_PROXIES: "127.0.0.1" });
  await waitUp(B);
});

test.afterAll(async () => {
  for (const c of children) {
    if (c.exitCode === null) {
      c.kill("SIGTERM");
      await new Promise((r) => c.once("exit", r));
    }
  }
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a session made on instance A is valid on instance B; sign-out ends it on both, even for a copied cookie", async ({
  page,
}) => {
  await signInAt(page, A, "viewer.hanoi@cds.gov.vn");
  // Same host, other port: the browser sends the same cookie to B.
  const me = await page.request.get(`${B}/api/me`);
  expect(me.status()).toBe(200);
  expect((await me.json()).user?.email).toBe("viewer.hanoi@cds.gov.vn");
  const copied = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  // Signing out on B ends the session for A too.
  await page.goto(`${B}/vi`);
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page.getByTestId("sign-in-link")).toBeVisible();
  expect((await (await page.request.get(`${A}/api/me`)).json()).user).toBeNull();
  const replay = await playwrightRequest.newContext({ extraHTTPHeaders: { cookie: copied } });
  for (const base of [A, B]) expect((await (await replay.get(`${base}/api/me`)).json()).user, base).toBeNull();
  await replay.dispose();
});

/** A sign-in through next-auth's API (as the form sends it), from `forwardedFor` when given; returns next-auth's error code or "ok". */
async function apiSignIn(base: string, email: string, password: string, forwardedFor?: string): Promise<string> {
  const ctx = await playwrightRequest.newContext({
    extraHTTPHeaders: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  });
  try {
    const { csrfToken } = await (await ctx.get(`${base}/api/auth/csrf`)).json();
    const res = await ctx.post(`${base}/api/auth/callback/credentials`, {
      form: { csrfToken, email, password, json: "true" },
    });
    const url = new URL((await res.json()).url as string);
    return url.searchParams.get("error") ?? "ok";
  } finally {
    await ctx.dispose();
  }
}

test("failed sign-ins on A slow that account from that address on B, and nobody else", async ({ page }) => {
  const email = "reporter.hcm@cds.gov.vn";
  for (let i = 0; i < 8; i++) await apiSignIn(A, email, `sai-mat-khau-${i}`);
  // The right password from the same address, on the other instance: told to wait.
  expect(await apiSignIn(B, email, PASSWORD, "127.0.0.1")).toBe("THROTTLED");
  await signInAt(page, B, email, { refused: true });
  await expect(page.getByText("Đăng nhập sai nhiều lần từ nơi này")).toBeVisible();
  // The owner elsewhere (B believes its proxy's X-Forwarded-For) signs in at once.
  expect(await apiSignIn(B, email, PASSWORD, "203.0.113.50")).toBe("ok");
  // A client-written X-Forwarded-For on A (no trusted proxies) is ignored: still this address, still waiting.
  expect(await apiSignIn(A, email, PASSWORD, "203.0.113.51")).toBe("THROTTLED");
});

test("after failed sign-ins from elsewhere the owner sees a notice on signing in, and can dismiss it", async ({
  page,
}) => {
  const email = "reporter.hanoi@cds.gov.vn";
  // Five wrong passwords from five other addresses (B believes its proxy's X-Forwarded-For): none
  // of them is slowed, and the owner, at their own address, is not either.
  const from = [60, 61, 62, 63, 64].map((n) => `203.0.113.${n}`);
  for (const ip of from) expect(await apiSignIn(B, email, `sai-mat-khau-${ip}`, ip)).toBe("CredentialsSignin");
  await signInAt(page, B, email);
  const notice = page.getByTestId("sign-in-notice");
  await expect(notice).toContainText("Có 5 lần đăng nhập sai vào tài khoản của bạn gần đây");
  for (const ip of [from[0], from[4]]) await expect(notice).toContainText(ip);
  await notice.getByRole("button", { name: "Đã xem" }).click();
  await expect(notice).toBeHidden();
  // Seen is remembered on the server: not shown again after a reload, nor on the other instance.
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page.getByTestId("sign-in-notice")).toHaveCount(0);
  const me = await (await page.request.get(`${A}/api/me`)).json();
  expect(me.user.email).toBe(email);
  expect(me.user.notices).toEqual([]);
  await page.context().clearCookies();
  // An account with no failures sees no notice.
  await signInAt(page, A, "viewer.hanoi@cds.gov.vn");
  await expect(page.getByTestId("sign-in-notice")).toHaveCount(0);
  await page.context().clearCookies();
});

test("an approval made through A shows on the public pages B serves from its cache within seconds", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // B has the indicator page and the open-data list cached.
  for (const url of [INDICATOR, "/api/v1/indicators?pageSize=500"]) {
    await request.get(B + url);
    expect((await request.get(B + url)).headers()["x-cache"], url).toBe("HIT");
  }
  await expect(await (await request.get(B + INDICATOR)).text()).not.toContain("23,1%");

  // The reporter submits on B, the reviewer approves on A.
  await signInAt(page, B, "reporter.bkhcn@cds.gov.vn");
  await page.goto(`${B}/vi/reporting`);
  const gdp = page.locator("fieldset", { has: page.getByText("Tỷ trọng kinh tế số trong GDP", { exact: true }) });
  await gdp.getByLabel("Giá trị (%)").fill("23,1");
  await gdp.getByLabel("Nguồn / phương pháp").fill("Tổng cục Thống kê");
  await gdp.getByLabel("Chọn để nộp").check();
  await submitSelected(page, 1);
  await expect(page.getByTestId("form-message").first()).toContainText("Đã nộp 1 mục");
  await page.context().clearCookies();

  await signInAt(page, A, "reviewer@cds.gov.vn");
  await page.goto(`${A}/vi/review`);
  await page.getByRole("checkbox", { name: /Tỷ trọng kinh tế số trong GDP/ }).check();
  await page.getByRole("button", { name: /Duyệt các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã duyệt 1 mục.");
  const approvedAt = Date.now();

  // B notices within its poll interval; measure how long a visitor of B waits for the new value.
  let seen = 0;
  await expect
    .poll(
      async () => {
        const html = await (await request.get(B + INDICATOR)).text();
        if (html.includes("23,1%") && !seen) seen = Date.now();
        return html.includes("23,1%");
      },
      { timeout: 10_000, intervals: [100] },
    )
    .toBe(true);
  console.log(`two instances: approval through A visible on B after ${seen - approvedAt} ms`);
  expect(seen - approvedAt).toBeLessThan(5_000);
  const api = await (await request.get(`${B}/api/v1/indicators?pageSize=500`)).json();
  expect(api.data.find((i: { code: string }) => i.code === "digital-economy-gdp-share").latest).toMatchObject({
    period: openQuarter().key,
    value: 23.1,
  });
  // …and B serves the new page from its cache again.
  expect((await request.get(B + INDICATOR)).headers()["x-cache"]).toBe("HIT");
  await page.goto(`${B}/en`);
  await expect(page.getByTestId("indicator-card").filter({ hasText: "Digital economy share of GDP" })).toContainText(
    "23.1%",
  );
});
