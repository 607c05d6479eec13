import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signOut } from "./support";

test("a reviewer drills from a status count to an indicator whose chart shows both milestones and explains its status", async ({
  page,
}) => {
  // axe over a dashboard of some eighty charts takes tens of seconds on the shared 2-core machines.
  test.setTimeout(120_000);
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bảng điều khiển quốc gia");
  await expect(page.getByTestId("completeness")).toBeVisible();
  await expectAccessible(page);

  // 2030 milestone, digital economy pillar, "limited progress": the GDP share on the statistics
  // office's series (12.83 % in 2022 → 14.02 % in 2025 against 30 % by 2030, R = 0.18).
  await page.getByTestId("count-2030-DIGITAL_ECONOMY-LIMITED_PROGRESS").click();
  await expect(page).toHaveURL(/milestone=2030/);
  await expect(page).toHaveURL(/status=LIMITED_PROGRESS/);
  const rows = page.getByTestId("target-row");
  await expect(rows.first()).toBeVisible();
  for (const status of await page.getByTestId("target-row").locator("[data-status]").all())
    await expect(status).toHaveAttribute("data-status", "LIMITED_PROGRESS");

  await page.getByTestId("target-row").getByRole("link", { name: "Tỷ trọng kinh tế số trong GDP" }).first().click();
  await expect(page).toHaveURL(/\/vi\/indicators\/digital-economy-gdp-share$/);
  await expect(page.getByTestId("indicator-chart").locator("svg").first()).toBeVisible();
  const summary = page.locator("#chart-summary");
  await expect(summary).toContainText("2025 ≥ 20%");
  await expect(summary).toContainText("2030 ≥ 30%");
  await expect(page.getByTestId("indicator-chart")).toContainText("411/QĐ-TTg · 2030");
  const t2030 = page.getByTestId("indicator-target").filter({ hasText: "Mốc 2030" }).first();
  await expect(t2030.locator("[data-status]")).toHaveAttribute("data-status", "LIMITED_PROGRESS");
  // One plain sentence: what was needed, what happened, what it means; then the source and a link
  // to the method.
  const e2030 = t2030.getByTestId("status-explanation");
  await expect(e2030).toContainText("Cần đạt ≥ 30% vào năm 2030; từ 12,83% (2022) cần tăng 2,15 điểm phần trăm/năm");
  await expect(e2030).toContainText("nên tiến triển còn hạn chế.");
  await expect(e2030).toContainText("Nguồn: Cục Thống kê");
  await expect(e2030.getByRole("link", { name: "Cách tính" })).toHaveAttribute("href", "/vi/methodology#method");
  const t2025 = page.getByTestId("indicator-target").filter({ hasText: "Mốc 2025" }).first();
  await expect(t2025.getByTestId("status-explanation")).toContainText("nên mục tiêu không đạt.");
  await expect(t2025.getByTestId("status-explanation")).toContainText("Kết quả tạm tính đến 08/01/2027");
  await expect(page.getByTestId("indicator-data")).toContainText("Quý II/2026");
  await expectAccessible(page);
});

test("a reviewer's dashboard charts every indicator against its thresholds, with status charts and a completeness heatmap, each with a text alternative", async ({
  page,
}) => {
  // axe over a dashboard of some eighty charts takes tens of seconds on the shared 2-core machines.
  test.setTimeout(120_000);
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/dashboard");
  const multiples = page.getByTestId("indicator-multiple");
  await expect(multiples.first()).toBeVisible();
  // One chart per indicator the view lists.
  const listed = await page
    .getByTestId("indicator-multiple")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-indicator")));
  expect(new Set(listed).size).toBe(listed.length);
  // Twelve to a page; the total is in the heading, the next twelve a link away.
  expect(listed.length).toBe(12);
  const total = Number((await page.locator("#charts").textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(total).toBeGreaterThan(12);
  await expect(page.getByTestId("chart-pages")).toContainText(`Biểu đồ 1–12 trong ${total}`);
  // Each is drawn as the reader scrolls to it.
  for (const m of (await multiples.all()).slice(0, 4)) {
    await m.scrollIntoViewIfNeeded();
    await expect(m.locator("svg.recharts-surface")).toBeVisible();
  }

  // The digital economy's GDP share, found by paging through the charts of its pillar: both
  // decisions' 2025 threshold and the 2030 one, as labelled lines on the chart and in words with
  // their status; the card links to the indicator page.
  await page.goto("/vi/dashboard?pillar=DIGITAL_ECONOMY");
  const gdp = page.locator('[data-testid="indicator-multiple"][data-indicator="digital-economy-gdp-share"]');
  const seen = new Set<string>();
  while (!(await gdp.count())) {
    const here = await page
      .getByTestId("indicator-multiple")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-indicator")!));
    expect(here.filter((c) => seen.has(c))).toEqual([]);
    here.forEach((c) => seen.add(c));
    await page
      .getByTestId("chart-pages")
      .getByRole("link", { name: /biểu đồ tiếp/ })
      .click();
    await expect(page).toHaveURL(/charts=\d+/);
  }
  await gdp.scrollIntoViewIfNeeded();
  await expect(gdp.locator("svg.recharts-surface")).toBeVisible();
  await expect(gdp.locator("svg").filter({ hasText: "2025 ≥ 20%" }).first()).toBeAttached();
  await expect(gdp.locator("svg").filter({ hasText: "2030 ≥ 30%" }).first()).toBeAttached();
  await expect(gdp.getByTestId("multiple-thresholds")).toContainText("2025 ≥ 20%");
  await expect(gdp.getByTestId("multiple-thresholds")).toContainText("2030 ≥ 30%");
  await expect(gdp.getByTestId("multiple-thresholds").locator("[data-status]").first()).toBeVisible();
  await expect(gdp.getByRole("link", { name: "Tỷ trọng kinh tế số trong GDP" })).toHaveAttribute(
    "href",
    "/vi/indicators/digital-economy-gdp-share",
  );
  // Numbers in Vietnamese, in the chart's text alternative too.
  await expect(gdp.locator("figcaption")).toContainText(/mới nhất \d+,\d+%/);
  // A series can be hidden and shown again.
  const toggle = gdp.getByRole("group").getByRole("button").first();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  // Status counts as stacked bars, task status by lead agency, the completeness heatmap (its cells
  // keep their words and numbers).
  await expect(page.getByTestId("status-chart-2030-pillar").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("status-chart-2025-decision").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("tasks-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const heat = page.locator('[data-testid="completeness"][data-heatmap] td[data-status]').first();
  await expect(heat).toHaveText(/\p{L}.*\d+\/\d+/u);
  expect(await heat.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");

  // Every chart has a text alternative: a caption saying what it shows (an indicator's: its
  // period, latest value and thresholds) and, for the bars, the table with their numbers.
  const charts = await page.locator("[data-chart]").evaluateAll((els) =>
    els.map((e) => ({
      caption: e.querySelector("figcaption")?.textContent?.trim() ?? "",
      table:
        e.matches('[data-testid="indicator-multiple"]') ||
        !!e.querySelector("table") ||
        !!e.parentElement?.querySelector("table"),
      hiddenDrawing: [...e.querySelectorAll("svg.recharts-surface")].every((s) => !!s.closest('[aria-hidden="true"]')),
    })),
  );
  expect(charts.length).toBeGreaterThan(listed.length);
  for (const c of charts) {
    expect(c.caption.length).toBeGreaterThan(10);
    expect(c.table).toBe(true);
    expect(c.hiddenDrawing).toBe(true);
  }
  await expectAccessible(page);
});

test("an agency reporter sees their agency's dashboard but not the national one", async ({ page }) => {
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  expect((await page.goto("/vi/dashboard"))?.status()).toBe(403);
  await expect(page.getByText("Bạn không có quyền xem trang này.")).toBeVisible();
  expect((await page.goto("/vi/dashboard/agencies/T-HA-NOI"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Thành phố Hà Nội");
  expect((await page.goto("/vi/dashboard/agencies/T-HO-CHI-MINH"))?.status()).toBe(403);
  await expect(page.getByText("Bạn không có quyền xem trang này.")).toBeVisible();
  // In English too, with a way home.
  expect((await page.goto("/en/review"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page.");
  await expect(page.getByRole("link", { name: "Home" })).toHaveAttribute("href", "/en");
});

test("the targets CSV holds exactly the targets the dashboard lists, nationally and in an agency's view", async ({
  page,
}) => {
  const shownAndDownloaded = async (url: string) => {
    await page.goto(url);
    const rows = page.getByTestId("target-row");
    await expect(rows.first()).toBeVisible();
    // One page (50 rows), so the list on screen is the whole list.
    await expect(page.getByRole("navigation", { name: /Trang \d+\/\d+/ })).toHaveCount(0);
    const shown = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-target") ?? ""))).sort();
    const href = await page.getByTestId("targets-csv").getAttribute("href");
    const csv = await (await page.request.get(href!)).text();
    const downloaded = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort();
    expect(downloaded).toEqual(shown);
    return shown;
  };
  await signIn(page, "reviewer@cds.gov.vn");
  const national = await shownAndDownloaded("/vi/dashboard?milestone=2025&pillar=DIGITAL_GOVERNMENT");
  const filtered = await shownAndDownloaded("/vi/dashboard?milestone=2025&pillar=DIGITAL_GOVERNMENT&agency=T-HA-NOI");
  expect(filtered.length).toBeGreaterThan(0);
  expect(filtered.length).toBeLessThan(national.length);
  await signOut(page);
  await signIn(page, "reporter.hanoi@cds.gov.vn");
  expect(await shownAndDownloaded("/vi/dashboard/agencies/T-HA-NOI?milestone=2025&pillar=DIGITAL_GOVERNMENT")).toEqual(
    filtered,
  );
});

test("a reviewer zooms a chart's time axis: to the period with data, back to 2030, and by dragging across the plot", async ({
  page,
}) => {
  await signIn(page, "reviewer@cds.gov.vn");
  await page.goto("/vi/dashboard");
  const chart = page
    .getByTestId("indicator-multiple")
    .filter({ has: page.getByRole("button", { name: "Giai đoạn có số liệu" }) })
    .first();
  await chart.scrollIntoViewIfNeeded();
  const surface = chart.locator("svg.recharts-surface");
  await expect(surface).toBeVisible();
  // recharts draws the tick labels in a layer of their own, apart from the axis group.
  const ticks = chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  // Unzoomed, the axis runs to the 2030 milestones.
  await expect(ticks.last()).toHaveText("2030");
  const before = await ticks.allTextContents();
  const years = async () => (await ticks.allTextContents()).map((t) => Number(/\d{4}/.exec(t)![0]));

  const zoom = chart.getByRole("group", { name: "Phóng to:" });
  const data = zoom.getByRole("button", { name: "Giai đoạn có số liệu" });
  const full = zoom.getByRole("button", { name: "Toàn bộ đến 2030" });
  await expect(full).toHaveAttribute("aria-pressed", "true");
  await expect(data).toHaveAttribute("aria-pressed", "false");
  await data.click();
  await expect(data).toHaveAttribute("aria-pressed", "true");
  await expect(full).toHaveAttribute("aria-pressed", "false");
  // The empty years to 2030 are gone from the axis.
  await expect.poll(async () => Math.max(...(await years()))).toBeLessThan(2030);
  // The keyboard brings the whole period back.
  await full.focus();
  await page.keyboard.press("Enter");
  await expect(full).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => ticks.allTextContents()).toEqual(before);

  // A drag across the middle of the plot (the value axis takes its first 48 px) zooms to that range.
  const box = (await surface.boundingBox())!;
  const plotX = (f: number) => box.x + 48 + (box.width - 56) * f;
  const y = box.y + box.height / 3;
  await page.mouse.move(plotX(0.3), y);
  await page.mouse.down();
  await page.mouse.move(plotX(0.45), y, { steps: 4 });
  await page.mouse.move(plotX(0.6), y, { steps: 4 });
  await page.mouse.up();
  const reset = zoom.getByRole("button", { name: "Đặt lại" });
  await expect(reset).toBeVisible();
  await expect(full).toHaveAttribute("aria-pressed", "false");
  await expect.poll(() => ticks.allTextContents()).not.toEqual(before);
  const dragged = await years();
  expect(Math.min(...dragged)).toBeGreaterThan(Number(before[0]));
  expect(Math.max(...dragged)).toBeLessThan(2030);
  // A click without a drag leaves the zoom as it is.
  await page.mouse.click(plotX(0.5), y);
  expect(await years()).toEqual(dragged);
  await reset.click();
  await expect.poll(() => ticks.allTextContents()).toEqual(before);
  await expect(reset).toHaveCount(0);
  await expect(full).toHaveAttribute("aria-pressed", "true");
});
