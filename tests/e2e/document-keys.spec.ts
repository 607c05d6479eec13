// 1437/QĐ-TTg was first published here under its header's misprint, 4437: every old link moves
// permanently to the corrected key, through the same server users reach.
import { expect, test } from "@playwright/test";

test("old 4437-2024 links answer 308 to the 1437-2024 key, pages and API alike", async ({ request }) => {
  for (const [from, to] of [
    ["/vi/decisions/4437-2024", "/vi/decisions/1437-2024"],
    ["/en/decisions/4437-2024", "/en/decisions/1437-2024"],
    ["/vi/documents/4437-2024", "/vi/documents/1437-2024"],
    ["/api/v1/decisions/4437-2024", "/api/v1/decisions/1437-2024"],
    ["/vi/tasks?decision=4437-2024&status=OVERDUE", "/vi/tasks?decision=1437-2024&status=OVERDUE"],
  ]) {
    const r = await request.get(from, { maxRedirects: 0 });
    expect(r.status(), from).toBe(308);
    expect(r.headers()["location"], from).toBe(to);
  }
  const api = await request.get("/api/v1/decisions/4437-2024");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.data.key).toBe("1437-2024");
  expect(body.data.numberCanonical).toBe("1437/QĐ-TTg");
});

test("the decision page under the old key lands on 1437/QĐ-TTg", async ({ page }) => {
  await page.goto("/vi/decisions/4437-2024");
  await expect(page).toHaveURL(/\/vi\/decisions\/1437-2024$/);
  await expect(page.getByTestId("number-canonical")).toHaveText("1437/QĐ-TTg");
  // The printed variants and the public evidence, as a data-quality note and as the checks made.
  const note = page
    .getByTestId("quality-note")
    .filter({ hasText: "https://sonv.ninhthuan.gov.vn/portal/pages/print.aspx?p=33480" });
  await expect(note.first()).toContainText('"4437/QĐ-TTg"');
  await expect(note.first()).toContainText('"143/QĐ-TTg"');
  const checked = page.locator('[data-testid="document-check"][data-field="numberCanonical"]').first();
  await expect(checked).toHaveAttribute("data-outcome", "corrected");
  await expect(checked).toContainText("Nguồn ghi: 1437/QĐ-TTg");
  await expect(checked.getByRole("link")).toHaveAttribute("href", /sonv\.ninhthuan\.gov\.vn/);
});
