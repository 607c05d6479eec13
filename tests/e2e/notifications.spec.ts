// Chasing in a real browser: a reviewer returns an item with a comment; the reporter sees the
// bell's count, opens the notification, reads the comment, replies in the item's conversation,
// fixes and resubmits; the reviewer is told of the resubmission. The item ends returned again:
// out of the review queue (the other specs count it) and off the public pages. Counts are read
// before and compared, never assumed.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut, submitSelected } from "./support";

const notStarted = "fieldset[data-testid^='indicator-row-']:has([data-state='NOT_STARTED'])";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const COMMENT = "Đề nghị ghi rõ nguồn số liệu và kỳ đo.";
const REPLY = "Đã bổ sung nguồn: Sở Khoa học và Công nghệ, số liệu hết quý.";

async function unread(page: Page): Promise<number> {
  const res = await page.request.get("/api/me");
  return ((await res.json()).user?.unread as number) ?? 0;
}

test("return → bell → notification → reply → resubmission → the reviewer is told", async ({ page }) => {
  test.setTimeout(180_000);

  // The reporter submits a value of an indicator nobody else's test fills (the last one not started).
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  await page.goto("/vi/reporting?tab=indicators");
  const testId = (await page.locator(notStarted).last().getAttribute("data-testid"))!;
  const row = page.getByTestId(testId);
  const name = (await row.locator("p.font-medium").first().textContent())!.trim();
  await row.getByLabel(/^Giá trị/).fill("1");
  await row.getByLabel("Giải thích biến động").fill("Số liệu đầu tiên theo hướng dẫn mới");
  await row.getByLabel("Chọn để nộp").check();
  await submitSelected(page, 1);
  await expect(page.getByTestId("form-message").first()).toHaveText("Đã nộp 1 mục (đã lưu 1 mục).");
  const before = await unread(page);
  await signOut(page);

  // The reviewer returns it with a comment.
  await signIn(page, "reviewer@cds.gov.vn");
  const reviewerBefore = await unread(page);
  await page.goto("/vi/review?agency=T-HA-NOI");
  const reviewRow = page.getByTestId("review-row").filter({ hasText: name });
  await reviewRow.getByRole("checkbox", { name: new RegExp(escape(name)) }).check();
  await reviewRow.getByLabel(/Nhận xét cho mục này/).fill(COMMENT);
  await page.getByRole("button", { name: /Trả lại các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã trả lại 1 mục.");
  await signOut(page);

  // The reporter's bell counts one more; the list says which are unread, in words.
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  await expect(page.getByTestId("bell-count")).toHaveText(String(before + 1));
  await expect(page.getByTestId("bell")).toContainText(`Thông báo: ${before + 1} chưa đọc`);
  await page.getByTestId("bell").click();
  await expect(page).toHaveURL(/\/vi\/notifications$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thông báo");
  const note = page.getByTestId("notification").first();
  await expect(note).toContainText(`Mục “${name}”`);
  await expect(note).toContainText(`bị trả lại: ${COMMENT}`);
  await expect(note).toContainText("Chưa đọc");
  await expect(note.locator("time")).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expectAccessible(page);

  // Opening it marks it read and shows the item, with the reviewer's comment.
  await note.getByTestId("open-notification").click();
  await expect(page).toHaveURL(/\/vi\/reporting\/observations\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(`Nhận xét của người duyệt: ${COMMENT}`)).toBeVisible();
  await expect.poll(() => unread(page)).toBe(before);

  // A reply in the item's conversation; an empty one is refused next to the field first.
  await page.getByRole("button", { name: "Gửi bình luận" }).click();
  await expect(page.locator("#comment-body-error")).toHaveText("Vui lòng nhập nội dung bình luận.");
  await page.getByLabel("Bình luận").fill(`${REPLY} @reviewer@cds.gov.vn`);
  await page.getByRole("button", { name: "Gửi bình luận" }).click();
  await expect(page.getByTestId("comment-form").getByTestId("form-message")).toHaveText("Đã gửi bình luận.");
  const comment = page.getByTestId("conversation").getByTestId("comment").last();
  await expect(comment).toContainText(REPLY);
  await expect(comment).toContainText("nhắc đến: ");
  await expect(page.getByLabel("Bình luận")).toHaveValue("");

  // The fix, resubmitted from the workspace.
  await page.goto("/vi/reporting?tab=indicators");
  await expect(row.getByText("Bị trả lại")).toBeVisible();
  await row.getByLabel(/^Giá trị/).fill("2");
  await row.getByLabel("Nguồn / phương pháp").fill("Sở Khoa học và Công nghệ");
  await row.getByLabel("Chọn để nộp").check();
  await submitSelected(page, 1);
  await expect(page.getByTestId("form-message").first()).toHaveText("Đã nộp 1 mục (đã lưu 1 mục).");
  await signOut(page);

  // The reviewer was mentioned in the reply and told of the resubmission.
  await signIn(page, "reviewer@cds.gov.vn");
  await expect(page.getByTestId("bell-count")).toHaveText(String(reviewerBefore + 2));
  await page.getByTestId("bell").click();
  const resubmitted = page.getByTestId("notification").filter({ hasText: `đã nộp lại mục “${name}”` });
  await expect(resubmitted).toHaveCount(1);
  await expect(resubmitted).toContainText("Thành phố Hà Nội đã nộp lại mục");
  await expect(resubmitted).toContainText("Chưa đọc");
  await expect(page.getByTestId("notification").filter({ hasText: "nhắc đến bạn" }).first()).toContainText(REPLY);
  await resubmitted.getByTestId("open-notification").click();
  await expect(page).toHaveURL(/\/vi\/reporting\/observations\/\d+$/);
  await expect(page.getByTestId("conversation")).toContainText(REPLY);

  // Mark all read empties the bell; the item goes back to its agency, leaving the queue as it was.
  await page.goto("/vi/notifications");
  await page.getByRole("button", { name: "Đánh dấu tất cả là đã đọc" }).click();
  await expect(page.getByTestId("form-message")).toContainText("là đã đọc");
  await expect.poll(() => unread(page)).toBe(0);
  await expect(page.getByTestId("unread-count")).toHaveText("0 thông báo chưa đọc");
  await page.goto("/vi/review?agency=T-HA-NOI");
  const again = page.getByTestId("review-row").filter({ hasText: name });
  await again.getByRole("checkbox", { name: new RegExp(escape(name)) }).check();
  await again.getByLabel(/Nhận xét cho mục này/).fill("Kết thúc kiểm thử thông báo.");
  await page.getByRole("button", { name: /Trả lại các mục đã chọn/ }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Đã trả lại 1 mục.");
});
