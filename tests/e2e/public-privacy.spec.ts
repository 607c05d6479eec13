// A reviewer's judgement is public, the reviewer's name is not: the open-data API publishes an
// override's status, reason and date only, and the public indicator page must say no more.
import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support";

test("a status override shows its reason on the public page, not the reviewer's name", async ({ page, request }) => {
  const path = "/vi/indicators/customs-procedures-asean-rank";
  const reason = `Đánh giá của người thẩm định ${Date.now()}`;
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto(path);
  const form = page.getByTestId("override-form").first();
  await page.getByText("Điều chỉnh tình trạng").first().click();
  await form.getByLabel(/Lý do|Reason/).fill(reason);
  await form
    .getByRole("button", { name: /Lưu|Save/ })
    .first()
    .click();
  await expect(form.getByTestId("form-message")).toBeVisible();
  await signOut(page);

  // What an anonymous visitor gets (the cached public page), once the approval has reached it.
  await expect(async () => {
    const html = await (await request.get(path, { headers: { cookie: "" } })).text();
    expect(html).toContain(reason);
    expect(html).not.toContain("Cán bộ thẩm định");
    expect(html).not.toContain("reviewer@cds.gov.vn");
  }).toPass({ timeout: 10_000 });
});
