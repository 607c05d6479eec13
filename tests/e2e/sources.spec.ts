// The published-figures page as anonymous visitors get it (script-free), and the statistics
// staff's CSV import: a refused file, a preview with a row's error, a valid file confirmed and then
// shown on the public page; a province's reporter gets 403.
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support";

const COLUMNS =
  "indicator;source;period;value;provisional;release_title;release_date;release_url;quote;printed;revises_url;revises_date;definition_note";
// A test release: example.test address and a title saying so, never mistaken for a real one.
const ROW =
  "digital-economy-gdp-share;NSO;2026-Q1;14,5;có;Bản công bố thử nghiệm (e2e);2026-04-06;https://example.test/e2e;Tỷ trọng ước đạt 14,5% (câu thử nghiệm);14,5%;;;";
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${COLUMNS}\r\n${rows.join("\r\n")}\r\n`, "utf8");

test("the sources page shows each source side by side with quotes and revisions, script-free, in Vietnamese format", async ({
  page,
}) => {
  const res = await page.goto("/vi/sources?indicator=digital-economy-gdp-share");
  expect(res?.status()).toBe(200);
  // Anonymous visitors get the lite page: none of Next's scripts.
  expect(await page.locator('script[src*="/_next/"]').count()).toBe(0);
  const table = page.locator('[data-testid="figures-indicator"][data-indicator="digital-economy-gdp-share"]');
  await expect(table).toHaveCount(1);
  const nso2022 = table.locator('tr[data-period="2022"] td[data-source="NSO"]');
  await expect(nso2022.getByTestId("figure-value")).toHaveText("12,83%");
  await expect(nso2022.getByTestId("figure-revised").first()).toHaveText("điều chỉnh từ 12,63% (24/11/2024)");
  await expect(nso2022.getByTestId("figure-revised")).toHaveCount(3);
  await expect(nso2022.getByTestId("figure-value")).toHaveAttribute("href", /baomoi\.net\.vn/);
  await nso2022.locator("summary").click();
  await expect(nso2022.locator("blockquote")).toContainText("12,83%");
  await expect(
    table.locator('tr[data-period="2025"] td[data-source="NSO"]').getByTestId("figure-provisional"),
  ).toHaveText("sơ bộ");
  await expectAccessible(page);

  await page.goto("/en/sources?indicator=digital-economy-gdp-share");
  await expect(
    page.locator('tr[data-period="2022"] td[data-source="NSO"]').getByTestId("figure-revised").first(),
  ).toHaveText("revised from 12.63% (24 November 2024)");

  await page.goto("/vi/sources?indicator=khong-co-chi-tieu-nay");
  await expect(page.getByTestId("sources-empty")).toBeVisible();
  await page.goto("/vi/sources");
  expect(await page.getByTestId("figures-indicator").count()).toBeGreaterThan(1);
  await expect(page.getByRole("link", { name: "Nguồn số liệu" })).toBeVisible();
});

test("an indicator's page names each source's latest published value and links to every period", async ({ page }) => {
  await page.goto("/vi/indicators/digital-economy-gdp-share");
  const box = page.getByTestId("indicator-figures");
  await expect(box.getByRole("heading", { name: "Số liệu đã công bố" })).toBeVisible();
  // The statistics office's latest release and the ministry's, side by side, in Vietnamese format.
  await expect(box).toContainText("Cục Thống kê");
  await expect(box).toContainText("Bộ Khoa học và Công nghệ");
  await expect(box).toContainText("14,02");
  await expect(box.getByRole("link", { name: /Xem mọi kỳ/ })).toHaveAttribute(
    "href",
    "/vi/sources?indicator=digital-economy-gdp-share",
  );
  await expectAccessible(page);
  await page.goto("/en/indicators/digital-economy-gdp-share");
  await expect(page.getByTestId("indicator-figures").getByRole("heading", { name: "Published figures" })).toBeVisible();
  await expect(page.getByTestId("indicator-figures")).toContainText("14.02");
});

test("a province's reporter is refused the import screen with 403", async ({ page }) => {
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  expect((await page.goto("/vi/sources/import"))?.status()).toBe(403);
  await signOut(page);
});

test("a reviewer previews a CSV, sees a refused file and a row's error, confirms a valid one and the public page shows it", async ({
  page,
  context,
}) => {
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/sources/import");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thêm bản công bố số liệu");
  await expectAccessible(page);
  const file = page.getByTestId("figures-file");

  // An Excel workbook renamed .csv is refused with a message on the file field.
  await file.setInputFiles({
    name: "so-lieu.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]),
  });
  await page.getByTestId("figures-upload").click();
  await expect(page.locator("#figures-file-errors")).toContainText("không phải là tệp CSV");
  await expect(file).toHaveAttribute("aria-invalid", "true");

  // A file with a bad row: previewed, the row's error next to it, nothing to confirm.
  await file.setInputFiles({
    name: "so-lieu.csv",
    mimeType: "text/csv",
    buffer: csv(ROW, ROW.replace("NSO", "GSO").replace("/e2e", "/e2e-2")),
  });
  await page.getByTestId("figures-upload").click();
  await expect(page.getByTestId("figures-summary")).toHaveText("1 dòng hợp lệ, 1 dòng lỗi");
  await expect(
    page.locator('[data-testid="figures-row"][data-line="3"] [data-testid="figures-row-errors"]'),
  ).toContainText("Không có nguồn mã “GSO”");
  await expect(page.getByTestId("figures-confirm")).toHaveCount(0);
  await expect(page.getByTestId("figures-blocked")).toBeVisible();
  await page.getByTestId("figures-cancel").click();
  await expect(page.getByTestId("figures-status")).toContainText("Đã hủy");

  // A valid file: preview, confirm, then the public page has it.
  await file.setInputFiles({ name: "so-lieu.csv", mimeType: "text/csv", buffer: csv(ROW) });
  await page.getByTestId("figures-upload").click();
  await expect(page.getByTestId("figures-summary")).toHaveText("1 dòng hợp lệ, 0 dòng lỗi");
  await expect(page.locator('[data-testid="figures-row"][data-line="2"] [data-testid="figures-read-as"]')).toHaveText(
    "= 14,5",
  );
  await page.getByTestId("figures-confirm").click();
  await expect(page.getByTestId("figures-status")).toContainText("Đã thêm 1 số liệu công bố.");

  const visitor = await context.browser()!.newContext();
  const anon = await visitor.newPage();
  await anon.goto("/vi/sources?indicator=digital-economy-gdp-share");
  await expect(anon.locator('tr[data-period="2026-Q1"] td[data-source="NSO"]').getByTestId("figure-value")).toHaveText(
    "14,5%",
  );
  await visitor.close();
});

test("an administrator working in English gets the preview's errors in English", async ({ page }) => {
  await signIn(page, "admin@cds.gov.vn", "en");
  await page.goto("/en/sources/import");
  await page
    .getByTestId("figures-file")
    .setInputFiles({ name: "figures.csv", mimeType: "text/csv", buffer: csv(ROW.replace("14,5;có", "fourteen;yes")) });
  await page.getByTestId("figures-upload").click();
  await expect(page.getByTestId("figures-summary")).toHaveText("0 valid, 1 with errors");
  await expect(
    page.locator('[data-testid="figures-row"][data-line="2"] [data-testid="figures-row-errors"]'),
  ).toContainText("value: The value must be a number");
  await expectAccessible(page);
});
