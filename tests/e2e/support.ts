import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "Demo@2026cds";

export async function signIn(page: Page, email: string, lang: "vi" | "en" = "vi") {
  await page.goto(`/${lang}/login`);
  await page.getByLabel(lang === "vi" ? "Thư điện tử" : "Email").fill(email);
  await page.getByLabel(lang === "vi" ? "Mật khẩu" : "Password").fill(PASSWORD);
  await page.getByRole("button", { name: lang === "vi" ? "Đăng nhập" : "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^(Đăng xuất|Sign out)$/ }).click();
  await expect(page.getByTestId("sign-in-link")).toBeVisible();
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
}

/** Submits the ticked rows of the entry form on screen: the bar's button, then the confirmation. */
export async function submitSelected(page: Page, count: number) {
  await page.getByRole("button", { name: "Nộp các mục đã chọn…" }).click();
  const dialog = page.getByTestId("submit-dialog");
  await expect(dialog.getByTestId("submit-list").locator("li")).toHaveCount(count);
  await dialog.getByRole("button", { name: `Nộp ${count} mục` }).click();
}
