// Operations on the real portal (`npm start`, embedded PostgreSQL): an operator runs
// `npm run db:backup` in another terminal while the portal serves; the backup appears on the
// administrator's page and downloads; the probes answer; the reporter's page is untouched.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

const root = path.resolve(import.meta.dirname, "../..");

function dbBackup(): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: ".data/e2e" };
  delete env.DATABASE_URL;
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["src/cli/backup.ts"], { cwd: root, env });
  let out = "";
  child.stdout.on("data", (b) => (out += b));
  child.stderr.on("data", (b) => (out += b));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

test("a backup taken next to the running portal is listed on the admin page and downloads", async ({
  page,
  request,
}) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  expect(await (await request.get("/api/ready")).json()).toEqual({ status: "ready" });

  await signIn(page, "admin@cds.gov.vn");
  await page.goto("/vi/admin");
  await page.getByRole("link", { name: "Sao lưu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sao lưu cơ sở dữ liệu" })).toBeVisible();
  const rowsBefore = await page.locator("tbody tr").count();

  const r = await dbBackup();
  expect(r.out).toContain("Using the embedded PostgreSQL already running");
  expect(r.code, r.out).toBe(0);

  await page.reload();
  await expect(page.getByTestId("backup-status")).toHaveAttribute("data-state", "ok");
  await expect(page.locator("tbody tr")).toHaveCount(rowsBefore + 1);
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("link", { name: /^Tải về bản sao lưu lúc/ })
      .first()
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cds-.*\.jsonl\.gz$/);

  // The portal still serves after the CLI left.
  expect((await request.get("/api/ready")).status()).toBe(200);
});

test("a reviewer cannot open the backups page or download a backup", async ({ page }) => {
  await signIn(page, "reviewer@cds.gov.vn");
  const res = await page.goto("/vi/admin/backups");
  expect(res?.status()).toBe(403);
  const dl = await page.request.get("/api/admin/backups/cds-2026-12-03T02-00-00-000Z.jsonl.gz");
  expect(dl.status()).toBe(403);
});
