// The whole reporting cycle in a real browser: entry with a mistake, draft, submission, return
// with a comment, correction, approval, and publication on the API and the decision page.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut, submitSelected } from "./support";
import { openQuarter } from "../support/periods";

// The quarter open on the tests' clock.
const OPEN = openQuarter();

const row = (page: Page, name: string) => page.locator("fieldset", { has: page.getByText(name, { exact: true }) });

test("reporter → reviewer → reporter → reviewer → public", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, "reporter.bkhcn@cds.gov.vn");
  await page.goto("/vi/reporting");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Báo cáo kỳ ${OPEN.labelVi}`);
  await expect(page.getByTestId("progress-count")).toContainText("Đã nộp 0/");
  await expectAccessible(page);

  const gdp = row(page, "Tỷ trọng kinh tế số trong GDP");
  const egdi = row(page, "Xếp hạng Chính phủ điện tử (EGDI) của Liên hợp quốc");
  const fibre = row(page, "Tỷ lệ hộ gia đình được phủ hạ tầng mạng băng rộng cáp quang");
  await gdp.getByLabel("Giá trị (%)").fill("19,2");
  await gdp.getByLabel("Nguồn / phương pháp").fill("Tổng cục Thống kê");
  await egdi.getByLabel("Giá trị (hạng)").fill("0");
  await fibre.getByLabel("Giá trị (%)").fill("82");
  await page.getByRole("button", { name: "Lưu nháp" }).first().click();

  // The error sits next to the rank field; the other values are still there.
  await expect(egdi.getByTestId("field-error")).toHaveText("Thứ hạng phải là số nguyên dương (1, 2, 3…).");
  await expect(egdi.getByLabel("Giá trị (hạng)")).toHaveAttribute("aria-invalid", "true");
  await expect(gdp.getByLabel("Giá trị (%)")).toHaveValue("19,2");
  await expect(gdp.getByLabel("Nguồn / phương pháp")).toHaveValue("Tổng cục Thống kê");
  await expect(fibre.getByLabel("Giá trị (%)")).toHaveValue("82");

  await egdi.getByLabel("Giá trị (hạng)").fill("68");
  await page.getByRole("button", { name: "Lưu nháp" }).first().click();
  await expect(page.getByTestId("form-message").first()).toHaveText("Đã lưu nháp 3 mục.");
  await expect(gdp.getByText("Bản nháp")).toBeVisible();

  for (const r of [gdp, egdi, fibre]) await r.getByLabel("Chọn để nộp").check();
  await submitSelected(page, 3);
  await expect(page.getByTestId("form-message").first()).toHaveText("Đã nộp 3 mục (đã lưu 3 mục).");
  await expect(page.getByTestId("progress-count")).toContainText("Đã nộp 3/");
  await signOut(page);

  // The reviewer returns the GDP value and approves the other two.
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/review");
  await expect(page.getByTestId("review-row")).toHaveCount(3);
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /Tỷ trọng kinh tế số trong GDP/ }).check();
  await page
    .getByLabel("Nhận xét chung (dùng cho các mục không có nhận xét riêng)")
    .fill("Đề nghị ghi rõ kỳ số liệu của Tổng cục Thống kê.");
  await page.getByRole("button", { name: /Trả lại các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã trả lại 1 mục.");
  await expect(page.getByTestId("review-row")).toHaveCount(2);
  await page.getByTestId("review-select-all").check();
  await expect(page.getByTestId("review-selected")).toHaveText("Đã chọn 2 mục");
  await page.getByRole("button", { name: /Duyệt các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã duyệt 2 mục.");
  await signOut(page);

  // The reporter sees the comment, fixes and resubmits.
  await signIn(page, "reporter.bkhcn@cds.gov.vn");
  await page.goto("/vi/reporting");
  await expect(gdp.getByTestId("review-comment")).toContainText("Đề nghị ghi rõ kỳ số liệu");
  await expect(gdp.getByText("Bị trả lại")).toBeVisible();
  await expect(egdi.getByText("Đã duyệt")).toBeVisible();
  await gdp.getByLabel("Giá trị (%)").fill("19,4");
  await gdp.getByLabel("Nguồn / phương pháp").fill(`Tổng cục Thống kê, số liệu ước tính ${OPEN.labelVi.toLowerCase()}`);
  await gdp.getByLabel("Chọn để nộp").check();
  await submitSelected(page, 1);
  await expect(page.getByTestId("form-message").first()).toHaveText("Đã nộp 1 mục (đã lưu 1 mục).");
  await signOut(page);

  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/review");
  await expect(page.getByTestId("review-row")).toHaveCount(1);
  await expect(page.getByTestId("review-value")).toHaveText("19,4%");
  await page.getByTestId("review-select-all").check();
  await page.getByRole("button", { name: /Duyệt các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã duyệt 1 mục.");
  await expect(page.getByText("Không có mục nào chờ duyệt.")).toBeVisible();

  // Published: the open-data API and the decision page show the approved value.
  const api = await (await request.get("/api/v1/observations?indicator=digital-economy-gdp-share&pageSize=500")).json();
  expect(api.data.find((o: { period: string }) => o.period === OPEN.key)).toMatchObject({
    value: 19.4,
    agency: "BKHCN",
    illustrative: false,
  });
  const indicators = await (await request.get("/api/v1/indicators?pageSize=500")).json();
  expect(indicators.data.find((i: { code: string }) => i.code === "digital-economy-gdp-share").latest).toMatchObject({
    period: OPEN.key,
    value: 19.4,
  });
  // The cached public pages were refreshed by the approval: no restart, no manual purge.
  await page.goto("/vi/indicators/digital-economy-gdp-share");
  await expect(page.getByTestId("indicator-latest")).toHaveText("19,4%");
  await page.goto("/en");
  await expect(page.getByTestId("indicator-card").filter({ hasText: "Digital economy share of GDP" })).toContainText(
    "19.4%",
  );
  await page.goto("/vi/decisions/411-2022");
  await expect(page.locator("#\\34 11-2025-de-gdp-share").getByTestId("latest-value")).toContainText("19,4%");
  await expect(page.locator("#\\34 11-2025-de-gdp-share").getByTestId("latest-value")).toContainText(OPEN.labelVi);
});

test("signed-out visitors are sent to sign in, and a reporter cannot open the review queue", async ({ page }) => {
  await page.goto("/vi/reporting");
  await expect(page).toHaveURL(/\/vi\/login\?next=/);
  await page.goto("/vi/login");
  await page.getByLabel("Thư điện tử").fill("reporter.hanoi@cds.gov.vn");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau-1");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.")).toBeVisible();
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  expect((await page.goto("/vi/review"))?.status()).toBe(403);
  await expect(page.getByText("Bạn không có quyền xem trang này.")).toBeVisible();
});
