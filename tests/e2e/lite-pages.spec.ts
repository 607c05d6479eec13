import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support";

// Anonymous visitors get the public pages without Next's runtime (src/server/http/lite-page.ts):
// complete HTML and one small script of ours. Signed-in visitors get Next's React pages.

/** Loads a page and returns the scripts it fetched. */
async function scriptsOf(page: Page, url: string): Promise<string[]> {
  const scripts: string[] = [];
  const onRequest = (r: { resourceType(): string; url(): string }) => {
    if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
  };
  page.on("request", onRequest);
  await page.goto(url);
  await page.waitForLoadState("load");
  page.off("request", onRequest);
  return scripts;
}

test("an anonymous visitor's public pages load one small script and no framework, and still work", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  const home = await scriptsOf(page, "/vi");
  expect(home).toHaveLength(1);
  expect(home[0]).toMatch(/^\/_cds\/enhance-[\w-]+\.js$/);
  await expect(page.getByTestId("sign-in-link")).toHaveAttribute("href", "/vi/login");
  // The filter runs on the script of ours.
  await page.getByLabel("Tìm chỉ số").fill("kinh tế số trong GDP");
  await expect(page.getByTestId("cards-shown")).toHaveText("Đang hiển thị 1 chỉ số");
  const noMatch = page.getByText("Không có chỉ số nào phù hợp với bộ lọc.", { exact: false });
  await expect(noMatch).toBeHidden();
  await page.getByLabel("Tìm chỉ số").fill("khongcochisonaonhuthe");
  await expect(page.getByTestId("cards-shown")).toHaveText("Đang hiển thị 0 chỉ số");
  await expect(noMatch).toBeVisible();

  // The chart's read-out, from the keyboard: End shows the last quarter, Escape hides it.
  expect(await scriptsOf(page, "/vi/indicators/digital-economy-gdp-share")).toEqual(home);
  const chart = page.getByTestId("indicator-chart").getByRole("application");
  const points = JSON.parse((await chart.getAttribute("data-points")) ?? "[]") as { label: string; value: string }[];
  expect(points.length).toBeGreaterThan(1);
  const readOut = chart.getByRole("status");
  await chart.focus();
  await page.keyboard.press("End");
  await expect(readOut).toContainText(points.at(-1)!.label);
  await expect(readOut).toContainText(points.at(-1)!.value);
  await page.keyboard.press("ArrowLeft");
  await expect(readOut).toContainText(points.at(-2)!.label);
  await page.keyboard.press("Escape");
  await expect(readOut).toHaveText("");
  // Under the pointer too.
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await expect(readOut).toContainText(points[0].label);
  await expectAccessible(page);

  // The language link keeps the page's filters, which only the browser knows on a cached page.
  await page.goto("/vi/tasks?decision=1437-2024");
  await expect(page.getByRole("link", { name: "Switch to English" })).toHaveAttribute(
    "href",
    "/en/tasks?decision=1437-2024",
  );
  // Nothing the pages ask for is missing (the site icon was, once).
  expect(failed).toEqual([]);
  // …and the anchor: the other language's source text opens at the same line.
  await page.goto("/vi/documents/411-2022#L40");
  const english = page.getByRole("link", { name: "Switch to English" });
  await expect(english).toHaveAttribute("href", "/en/documents/411-2022#L40");
  await page.locator("#L41").getByRole("link", { name: "41" }).click();
  await expect(english).toHaveAttribute("href", "/en/documents/411-2022#L41");
});

test("a signed-in visitor gets the React page on the same address, and the script-free one again after signing out", async ({
  page,
}) => {
  await signIn(page, "reviewer@cds.gov.vn");
  const scripts = await scriptsOf(page, "/vi/indicators/digital-economy-gdp-share");
  expect(scripts.some((s) => s.startsWith("/_next/static/chunks/"))).toBe(true);
  expect(scripts.some((s) => s.startsWith("/_cds/"))).toBe(false);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  // The React filter shows the same "no match" note.
  await page.goto("/vi");
  await page.getByLabel("Tìm chỉ số").fill("khongcochisonaonhuthe");
  await expect(page.getByText("Không có chỉ số nào phù hợp với bộ lọc.", { exact: false })).toBeVisible();
  // The React language link keeps a document's anchor too.
  await page.goto("/vi/documents/411-2022#L40");
  await expect(page.getByRole("link", { name: "Switch to English" })).toHaveAttribute(
    "href",
    "/en/documents/411-2022#L40",
  );
  await signOut(page);
  const after = await scriptsOf(page, "/vi/indicators/digital-economy-gdp-share");
  expect(after.every((s) => s.startsWith("/_cds/"))).toBe(true);
  await expect(page.getByTestId("sign-in-link")).toBeVisible();
});
