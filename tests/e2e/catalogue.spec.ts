// The catalogue grows in the browser (issue 16): an editor enters a real decision from pasted text
// (342/QĐ-TTg's section III with its lettered targets, and a few rows of the task table appended to
// 143/QĐ-TTg), accepts proposed targets (one edited), rejects one, accepts the task rows, is refused
// a quote that is not in the text, adds a target from a selection in the line viewer and submits;
// the editor has no Publish button. A reviewer publishes after the confirmation dialog, and the
// targets reach the public decision page (quotes linked to the document's lines), /api/v1 and the
// national dashboard; the document is listed on the public scorecard. Each run starts from a fresh
// database (playwright.config.ts), so the key is fixed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support";

const KEY = "342-2021";
const docLines = (file: string) =>
  readFileSync(path.join(process.cwd(), "seeds/documents", file), "utf8")
    .replace(/\r\n?/g, "\n")
    .split("\n");
const s342 = docLines("002_fea93181fd3a4f8b.txt");
const s143 = docLines("001_69bc0a198e19f2ce.txt");
// 342/QĐ-TTg: header (number, date, title) and section III (targets a–e). 143/QĐ-TTg's appendix:
// its title, the table's header row (tab-separated) and group B with rows 1–3.
const TEXT = [...s342.slice(0, 12), ...s342.slice(46, 75), "", ...s143.slice(223, 230), ...s143.slice(235, 239)].join(
  "\n",
);
const lineOf = (start: string) => TEXT.split("\n").findIndex((l) => l.startsWith(start)) + 1;

const T = {
  level4: `${KEY}-2025-online-public-services-level4-share`, // a) 100% … mức độ 4 — edited to ≥
  dossiers: `${KEY}-2025-admin-dossiers-fully-online-share`, // d) Tối thiểu 80%
  satisfaction: `${KEY}-2025-admin-procedure-satisfaction-share`, // đ) Tối thiểu 90%
  cut: `${KEY}-2025-admin-procedures-cut-share`, // e) rejected, then added from a selection
  redesigned: `${KEY}-2025-online-public-services-redesigned-share`, // b) left proposed
};
const QUOTE_A =
  "100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến mức độ 4.";
const QUOTE_E = "Tối thiểu 20% thủ tục hành chính của các cơ quan nhà nước được cắt giảm so với hiện nay.";

const item = (page: Page, key: string) => page.locator(`[data-testid="draft-item"][data-key="${key}"]`);

async function decide(card: Locator, button: "Nhận" | "Bỏ", decision: string) {
  await card.getByRole("button", { name: button, exact: true }).click();
  await expect(card.getByTestId("item-decision")).toHaveText(decision);
}

/** Selects `text` inside line `line` of the draft's viewer, as a mouse drag would. */
async function selectInLine(page: Page, line: number, text: string) {
  await page.locator(`#L${line}`).scrollIntoViewIfNeeded();
  const ok = await page.evaluate(
    ({ line, text }) => {
      const span = document.querySelector(`#L${line} > span:last-child`);
      const node = span?.firstChild;
      const at = node?.textContent?.indexOf(text) ?? -1;
      if (!node || at < 0) return false;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString() === text;
    },
    { line, text },
  );
  expect(ok, `"${text}" selected on line ${line}`).toBe(true);
}

test("an editor enters a decision from pasted text, a reviewer publishes it, and its targets reach the public pages, the API and the dashboard", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "editor@cds.gov.vn");
  await page.goto("/vi/admin/catalogue");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danh mục văn bản và bản nháp");
  await expect(page.getByText("Chưa có bản nháp nào.")).toBeVisible();
  await expectAccessible(page);

  // The new-document form, filled in as an editor would; the text is pasted.
  await page.getByRole("link", { name: "Nhập văn bản mới" }).click();
  await expect(page).toHaveURL(/\/vi\/admin\/catalogue\/new$/);
  await expectAccessible(page);
  await page.getByLabel("Mã văn bản (chữ thường, số, gạch nối)").fill(KEY);
  await page.getByLabel("Số hiệu (như in)").fill("342/QĐ-TTg");
  await page.getByLabel("Ngày ban hành").fill("2021-06-15");
  await page.getByLabel("Loại văn bản").selectOption({ label: "Chiến lược" });
  await page.getByLabel("Cơ quan ban hành").fill("Thủ tướng Chính phủ");
  await page
    .getByLabel("Tên văn bản (tiếng Việt)")
    .fill("Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2021 - 2025 (trích)");
  await page.getByLabel("Tên văn bản (tiếng Anh)").fill("E-government towards digital government strategy (excerpt)");
  await expect(page.getByLabel("Còn hiệu lực")).toBeChecked();
  const textBox = page.getByLabel("Nội dung văn bản (dán vào đây)");
  await textBox.fill(TEXT);
  await page.getByRole("button", { name: "Tạo bản nháp" }).click();
  await expect(page).toHaveURL(/\/vi\/admin\/catalogue\/\d+$/);
  const draftUrl = page.url();

  // The suggester's proposals: the lettered targets and the three task rows.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(KEY);
  await expect(page.getByTestId("draft-state")).toHaveText("Đang soạn");
  const targets = page.locator('[data-testid="draft-item"][data-kind="TARGET"]');
  const tasks = page.locator('[data-testid="draft-item"][data-kind="TASK"]');
  await expect(targets).toHaveCount(6);
  await expect(tasks).toHaveCount(3);
  for (const key of Object.values(T)) await expect(item(page, key)).toHaveAttribute("data-decision", "PROPOSED");
  await expect(
    item(page, T.dossiers).getByRole("link", { name: `Tới dòng ${lineOf("d) Tối thiểu 80%")}` }),
  ).toHaveAttribute("href", `#L${lineOf("d) Tối thiểu 80%")}`);
  await expectAccessible(page);

  await decide(item(page, T.dossiers), "Nhận", "Đã nhận");
  await decide(item(page, T.satisfaction), "Nhận", "Đã nhận");
  await decide(item(page, T.cut), "Bỏ", "Đã bỏ");
  for (const card of await tasks.all()) await decide(card, "Nhận", "Đã nhận");

  // A quote with one letter changed is refused next to its field, in Vietnamese, and nothing is stored.
  const a = item(page, T.level4);
  await expect(a.getByTestId("item-summary")).toHaveText("online-public-services-level4-share · 2025 · = 100");
  await a.getByRole("button", { name: "Sửa", exact: true }).click();
  const quote = a.getByLabel("Trích dẫn nguyên văn");
  await expect(quote).toHaveValue(QUOTE_A);
  await a.getByLabel("So sánh").selectOption("GTE");
  await quote.fill(QUOTE_A.replace("mức độ 4", "mức độ 3"));
  await a.getByRole("button", { name: "Lưu", exact: true }).click();
  const error = a.getByTestId("field-error");
  await expect(error).toHaveText("Đoạn trích này không có nguyên văn trong văn bản.");
  await expect(quote).toHaveAttribute("aria-invalid", "true");
  await expect(quote).toHaveAccessibleDescription("Đoạn trích này không có nguyên văn trong văn bản.");
  await expect(quote).toBeFocused();
  await page.reload();
  await expect(a).toHaveAttribute("data-decision", "PROPOSED");
  await expect(a.getByTestId("item-quote")).toHaveText(QUOTE_A);
  await expect(a.getByTestId("item-summary")).toHaveText("online-public-services-level4-share · 2025 · = 100");
  await expect(a.getByText("đã sửa")).toHaveCount(0);

  // The same edit with the verbatim quote: saved, accepted and marked edited.
  await a.getByRole("button", { name: "Sửa", exact: true }).click();
  await a.getByLabel("So sánh").selectOption("GTE");
  await a.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(a).toHaveAttribute("data-decision", "ACCEPTED");
  await expect(a.getByTestId("item-summary")).toHaveText("online-public-services-level4-share · 2025 · ≥ 100");
  await expect(a.getByText("đã sửa")).toBeVisible();
  await expect(a.getByLabel("Trích dẫn nguyên văn")).toHaveCount(0);

  // A target added from a passage selected in the line viewer (e: the proposal rejected above).
  const lineE = lineOf("e) Tối thiểu 20%");
  await selectInLine(page, lineE, QUOTE_E);
  await page.getByTestId("take-selection").click();
  await expect(page.getByText(`Đoạn đã chọn (dòng ${lineE}):`)).toBeVisible();
  const add = page.locator("form").filter({ has: page.locator("#add-quote") });
  await expect(add.getByLabel("Trích dẫn nguyên văn")).toHaveValue(QUOTE_E);
  await expect(add.getByLabel("Dòng")).toHaveValue(String(lineE));
  await add.getByLabel("Chỉ tiêu đo").selectOption("admin-procedures-cut-share");
  await add.getByLabel("Năm").fill("2025");
  await add.getByLabel("So sánh").selectOption("GTE");
  await add.getByLabel("Giá trị").fill("20");
  await add.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByText("Đã thêm chỉ tiêu.")).toBeVisible();
  await expect(targets).toHaveCount(7);
  const added = targets.last();
  await expect(added).toHaveAttribute("data-decision", "ACCEPTED");
  await expect(added.getByTestId("item-quote")).toHaveText(QUOTE_E);
  const addedKey = (await added.getAttribute("data-key"))!;
  expect(addedKey).toMatch(new RegExp(`^${KEY}-m\\d+$`));

  // Sent for review; the editor cannot publish their own draft.
  await page.getByRole("button", { name: "Gửi thẩm định" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Chờ thẩm định");
  await expect(page.getByRole("button", { name: "Nhận", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Công bố" })).toHaveCount(0);
  await signOut(page);

  // The reviewer opens the draft from the list and publishes it after the confirmation.
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/admin/catalogue");
  await page.getByTestId("draft-list").getByRole("link", { name: KEY }).click();
  await expect(page).toHaveURL(draftUrl);
  await page.getByRole("button", { name: "Công bố" }).click();
  const dialog = page.getByRole("dialog", { name: "Công bố" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Công bố văn bản này?");
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("draft-state")).toHaveText("Chờ thẩm định");
  await page.getByRole("button", { name: "Công bố" }).click();
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Đã công bố");
  const published = [T.level4, T.dossiers, T.satisfaction, addedKey];

  // The catalogue lists it as published, with its seed file.
  await page.goto("/vi/admin/catalogue");
  const listed = page.getByTestId("published-list").locator("li").filter({ hasText: "342/QĐ-TTg" });
  await expect(listed.getByRole("link", { name: "Tải tệp dữ liệu gốc (JSON)" })).toHaveAttribute(
    "href",
    `/api/v1/documents/${KEY}/seed.json`,
  );
  await page.goto(draftUrl);

  // The public decision page: the four targets, each quote linked to its line of the document.
  await page.getByTestId("public-page").click();
  await expect(page).toHaveURL(new RegExp(`/vi/decisions/${KEY}$`));
  const rows = page.getByTestId("targets-table").locator("tbody tr");
  await expect(rows).toHaveCount(published.length);
  for (const key of published) await expect(page.locator(`tr[id="${key}"]`)).toHaveCount(1);
  await expect(page.locator(`tr[id="${T.cut}"]`)).toHaveCount(0);
  await expect(page.locator(`tr[id="${T.redesigned}"]`)).toHaveCount(0);
  await expect(page.locator(`tr[id="${T.level4}"]`).getByTestId("threshold")).toContainText("≥");
  const lineD = lineOf("d) Tối thiểu 80%");
  const link = page.locator(`tr[id="${T.dossiers}"]`).getByTestId("quote-link");
  await expect(link).toHaveAttribute("href", `/vi/documents/${KEY}#L${lineD}`);
  await expect(page.locator(`tr[id="${addedKey}"]`).getByTestId("quote-link")).toHaveAttribute(
    "href",
    `/vi/documents/${KEY}#L${lineE}`,
  );
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/vi/documents/${KEY}#L${lineD}$`));
  await expect(page.locator(`#L${lineD}`)).toContainText(
    "Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
  );
  await expect(page.locator(`#L${lineE}`)).toContainText(QUOTE_E);

  // /api/v1: the decision's targets and tasks, and the statuses list.
  const decision = await (await request.get(`/api/v1/decisions/${KEY}`)).json();
  expect(decision.data.targets.map((t: { key: string }) => t.key).sort()).toEqual([...published].sort());
  const level4 = decision.data.targets.find((t: { key: string }) => t.key === T.level4);
  expect(level4).toMatchObject({ comparator: "GTE", value: 100, quote: QUOTE_A, line: lineOf("a) 100%") });
  expect(decision.data.tasks.count).toBe(3);
  const statuses = await (await request.get(`/api/v1/statuses?decision=${KEY}`)).json();
  expect(statuses.data.map((s: { target: string }) => s.target).sort()).toEqual([...published].sort());
  const taskList = await (await request.get(`/api/v1/tasks?decision=${KEY}`)).json();
  expect(taskList.data.map((t: { title: string }) => t.title)).toContain(
    "Nghiên cứu cập nhật tiêu chuẩn, quy chuẩn quốc gia về chất lượng dữ liệu.",
  );

  // The national dashboard, filtered to the new decision.
  await page.goto(`/vi/dashboard?decision=${KEY}`);
  const dashRows = page.getByTestId("target-row");
  await expect(dashRows).toHaveCount(published.length);
  for (const key of published)
    await expect(page.locator(`[data-testid="target-row"][data-target="${key}"]`)).toHaveCount(1);
  await signOut(page);

  // The public scorecard lists the document.
  await page.goto("/vi");
  await expect(page.locator(`[data-testid="decision-link"][href="/vi/decisions/${KEY}"]`)).toHaveCount(1);
});

test("the draft page stacks its columns on a phone and every control is reachable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "editor@cds.gov.vn");
  await page.goto("/vi/admin/catalogue/new");
  await page.getByLabel("Mã văn bản (chữ thường, số, gạch nối)").fill("phone-check");
  await page.getByLabel("Tên văn bản (tiếng Việt)").fill("Kiểm tra trên điện thoại");
  await page.getByLabel("Tên văn bản (tiếng Anh)").fill("Phone check");
  await page.getByLabel("Ngày ban hành").fill("2021-06-15");
  // Nothing pasted: the error is next to the text field.
  await page.getByRole("button", { name: "Tạo bản nháp" }).click();
  const text = page.getByLabel("Nội dung văn bản (dán vào đây)");
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(text).toHaveAccessibleDescription(/Cần dán nội dung văn bản hoặc tải một tệp \.txt, \.docx hay PDF\./);
  await text.fill(TEXT);
  await page.getByRole("button", { name: "Tạo bản nháp" }).click();
  await expect(page).toHaveURL(/\/vi\/admin\/catalogue\/\d+$/);

  // One column: the proposals come below the text, and nothing overflows the screen's width.
  const viewer = await page.getByTestId("draft-text").boundingBox();
  const proposals = await page.getByRole("heading", { name: "Đề xuất" }).boundingBox();
  expect(proposals!.y).toBeGreaterThan(viewer!.y + viewer!.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  // From md (768 px) up, side by side.
  await page.setViewportSize({ width: 800, height: 844 });
  const wideViewer = await page.getByTestId("draft-text").boundingBox();
  const wideProposals = await page.getByRole("heading", { name: "Đề xuất" }).boundingBox();
  expect(wideProposals!.x).toBeGreaterThan(wideViewer!.x + wideViewer!.width);
  await page.setViewportSize({ width: 390, height: 844 });

  // Keyboard only: with nothing selected the add form opens empty, for a typed quote and line.
  await page.getByTestId("take-selection").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Nhập trích dẫn nguyên văn và số dòng của nó:")).toBeVisible();
  const quote = page.locator("#add-quote");
  await expect(quote).toHaveValue("");
  await page.locator("#add-indicator").selectOption("admin-procedures-cut-share");
  await page.locator("#add-year").fill("2025");
  await page.locator("#add-value").fill("20");
  await page.locator("#add-line").fill(String(lineOf("e) Tối thiểu 20%")));
  await quote.fill(QUOTE_E);
  await quote.press("Tab");
  await expect(page.getByRole("button", { name: "Lưu", exact: true }).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Đã thêm chỉ tiêu.")).toBeVisible();
  await expect(page.locator('[data-testid="draft-item"][data-kind="TARGET"]').last()).toHaveAttribute(
    "data-decision",
    "ACCEPTED",
  );
});
