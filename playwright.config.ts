import { defineConfig } from "@playwright/test";
import { TEST_NOW } from "./tests/support/periods";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// A fresh database every run: the tests change data (submissions, approvals).
const E2E_DATA = ".data/e2e";

// Browsers come from Debian (apt-get install chromium): Playwright cannot download its own here.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A stray test.only must not pass CI by skipping the rest.
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // The same path a user takes: `npm start` (embedded PostgreSQL, migrations, seed, build, serve),
    // with its own data folder so the tests never touch a developer's data.
    command: `rm -rf ${E2E_DATA} && node_modules/.bin/tsx src/cli/start.ts`,
    url: `http://127.0.0.1:${PORT}/vi`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The portal runs on the tests' clock (tests/support/periods.ts), whatever the machine's date.
    env: { PORT: String(PORT), DATA_DIR: E2E_DATA, NEXT_TELEMETRY_DISABLED: "1", NOW: TEST_NOW },
  },
});
