import path from "node:path";
import { defineConfig } from "vitest/config";
import { FixedOrderSequencer } from "./tests/support/sequencer";

// Two projects: pure unit tests next to the code (no database, seconds), and integration tests
// that share one real PostgreSQL (embedded, or DATABASE_URL) created and seeded once.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      // Next.js enforces "server-only" at build time; under Vitest it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    pool: "forks",
    // One order for every run (tests/support/sequencer.ts): integration files share a database.
    sequence: { sequencer: FixedOrderSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts"], setupFiles: ["tests/support/unit-setup.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup.ts"],
          // Integration tests share one database: run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
