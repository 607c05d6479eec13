import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

test("the home page lists the five documents in Vietnamese and switches to English", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/vi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Văn bản chỉ đạo về chuyển đổi số");
  await expect(page.getByTestId("decision-link")).toHaveCount(5);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents governing digital transformation");
});

test("a decision page shows its targets with verbatim quotes and its tasks by heading", async ({ page }) => {
  await page.goto("/vi");
  await page.getByTestId("decision-link").filter({ hasText: "411/QĐ-TTg" }).click();
  await expect(page).toHaveURL(/\/vi\/decisions\/411-2022$/);
  const gdp = page.locator("#\\34 11-2025-de-gdp-share");
  await expect(gdp.getByTestId("threshold")).toHaveText("≥ 20%");
  await expect(gdp).toContainText("“Tỷ trọng kinh tế số đạt 20% GDP”");
  await expect(page.getByRole("heading", { name: /A\.I · Hoàn thiện thể chế/ })).toBeVisible();
  await expect(page.getByTestId("task-row")).toHaveCount(171);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en\/decisions\/411-2022$/);
  await expect(page.getByRole("heading", { name: /Quantitative targets/ })).toBeVisible();
});

test("misprints are shown as data-quality notes and a draft is marked as not in force", async ({ page }) => {
  await page.goto("/en/decisions/942-2021");
  await expect(page.getByTestId("number-canonical")).toHaveText("942/QĐ-TTg");
  await expect(page.getByTestId("quality-note").filter({ hasText: "342 /QĐ-TTg" }).first()).toBeVisible();

  await page.goto("/vi/decisions/draft-cds");
  await expect(page.getByRole("note")).toContainText("bản dự thảo");
  await expect(page.getByText("⚠ Không có hiệu lực", { exact: true })).toBeVisible();
});

test("an unknown document is a 404", async ({ page }) => {
  const res = await page.goto("/vi/decisions/khong-co");
  expect(res?.status()).toBe(404);
});
