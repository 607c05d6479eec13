import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support";

// The "5 rõ": Hà Nội's reporter names a colleague for a task Hà Nội leads, with an internal
// deadline and the expected result; a refused date is shown next to its field; a change needs a
// reason and keeps the history; the dashboard counts the tasks without a person; the public never
// sees the name. Uses the last task of Hà Nội's "without a person" list: no other spec assigns
// people, and none reads that list.
const PERSON = "Lãnh đạo xem báo cáo Hà Nội";
const SELF = "Cán bộ báo cáo Hà Nội";

test("a lead agency's reporter assigns a task to a named colleague, changes it with a reason, and the public never sees the name", async ({
  page,
}) => {
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  await page.goto("/vi/dashboard/agencies/T-HA-NOI");
  const before = Number((await page.getByTestId("unowned-count").innerText()).match(/^(\d+)/)![1]);
  expect(before).toBeGreaterThan(0);

  await page.goto("/vi/reporting/owners?without=1");
  await expect(page.getByTestId("owners-table")).toBeVisible();
  await expectAccessible(page);
  const link = page.getByTestId("owners-table").locator("tbody tr").last().getByRole("link");
  const taskPath = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL(taskPath!);

  const form = page.getByTestId("task-owner-form");
  await form.getByLabel("Người phụ trách").selectOption({ label: `${PERSON} <viewer.hanoi@cds.gov.vn>` });
  await form.getByLabel("Hạn nội bộ").fill("31/02/2027");
  await form.getByLabel("Kết quả dự kiến").fill("Kế hoạch chuyển đổi số của Sở được ban hành");
  await form.getByRole("button", { name: "Giao việc…" }).click();
  const dialog = page.getByTestId("task-owner-dialog");
  await expect(dialog).toContainText(`${PERSON} <viewer.hanoi@cds.gov.vn>`);
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  // Refused next to the field, focus on it, everything typed kept.
  const due = form.getByLabel("Hạn nội bộ");
  await expect(form.getByTestId("field-error")).toContainText("ngày có thật");
  await expect(due).toBeFocused();
  await expect(form.getByLabel("Kết quả dự kiến")).toHaveValue("Kế hoạch chuyển đổi số của Sở được ban hành");

  await due.fill("31/03/2027");
  await form.getByRole("button", { name: "Giao việc…" }).click();
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(form.getByTestId("form-message")).toContainText(`Đã giao nhiệm vụ cho ${PERSON}`);
  await expect(page.getByTestId("task-owner-person")).toContainText(PERSON);
  await expect(page.getByTestId("task-owner-due")).toHaveText("31/03/2027");
  await expect(page.getByTestId("task-owner-history").locator("li")).toHaveCount(1);

  // A second save from the same form: a change needs a reason, and the choice made is the one sent.
  await form.getByLabel("Người phụ trách").selectOption({ label: `${SELF} <reporter.hanoi@cds.gov.vn>` });
  await form.getByLabel("Hạn nội bộ").fill("30/06/2027");
  await form.getByRole("button", { name: "Giao việc…" }).click();
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(form.getByTestId("field-error")).toContainText("lý do");
  await form.getByLabel("Lý do thay đổi").fill("Chị Lãnh đạo giao lại cho cán bộ báo cáo");
  await form.getByRole("button", { name: "Giao việc…" }).click();
  await expect(dialog).toContainText("Lý do: Chị Lãnh đạo giao lại cho cán bộ báo cáo");
  await dialog.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByTestId("task-owner-person")).toContainText(SELF);
  await expect(page.getByTestId("task-owner-history").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("task-owner-history").locator("li").first()).toContainText(
    "Chị Lãnh đạo giao lại cho cán bộ báo cáo",
  );
  await page.reload();
  await expect(form.getByLabel("Người phụ trách")).toHaveValue(/^\d+$/);
  await expect(form.getByLabel("Người phụ trách").locator("option:checked")).toHaveText(
    `${SELF} <reporter.hanoi@cds.gov.vn>`,
  );
  await expect(form.getByLabel("Hạn nội bộ")).toHaveValue("30/06/2027");

  await page.goto("/vi/dashboard/agencies/T-HA-NOI");
  await expect(page.getByTestId("unowned-count")).toContainText(`${before - 1} trên`);

  // The public: the task list, its API and CSV name no person.
  await signOut(page);
  await page.goto("/vi/tasks?agency=T-HA-NOI");
  await expect(page.locator("main")).not.toContainText(SELF);
  for (const url of ["/api/v1/tasks?agency=T-HA-NOI&pageSize=500", "/api/v1/tasks.csv?agency=T-HA-NOI"]) {
    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SELF);
    expect(text).not.toContain("reporter.hanoi@");
  }
  await page.goto(taskPath!);
  await expect(page).toHaveURL(/\/vi\/login\?next=/);
});
