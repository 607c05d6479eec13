// Every kind of public page, signed out, in both languages, with axe; and a CSV download checked
// against the JSON API.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support";

const PAGES = [
  "",
  "/decisions/942-2021",
  "/documents/749-2020",
  "/indicators/egdi-rank",
  "/tasks",
  "/sources",
  "/methodology",
  "/archive/2026-Q2",
];

for (const lang of ["vi", "en"] as const) {
  test(`every kind of public page renders in ${lang} and passes axe`, async ({ page }) => {
    test.setTimeout(240_000);
    for (const p of PAGES) {
      const res = await page.goto(`/${lang}${p}`);
      expect(res?.status(), p).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("sign-in-link")).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test("an indicator's CSV download holds the same approved values as the API", async ({ page, request }) => {
  await page.goto("/en/indicators/digital-economy-gdp-share");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download CSV/ }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe("indicator,agency,national,period,value,unit,approved_at,illustrative");
  const rows = csv.slice(1).map((l) => l.split(","));
  const api = await (await request.get("/api/v1/observations?indicator=digital-economy-gdp-share&pageSize=500")).json();
  expect(rows).toHaveLength(api.meta.total);
  const byKey = new Map(
    api.data.map((o: { agency: string; period: string; value: number }) => [`${o.agency}/${o.period}`, o.value]),
  );
  for (const r of rows) expect(Number(r[4]), `${r[1]} ${r[3]}`).toBe(byKey.get(`${r[1]}/${r[3]}`));
});
