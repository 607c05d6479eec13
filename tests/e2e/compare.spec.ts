import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

const CODE = "work-records-processed-online-share";

/** Hà Nội's latest approved value of the indicator, as the open-data API publishes it. */
async function hanoiLatest(page: Page): Promise<{ period: string; value: number }> {
  const res = await page.request.get(`/api/v1/observations?indicator=${CODE}&agency=T-HA-NOI&pageSize=500`);
  const rows: { period: string; value: number }[] = (await res.json()).data;
  return rows.sort((a, b) => a.period.localeCompare(b.period)).at(-1)!;
}

test("the public comparison ranks the agencies' approved values against the floor, script-free, on a phone too", async ({
  page,
}) => {
  const latest = await hanoiLatest(page);
  const res = await page.goto(`/vi/indicators/${CODE}/compare?period=${latest.period}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("So sánh các đơn vị");
  const hanoi = page.locator('[data-testid="compare-row"][data-agency="T-HA-NOI"]');
  await expect(hanoi.getByTestId("compare-value")).toHaveText(`${String(latest.value).replace(".", ",")}%`);
  await expect(hanoi).toContainText(/Mức sàn 2025 \(≥ 90%\): (✔ Đạt|✘ Chưa đạt)/);
  await expect(page.getByTestId("compare-counts")).toContainText("đơn vị được giao");
  // Anonymous visitors get the script-free page: no Next runtime.
  expect(await page.locator("script[src*='/_next/']").count()).toBe(0);
  await expectAccessible(page);
  // Choosing another quarter is a plain GET form.
  await page.locator("select#period").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(/compare\?period=\d{4}-Q[1-4]/);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/vi/indicators/${CODE}/compare?period=${latest.period}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // The indicator page shows the per-unit values its floor's status comes from, and links here.
  await page.goto(`/vi/indicators/${CODE}`);
  const units = page.getByTestId("unit-values").first();
  await expect(units).toContainText("Thành phố Hà Nội");
  await expect(units.getByRole("link", { name: /So sánh các đơn vị/ })).toHaveAttribute(
    "href",
    new RegExp(`/vi/indicators/${CODE}/compare\\?period=`),
  );
});

test("Hà Nội's dashboard shows Hà Nội's own approved values beside the national ones", async ({ page }) => {
  const latest = await hanoiLatest(page);
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  await page.goto("/vi/dashboard/agencies/T-HA-NOI?milestone=2025&decision=749-2020");
  const table = page.getByTestId("targets-list");
  await expect(table.locator("th", { hasText: "Giá trị mới nhất · Thành phố Hà Nội" })).toBeVisible();
  await expect(table.locator("th", { hasText: "Giá trị mới nhất · Toàn quốc" })).toBeVisible();
  const row = table.locator('[data-target="749-2020-2025-work-records-online-central-province"]');
  const [y, q] = latest.period.split("-Q");
  await expect(row.getByTestId("own-latest")).toContainText(
    `${String(latest.value).replace(".", ",")}% (Quý ${["I", "II", "III", "IV"][Number(q) - 1]}/${y})`,
  );
});

test("public summaries show every status column at 1440 px, link each status to its definition, and tasks read as cards on a phone", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/vi");
  const summary = page.getByTestId("summary-2025");
  await expect(summary.locator("thead th")).toHaveCount(10);
  // Every column visible without scrolling.
  const fits = await summary.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth);
  expect(fits).toBe(true);
  const help = summary.locator('[data-testid="status-help"]').first();
  await expect(help).toHaveAttribute("href", /\/vi\/methodology#status-[A-Z_]+$/);
  await help.click();
  await expect(page.locator(":target")).toBeVisible();

  // A task nobody has reported on is "no report yet", not overdue.
  await page.goto("/vi/tasks?status=NO_REPORT");
  await expect(page.getByTestId("task-status").first()).toHaveText(/Chưa có báo cáo/);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/vi/tasks");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const status = page.getByTestId("task-status").first();
  const box = (await status.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  await expectAccessible(page);
});
