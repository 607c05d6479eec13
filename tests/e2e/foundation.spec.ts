import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

test("the home page lists the five seeded documents in Vietnamese and switches to English", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/vi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Việt Nam đang ở đâu so với các mục tiêu chuyển đổi số?",
  );
  await expect(page.getByTestId("indicator-card").first()).toBeVisible();
  // The five seeded documents; a document published in the browser by an earlier test may be listed too.
  for (const key of ["749-2020", "942-2021", "411-2022", "1437-2024", "draft-cds"])
    await expect(page.locator(`[data-testid="decision-link"][href="/vi/decisions/${key}"]`)).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Switch to English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Where does Viet Nam stand on its digital-transformation targets?",
  );
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

test("the scorecard filters indicator cards by text, pillar and status without a reload", async ({ page }) => {
  await page.goto("/vi");
  const cards = page.getByTestId("indicator-card");
  const total = await cards.count();
  expect(total).toBeGreaterThan(40);
  await page.getByLabel("Tìm chỉ số").fill("kinh tế số trong GDP");
  await expect(page.getByTestId("cards-shown")).toHaveText("Đang hiển thị 1 chỉ số");
  await expect(cards.filter({ visible: true })).toHaveCount(1);
  await expect(cards.filter({ visible: true })).toContainText("Tỷ trọng kinh tế số trong GDP");
  await page.getByLabel("Tìm chỉ số").fill("");
  await page.locator("#card-status").selectOption("MISSED");
  const missed = await cards.filter({ visible: true }).count();
  expect(missed).toBeGreaterThan(0);
  expect(missed).toBeLessThan(total);
  for (const card of await cards.filter({ visible: true }).all())
    await expect(card.locator('[data-status="MISSED"]').first()).toBeVisible();
});

test("any scorecard page can be viewed as published at the end of a past quarter", async ({ page }) => {
  await page.goto("/vi");
  await page.getByLabel("Xem như đã công bố cuối quý").selectOption("2026-Q2");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(/\/vi\/archive\/2026-Q2$/);
  await expect(page.getByTestId("as-published")).toContainText("cuối Quý II/2026");
  await page.getByTestId("indicator-card").getByRole("link", { name: "Tỷ trọng kinh tế số trong GDP" }).click();
  await expect(page).toHaveURL(/\/vi\/archive\/2026-Q2\/indicators\/digital-economy-gdp-share$/);
  await expect(page.getByTestId("as-published")).toBeVisible();
  // Q2/2026 values were approved in July: the page shows what was public at the end of June.
  await expect(page.getByTestId("indicator-latest")).toBeVisible();
  await expect(page.getByTestId("indicator-data")).not.toContainText("Quý II/2026");
  await expect(page.getByTestId("indicator-data")).toContainText("Quý I/2026");
  await expectAccessible(page);
});

test("pages are served with security headers that they actually pass", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  const res = await page.goto("/vi/indicators/digital-economy-gdp-share");
  const h = res!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByTestId("indicator-chart").locator("svg").first()).toBeVisible();
  await page.goto("/vi/login");
  await page.getByLabel("Thư điện tử").fill("reviewer@cds.gov.vn");
  await page.getByLabel("Mật khẩu").fill("Demo@2026cds");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  expect(violations).toEqual([]);
});
