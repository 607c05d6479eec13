import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support";
import { openQuarter } from "../support/periods";

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

test("a reviewer ranks the values awaiting review beside the approved ones, marked; a reporter and the public never see them, nor does the shared cache keep them", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const q = openQuarter();
  const url = `/vi/indicators/${CODE}/compare?period=${q.key}`;
  const hcmPending = '[data-testid="compare-row"][data-agency="T-HO-CHI-MINH"][data-state="SUBMITTED"]';
  // Hồ Chí Minh City submits its value for the open quarter (through the reporting API).
  await signIn(page, "reporter.hcm@cds.gov.vn");
  const ws = await (await page.request.get(`/api/v1/reporting/workspace?period=${q.key}`)).json();
  const item = ws.indicators.find((i: { code: string }) => i.code === CODE);
  const saved = await page.request.post("/api/v1/reporting/observations", {
    data: {
      period: q.key,
      rows: [
        {
          indicatorId: item.indicatorId,
          version: item.version,
          value: "93,25",
          source: "Văn phòng UBND thành phố",
          explanation: "Số liệu hệ thống quản lý văn bản",
          submit: true,
        },
      ],
    },
  });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).data.submitted).toBe(1);
  // Its own reporter asking for values awaiting review gets the public page: no other agency's
  // submission, not even its own, and no box to ask.
  await page.goto(`${url}&submitted=1`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page.getByTestId("compare-counts")).toContainText("đơn vị được giao đã có số liệu đã duyệt");
  await expect(page.locator(hcmPending)).toHaveCount(0);
  await expect(page.getByTestId("compare-submitted-toggle")).toHaveCount(0);
  await signOut(page);

  // The reviewer is offered the box on the public page, ticks it, and sees the submission ranked,
  // marked in words and counted apart.
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto(url);
  await expect(page.locator(hcmPending)).toHaveCount(0);
  const box = page.getByLabel("Gồm cả số liệu đã nộp, đang chờ duyệt");
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(/[?&]submitted=1/);
  const pending = page.locator(hcmPending);
  await expect(pending.getByTestId("compare-value")).toHaveText("93,25%");
  await expect(pending.getByTestId("compare-pending")).toHaveText("chờ duyệt");
  await expect(page.getByTestId("compare-counts")).toContainText(/\d+ đã duyệt, 1 chờ duyệt, \d+ chưa báo cáo/);
  await expect(page.getByLabel("Gồm cả số liệu đã nộp, đang chờ duyệt")).toBeChecked();
  await expectAccessible(page);
  // Answered by Next for this reviewer, not from the shared cache, and kept by no browser.
  const mine = await page.request.get(`${url}&submitted=1`);
  expect(mine.headers()["x-cache"]).toBeUndefined();
  expect(mine.headers()["cache-control"]).toMatch(/no-store/);
  expect(await mine.text()).toContain("93,25%");
  // The reviewer's own public view is the shared entry: approved values only.
  const shared = await page.request.get(url);
  expect(shared.headers()["x-cache"]).toMatch(/HIT|MISS/);
  expect(await shared.text()).not.toContain("93,25");

  // Anonymous visitors, whatever they put in the query string, get the public page.
  const anon = await browser.newContext();
  try {
    for (const u of [`${url}&submitted=1`, url, `${url}&submitted=true`]) {
      const res = await anon.request.get(new URL(u, page.url()).href);
      expect(res.status()).toBe(200);
      const html = await res.text();
      expect(html, u).not.toContain("93,25");
      expect(html, u).not.toContain("SUBMITTED");
      expect(html, u).not.toContain("compare-pending");
      expect(html, u).not.toContain('name="submitted"');
    }
    const anonPage = await anon.newPage();
    await anonPage.goto(new URL(`${url}&submitted=1`, page.url()).href);
    await expect(anonPage.getByTestId("compare-counts")).toBeVisible();
    await expect(anonPage.locator(hcmPending)).toHaveCount(0);
    await expect(anonPage.getByTestId("compare-submitted-toggle")).toHaveCount(0);
  } finally {
    await anon.close();
  }

  // Returned for correction, it is no longer awaiting review: the reviewer's view drops it (and the
  // review queue is as the other tests expect it).
  await page.goto("/vi/review");
  await page.getByRole("checkbox", { name: /Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng/ }).check();
  await page
    .getByLabel("Nhận xét chung (dùng cho các mục không có nhận xét riêng)")
    .fill("Đề nghị kiểm tra lại số liệu của quý.");
  await page.getByRole("button", { name: /Trả lại các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã trả lại 1 mục.");
  await page.goto(`${url}&submitted=1`);
  await expect(page.getByTestId("compare-counts")).toContainText(/\d+ đã duyệt, 0 chờ duyệt/);
  await expect(page.locator(hcmPending)).toHaveCount(0);
});
