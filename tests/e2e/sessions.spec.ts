// Sessions end on the server: a cookie copied before sign-out is refused by the API and by a
// server action replayed with it, and "sign out everywhere" in one browser ends the session of
// another.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signIn, signOut } from "./support";

test("a cookie copied before sign-out no longer reads /api/me nor saves a draft", async ({ page, baseURL }) => {
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  await page.goto("/vi/reporting");
  const row = page.locator("fieldset", { has: page.getByLabel("Giá trị (%)") }).first();
  await row.getByLabel("Giá trị (%)").fill("41");
  // The draft save as the browser sends it: replayed below with the copied cookie.
  const [saved] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    page.getByRole("button", { name: "Lưu nháp" }).first().click(),
  ]);
  await expect(page.getByTestId("form-message").first()).toHaveText(/Đã lưu nháp/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const headers = await saved.allHeaders();
  const body = saved.postDataBuffer()!;

  await signOut(page);

  const replay = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  try {
    expect((await (await replay.get("/api/me")).json()).user).toBeNull();
    const session = await replay.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    // No renewed session cookie for it either.
    expect(
      session.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]/.test(h.value)),
    ).toEqual([]);
    const pick = (names: string[]) =>
      Object.fromEntries(names.filter((n) => headers[n] !== undefined).map((n) => [n, headers[n]]));
    const action = await replay.post(saved.url(), {
      headers: { ...pick(["next-action", "content-type", "accept", "next-router-state-tree", "origin"]), cookie },
      data: body,
    });
    const text = await action.text();
    expect(text).toContain("Vui lòng đăng nhập");
    expect(text).not.toContain("Đã lưu nháp");
  } finally {
    await replay.dispose();
  }
});

test("'sign out everywhere' in one browser ends the session in another", async ({ browser, baseURL }) => {
  const laptop = await browser.newContext({ baseURL });
  const phone = await browser.newContext({ baseURL });
  try {
    const a = await laptop.newPage();
    const b = await phone.newPage();
    await signIn(a, "viewer.hanoi@cds.gov.vn");
    await signIn(b, "viewer.hanoi@cds.gov.vn");
    await b.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
    await expect(b.getByTestId("sign-in-link")).toBeVisible();
    expect((await (await a.request.get("/api/me")).json()).user).toBeNull();
    await a.reload();
    await expect(a.getByTestId("sign-in-link")).toBeVisible();
  } finally {
    await laptop.close();
    await phone.close();
  }
});
