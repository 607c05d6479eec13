import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

// The public scorecard, signed out: the task list with its URL filters, the source text of a
// document reached from a target's quote, and the files crawlers read.

test("a visitor filters the task list by document in Vietnamese and English and sees each task's status", async ({
  page,
}) => {
  await page.goto("/vi/tasks");
  await expect(page.getByTestId("sign-in-link")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhiệm vụ được giao");
  await expect(page.getByTestId("tasks-count")).toHaveText(/^Hiển thị 1–50 trong \d+ nhiệm vụ$/);
  await expect(page.getByTestId("public-task-row")).toHaveCount(50);

  await page.getByLabel("Văn bản").selectOption("1437-2024");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/\/vi\/tasks\?decision=1437-2024(&|$)/);
  const rows = page.getByTestId("public-task-row");
  await expect(page.getByTestId("tasks-count")).toHaveText("Hiển thị 1–32 trong 32 nhiệm vụ");
  await expect(rows).toHaveCount(32);
  for (const row of await rows.all()) await expect(row).toHaveAttribute("data-decision", "1437-2024");
  // Every task shows its status as an icon and words.
  await expect(rows.locator("[data-status]")).toHaveCount(32);
  await expect(rows.first().locator("[data-status]")).toHaveText(
    /(Hoàn thành đúng hạn|Hoàn thành muộn|Đang thực hiện|Thường xuyên|Quá hạn|Chưa có báo cáo|Chưa triển khai)$/,
  );
  await expect(page.getByTestId("tasks-csv")).toHaveAttribute("href", "/api/v1/tasks.csv?decision=1437-2024");
  await expectAccessible(page);

  await page.goto("/vi/tasks?q=khongcotunay");
  await expect(page.getByTestId("tasks-empty")).toBeVisible();
  await expect(page.getByTestId("tasks-count")).toHaveText("Không có nhiệm vụ nào phù hợp bộ lọc.");

  await page.goto("/en/tasks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assigned tasks");
  await page.getByLabel("Document").selectOption("942-2021");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/en\/tasks\?decision=942-2021(&|$)/);
  await expect(page.getByTestId("public-task-row").first()).toHaveAttribute("data-decision", "942-2021");
  await expect(page.getByTestId("public-task-row").first().locator("[data-status]")).toHaveText(
    /(Done on time|Done late|In progress|Ongoing|Overdue|No report yet|Not started)$/,
  );
  const status = await page.getByTestId("public-task-row").first().locator("[data-status]").getAttribute("data-status");
  await page.getByLabel("Status").selectOption(status!);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`decision=942-2021&.*status=${status}(&|$)`));
  for (const s of await page.getByTestId("public-task-row").locator("[data-status]").all())
    await expect(s).toHaveAttribute("data-status", status!);
});

test("a target's quote on a decision page opens the source text at the exact line, highlighted", async ({ page }) => {
  await page.goto("/vi/decisions/411-2022");
  const gdp = page.locator("#\\34 11-2025-de-gdp-share");
  const quote = (await gdp.locator("blockquote").innerText()).replace(/[“”]/g, "");
  const link = gdp.getByTestId("quote-link");
  const href = await link.getAttribute("href");
  const line = /^\/vi\/documents\/411-2022#L(\d+)$/.exec(href ?? "")?.[1];
  expect(line, href ?? "").toBeTruthy();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/vi/documents/411-2022#L${line}$`));

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Toàn văn 411/QĐ-TTg");
  const target = page.locator(`#L${line}`);
  await expect(target).toBeInViewport();
  await expect(target).toContainText(quote.split(/\s+/).slice(0, 4).join(" "));
  await expect(target.getByRole("link", { name: line! })).toHaveAttribute("href", `#L${line}`);
  // The linked line is the :target and stands out from the other highlighted lines around it.
  expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
  const bg = (sel: string) => page.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg(`#L${line}`)).not.toBe(await bg(`#L${Number(line) + 1}`));
  expect(await bg(`#L${line}`)).not.toBe("rgba(0, 0, 0, 0)");
  await expect(page.getByTestId("document-text").locator("> div")).toHaveCount(3370);
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", "vi_VN");
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    "href",
    /\/en\/documents\/411-2022$/,
  );

  // The highlighted line links back to its target on the decision page.
  await target.getByTestId("source-ref").first().click();
  await expect(page).toHaveURL(/\/vi\/decisions\/411-2022#411-2025-de-gdp-share$/);
});

test("a press summary's and a draft's source texts are marked as such, and the viewer is accessible", async ({
  page,
}) => {
  // Axe on the 3,370 lines of 411 takes ~40 s; the markup is the same for every document.
  await page.goto("/vi/documents/749-2020#L20");
  await expect(page.getByRole("note")).toContainText("bản tin báo chí");
  await expect(page.locator("#L20")).toBeInViewport();
  await expect(page.getByTestId("source-ref").first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/en/documents/draft-cds");
  await expect(page.getByRole("note")).toContainText("draft");
  await expect(page.getByText("⚠ Not in force", { exact: true })).toBeVisible();
  await expect(page.getByTestId("decision-page-link")).toHaveAttribute("href", "/en/decisions/draft-cds");
  expect((await page.goto("/vi/documents/..%2F..%2Fpackage.json"))?.status()).toBe(404);
});

test("crawlers get a sitemap of every public page in both languages and are kept out of the signed-in areas", async ({
  request,
}) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  for (const path of [
    "/vi",
    "/en",
    "/vi/tasks",
    "/en/tasks",
    "/vi/decisions/411-2022",
    "/en/documents/411-2022",
    "/vi/documents/draft-cds",
    "/en/indicators/digital-economy-gdp-share",
  ]) {
    expect(xml).toContain(`${path}</loc>`);
  }
  expect(xml).toMatch(/hreflang="en"/);
  expect(xml).not.toContain("/reporting");

  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/vi/reporting", "/en/review", "/vi/admin", "/en/dashboard", "/api/auth"])
    expect(robots).toContain(`Disallow: ${path}`);
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});
