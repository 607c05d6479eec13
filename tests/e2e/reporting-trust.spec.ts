// What the reporter chose stays chosen: after a save, a second save, a refused save and a reload
// (React 19 used to reset a <select defaultValue> after a form action, so the second save stored
// the first option). Then the bulk actions: submit everything ready, and a reviewer who filters
// the queue by agency and approves a selection with a comment per returned item.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn, signOut, submitSelected } from "./support";

/** The row's stored version, which moves when a save of it has completed. */
const version = (row: Locator) => row.locator("input[type=hidden][name$='.version']");
const notStarted = "fieldset[data-testid^='indicator-row-']:has([data-state='NOT_STARTED'])";

/** The first task row of Hà Nội's open quarter with no progress yet, found again by its title. */
async function freshTask(page: Page) {
  await page.goto("/vi/reporting?tab=tasks&state=NOT_STARTED");
  const first = page.locator("fieldset[data-testid^='task-row-']").first();
  const testId = (await first.getAttribute("data-testid"))!;
  const title = (await first.locator("p.font-medium").textContent())!.trim();
  await page.goto(`/vi/reporting?tab=tasks&q=${encodeURIComponent(title.slice(0, 60))}`);
  return page.getByTestId(testId);
}

test("a task's status survives two saves, a refused save and a reload; its history has only the reporter's revisions", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  const row = await freshTask(page);
  const status = row.getByLabel("Tình trạng");
  const percent = row.getByLabel("% hoàn thành");
  await expect(status).toHaveValue("NOT_STARTED");

  await status.selectOption({ label: "Đang thực hiện" });
  await percent.fill("30");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(version(row)).toHaveValue("1");
  await expect(page.getByTestId("form-message")).toHaveText("Đã lưu nháp 1 mục.");
  await expect(row.getByText("Bản nháp")).toBeVisible();
  await expect(status).toHaveValue("IN_PROGRESS");
  await expect(percent).toHaveValue("30");

  await row.getByLabel("Bước tiếp theo").fill("Hoàn thiện dự thảo, trình lãnh đạo");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(version(row)).toHaveValue("2");
  await expect(page.getByTestId("form-message")).toHaveText("Đã lưu nháp 1 mục.");
  await expect(status).toHaveValue("IN_PROGRESS");

  // A refused save: the message sits next to the field, focus goes to it, nothing typed is lost.
  await status.selectOption({ label: "Gặp vướng mắc" });
  await percent.fill("130");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(row.getByTestId("field-error")).toHaveText("Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.");
  await expect(percent).toBeFocused();
  await expect(status).toHaveValue("BLOCKED");
  await expect(percent).toHaveValue("130");
  await expect(row.getByLabel("Bước tiếp theo")).toHaveValue("Hoàn thiện dự thảo, trình lãnh đạo");

  // Leaving with unsaved work asks first; dismissing keeps the page.
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("link", { name: /^Chỉ tiêu \(/ }).click();
  await expect(status).toHaveValue("BLOCKED");

  page.once("dialog", (d) => d.accept());
  await page.reload();
  await expect(status).toHaveValue("IN_PROGRESS");
  await expect(percent).toHaveValue("30");

  await row.getByRole("link", { name: "Chi tiết và lịch sử" }).click();
  const history = page.getByTestId("history").locator("li");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Phiên bản 2");
  await expect(history.nth(0)).toContainText("Đang thực hiện (30%)");
  await expect(history.nth(1)).toContainText("Phiên bản 1");
  await expect(history.nth(1)).toContainText("Đang thực hiện (30%)");
  await expect(page.getByTestId("history")).not.toContainText("Chưa triển khai");
  // Vietnam's time, Vietnamese format: dd/mm/yyyy hh:mm, no UTC.
  await expect(history.nth(0).locator("time")).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
});

test("an indicator value survives two saves, a refused save and a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  await page.goto("/vi/reporting?tab=indicators");
  const row = page.locator(notStarted).first();
  const testId = (await row.getAttribute("data-testid"))!;
  const r = page.getByTestId(testId);
  const value = r.getByLabel(/^Giá trị/);
  await value.fill("61,5");
  await r.getByLabel("Nguồn / phương pháp").fill("Sở Khoa học và Công nghệ Hà Nội");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(version(r)).toHaveValue("1");
  await expect(page.getByTestId("form-message")).toHaveText("Đã lưu nháp 1 mục.");
  await r.getByLabel("Ghi chú").fill("Số liệu sơ bộ");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(version(r)).toHaveValue("2");
  await expect(value).toHaveValue("61,5");

  await value.fill("sáu mươi");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(r.getByTestId("field-error")).toHaveText("Giá trị phải là một số (ví dụ 20,5).");
  await expect(value).toBeFocused();
  await expect(value).toHaveValue("sáu mươi");
  await expect(r.getByLabel("Ghi chú")).toHaveValue("Số liệu sơ bộ");

  page.once("dialog", (d) => d.accept());
  await page.reload();
  await expect(value).toHaveValue("61,5");
  await expect(r.getByLabel("Nguồn / phương pháp")).toHaveValue("Sở Khoa học và Công nghệ Hà Nội");
  await r.getByRole("link", { name: "Chi tiết và lịch sử" }).click();
  const history = page.getByTestId("history").locator("li");
  await expect(history).toHaveCount(2);
  for (const i of [0, 1]) await expect(history.nth(i)).toContainText("61,5");
});

test("a reporter submits everything ready in one action; a reviewer filters the queue by agency and approves a selection", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "reporter.hcm@cds.gov.vn");
  await page.goto("/vi/reporting?tab=indicators");
  // Not started, or returned by another test (compare.spec returns one of Hồ Chí Minh City's values):
  // either is an item this reporter may fill and submit.
  const rows = page.locator(`${notStarted}, fieldset[data-testid^='indicator-row-']:has([data-state='RETURNED'])`);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await rows.nth(i).getAttribute("data-testid"))!);
  const names: string[] = [];
  for (const id of ids) {
    const r = page.getByTestId(id);
    names.push((await r.locator("p.font-medium").first().textContent())!.trim());
    await r.getByLabel(/^Giá trị/).fill("1");
    await r.getByLabel("Giải thích biến động").fill("Thay đổi cách tính theo hướng dẫn mới");
  }
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã lưu nháp 3 mục.");

  // Select all on this page ticks every editable row; the confirmation lists them; cancel keeps everything.
  await page.getByTestId("select-all").check();
  const editable = await page.locator("input[data-select]").count();
  await expect(page.getByTestId("selected-count")).toHaveText(`Đã chọn ${editable} mục`);
  await page.getByRole("button", { name: "Nộp các mục đã chọn…" }).click();
  await expect(page.getByTestId("submit-list").locator("li")).toHaveCount(editable);
  await page.getByRole("button", { name: "Hủy" }).click();
  await page.getByTestId("select-all").uncheck();
  await expect(page.getByTestId("selected-count")).toHaveText("Đã chọn 0 mục");

  // Everything ready: the three drafts, listed by name before anything is submitted.
  const ready = page.getByTestId("submit-ready");
  await ready.getByRole("button", { name: /Nộp mọi mục đã sẵn sàng \(3\)/ }).click();
  const list = page.getByTestId("ready-list").locator("li");
  await expect(list).toHaveCount(3);
  for (const n of names) await expect(page.getByTestId("ready-list")).toContainText(n);
  await page.getByTestId("ready-dialog").getByRole("button", { name: "Nộp 3 mục" }).click();
  await expect(ready.getByTestId("form-message")).toHaveText("Đã nộp 3 mục.");
  for (const id of ids) await expect(page.getByTestId(id).locator("[data-state='SUBMITTED']")).toBeVisible();
  await expect(ready).toContainText("Chưa có mục nào sẵn sàng");
  await signOut(page);

  // The reviewer lands on a count of waiting items, filters by agency, returns one and approves two.
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/reporting");
  await expect(page.getByTestId("waiting-count")).toContainText(/\d+ mục đang chờ duyệt/);
  await page.getByRole("link", { name: /Thành phố Hồ Chí Minh: 3/ }).click();
  await expect(page).toHaveURL(/\/vi\/review\?agency=/);
  await expect(page.getByTestId("review-row")).toHaveCount(3);
  for (const row of await page.getByTestId("review-row").all())
    await expect(row).toHaveAttribute("data-agency", "Thành phố Hồ Chí Minh");
  await page.getByLabel("Loại").selectOption("task");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/kind=task/);
  await expect(page.getByText("Không có mục nào chờ duyệt phù hợp bộ lọc.")).toBeVisible();
  await page.getByLabel("Loại").selectOption("obs");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page.getByTestId("review-row")).toHaveCount(3);

  // Returning without a comment is refused next to the shared comment, the selection kept.
  await page.getByRole("checkbox", { name: new RegExp(names[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).check();
  await page.getByRole("button", { name: /Trả lại các mục đã chọn/ }).click();
  await expect(page.locator("#comment-error")).toHaveText("Vui lòng ghi lý do trả lại để cơ quan báo cáo sửa.");
  await expect(page.getByTestId("review-selected")).toHaveText("Đã chọn 1 mục");
  const rowOf = (n: string) => page.getByTestId("review-row").filter({ hasText: n });
  await rowOf(names[0])
    .getByLabel(/Nhận xét cho mục này/)
    .fill("Giá trị 1 chưa hợp lý, đề nghị kiểm tra.");
  await page.getByRole("button", { name: /Trả lại các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã trả lại 1 mục.");
  await expect(page.getByTestId("review-row")).toHaveCount(2);
  await page.getByTestId("review-select-all").check();
  await page.getByRole("button", { name: /Duyệt các mục đã chọn \(2\)/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã duyệt 2 mục.");
  await signOut(page);

  // The reporter sees that item's own comment.
  await signIn(page, "reporter.hcm@cds.gov.vn");
  await page.goto("/vi/reporting?tab=indicators");
  await expect(page.getByTestId(ids[names.indexOf(names[0])]).getByTestId("review-comment")).toContainText(
    "Giá trị 1 chưa hợp lý",
  );
});

test("submitting selected rows asks first and lists them", async ({ page }) => {
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  const row = await freshTask(page);
  await row.getByLabel("Kết quả đạt được").fill("Đã ban hành kế hoạch triển khai");
  await row.getByLabel("Tình trạng").selectOption({ label: "Đang thực hiện" });
  await row.getByLabel("Chọn để nộp").check();
  await submitSelected(page, 1);
  await expect(page.getByTestId("form-message")).toHaveText("Đã nộp 1 mục (đã lưu 1 mục).");
  await expect(row.locator("[data-state='SUBMITTED']")).toBeVisible();
});
