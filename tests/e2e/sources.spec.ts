// The published-figures page as anonymous visitors get it (script-free); an indicator's page with
// every source side by side and the source its statuses use, changed by a national reviewer; and
// the statistics staff's CSV import: a refused file, a preview with a row's error, a valid file
// confirmed and then shown on the public page; a province's reporter gets 403.
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

test("an indicator's page draws and tabulates every source side by side, and names the status source (default: the statistics office)", async ({
  page,
}) => {
  await page.goto("/vi/indicators/digital-economy-gdp-share");
  // Script-free for anonymous visitors, chart included.
  expect(await page.locator('script[src*="/_next/"]').count()).toBe(0);
  const box = page.getByTestId("indicator-figures");
  await expect(box.getByRole("heading", { name: "Số liệu đã công bố" })).toBeVisible();
  await expect(box.getByTestId("status-source-name")).toHaveAttribute("data-source", "NSO");
  await expect(box.getByTestId("status-source-by")).toContainText("Mặc định");
  await expect(box.getByTestId("status-source-form")).toHaveCount(0);

  // One column per source: the statistics office's series and the ministry's estimates side by side.
  const table = box.getByTestId("figures-indicator");
  await expect(table.locator('th[data-source="NSO"]')).toContainText("Cục Thống kê");
  await expect(table.locator('th[data-source="NSO"]')).toContainText("dùng để tính trạng thái");
  await expect(table.locator('th[data-source="MST"]')).toContainText("Bộ Khoa học và Công nghệ");
  for (const [period, nso, mst] of [
    ["2022", "12,83%", "14,26%"],
    ["2023", "12,87%", "16,5%"],
    ["2024", "13,17%", "18,3%"],
  ]) {
    const row = table.locator(`tr[data-period="${period}"]`);
    await expect(row).toHaveAttribute("data-conflict", "true");
    await expect(row.locator('td[data-source="NSO"]').getByTestId("figure-value")).toHaveText(nso);
    await expect(row.locator('td[data-source="MST"]').getByTestId("figure-value")).toHaveText(mst);
  }
  const mst2024 = table.locator('tr[data-period="2024"] td[data-source="MST"]').getByTestId("figure-value");
  await expect(mst2024).toHaveAttribute("href", /^https?:\/\//);
  await expect(mst2024).toHaveAttribute("title", /18,3/);
  await expect(box).toContainText("14,02");
  await expect(box.getByRole("link", { name: /Xem mọi kỳ/ })).toHaveAttribute(
    "href",
    "/vi/sources?indicator=digital-economy-gdp-share",
  );

  // The chart draws each source as its own labelled series, apart from the agencies' reports,
  // which stay labelled illustrative.
  const chart = page.getByTestId("indicator-chart");
  await expect(chart.locator('g[data-source="NSO"]')).toHaveCount(1);
  await expect(chart.locator('g[data-source="MST"]')).toHaveCount(1);
  await expect(chart).toContainText("Cục Thống kê (Tổng cục Thống kê đến 2025) (số liệu công bố)");
  await expect(chart).toContainText("Báo cáo của cơ quan trên cổng (số liệu minh họa)");
  await expectAccessible(page);

  await page.goto("/en/indicators/digital-economy-gdp-share");
  await expect(page.getByTestId("indicator-figures").getByRole("heading", { name: "Published figures" })).toBeVisible();
  await expect(page.getByTestId("status-source-by")).toContainText("Default");
  await expect(page.getByTestId("indicator-figures")).toContainText("14.02");
  await expect(page.getByTestId("indicator-chart")).toContainText("(published figures)");
});

test("a national reviewer changes an indicator's status source with a reason, and the public page shows who, when and why", async ({
  page,
  request,
}) => {
  const path = "/vi/indicators/ecommerce-retail-share";
  const reason = `Khảo sát doanh nghiệp phủ rộng hơn (kiểm thử ${Date.now()})`;
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto(path);
  const panel = page.getByTestId("status-source");
  const before = await panel.getByTestId("status-source-name").getAttribute("data-source");
  const target = before === "MOIT" ? "VECOM" : "MOIT";
  await panel.getByText("Đổi nguồn tính trạng thái", { exact: true }).click();
  const form = panel.getByTestId("status-source-form");
  await form.getByLabel("Nguồn", { exact: true }).selectOption(target);
  const open = form.getByRole("button", { name: "Đổi nguồn…" });
  const dialog = page.getByTestId("status-source-dialog");

  // Without a reason: refused, the message next to the field and the focus on it.
  await open.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Xác nhận đổi nguồn" }).click();
  const reasonField = form.getByLabel(/^Lý do/);
  await expect(form.locator("#status-source-reason-error")).toHaveText("Vui lòng ghi lý do (ít nhất 5 ký tự).");
  await expect(reasonField).toHaveAttribute("aria-invalid", "true");
  await expect(reasonField).toBeFocused();

  // By keyboard: the dialog opens with Enter, Escape cancels it, Enter on its button confirms.
  await reasonField.fill(reason);
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(reason);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await open.focus();
  await page.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "Xác nhận đổi nguồn" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByTestId("form-message")).toHaveText("Đã đổi nguồn dùng để tính trạng thái.");
  await expect(panel.getByTestId("status-source-name")).toHaveAttribute("data-source", target);
  await expectAccessible(page);
  await signOut(page);

  // What an anonymous visitor gets, once the change has reached the cached public page.
  await expect(async () => {
    const html = await (await request.get(path, { headers: { cookie: "" } })).text();
    expect(html).toContain(reason);
  }).toPass({ timeout: 10_000 });
  await page.goto(path);
  expect(await page.locator('script[src*="/_next/"]').count()).toBe(0);
  await expect(page.getByTestId("status-source-name")).toHaveAttribute("data-source", target);
  const by = page.getByTestId("status-source-by");
  await expect(by).toContainText("Do cán bộ thẩm định quốc gia (Cục Chuyển đổi số quốc gia) chọn ngày");
  await expect(by).toContainText(`Lý do: ${reason}`);
  // The judgement is public, the reviewer's name is not.
  expect(await page.content()).not.toContain("Cán bộ thẩm định (Cục CĐS QG)");
  await expect(page.getByTestId("status-source-form")).toHaveCount(0);
  await page.getByText(/Lịch sử lựa chọn/).click();
  await expect(page.getByTestId("status-source-history").locator("li").first()).toContainText(reason);
  await expectAccessible(page);

  const api = await (await request.get("/api/v1/indicators/ecommerce-retail-share")).json();
  expect(api.data.statusSource).toMatchObject({ code: target, by: "reviewer", agency: "CDSQG", reason });
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
