// Forgot password in the browser, on a portal without SMTP (as `npm start` runs by default): the
// mail lands in the outbox, the administrator reads the link there, the link sets a new password
// once. The account gets the demo password back, so the other specs still sign in with it. The
// server's job worker is running meanwhile: its overdue reminders are in the same outbox.
import { expect, test } from "@playwright/test";
import { openQuarter } from "../support/periods";
import { PASSWORD, expectAccessible, signIn } from "./support";

const EMAIL = "viewer.hanoi@cds.gov.vn";

test("a forgotten password is reset through the link in the outbox, once", async ({ page: visitor, browser }) => {
  await visitor.goto("/vi/login");
  await visitor.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expect(visitor.getByRole("heading", { name: "Quên mật khẩu" })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByLabel("Thư điện tử").fill(EMAIL);
  await visitor.getByRole("button", { name: "Gửi liên kết đặt lại" }).click();
  await expect(visitor.getByText("Nếu địa chỉ này thuộc một tài khoản đang hoạt động")).toBeVisible();

  // The administrator reads it in the outbox (no SMTP_URL here).
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@cds.gov.vn");
  await admin.goto("/vi/admin/outbox");
  await expect(admin.getByRole("heading", { name: "Hộp thư đi" })).toBeVisible();
  const row = admin
    .getByTestId("outbox-row")
    .filter({ hasText: EMAIL })
    .filter({ hasText: "Đặt lại mật khẩu" })
    .first();
  await expect(row).toContainText("Lưu trong hộp thư đi");
  await row.locator("summary").click();
  const body = (await row.locator("pre").textContent()) ?? "";
  const link = /https?:\/\/[^\s]+\/vi\/reset-password\?token=[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  const path = new URL(link!).pathname + new URL(link!).search;

  // The server's own job worker has chased the overdue quarter (at the tests' clock the open quarter
  // is past its deadline): the reminder to a reporter is in the outbox too, in Vietnamese.
  const overdue = admin
    .getByTestId("outbox-row")
    .filter({ hasText: "reporter.hanoi@cds.gov.vn" })
    .filter({ hasText: `Quá hạn nộp báo cáo ${openQuarter().labelVi}` });
  await expect(async () => {
    await admin.reload();
    await expect(overdue).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  await visitor.goto(path);
  await expect(visitor.getByText(`Nhập mật khẩu mới cho tài khoản ${EMAIL}.`)).toBeVisible();
  await visitor.getByLabel("Mật khẩu mới", { exact: true }).fill(PASSWORD);
  await visitor.getByLabel("Nhập lại mật khẩu mới").fill(PASSWORD);
  await visitor.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(visitor.getByText("Đã đặt mật khẩu mới")).toBeVisible();

  // The same link again: refused, with a way to ask for a new one.
  await visitor.goto(path);
  await expect(visitor.getByText("Liên kết đặt lại mật khẩu không hợp lệ hoặc đã được dùng")).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Yêu cầu liên kết mới" })).toBeVisible();

  await signIn(visitor, EMAIL);
});
