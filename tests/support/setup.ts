import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { TEST_NOW } from "./periods";

// Modules read DATABASE_URL through src/server/env.ts when first imported, after this runs.
process.env.DATABASE_URL = inject("databaseUrl");
// The tests are written for one date, not the machine's (tests/support/periods.ts).
process.env.NOW = TEST_NOW;
// Evidence files written by tests go to a scratch folder, not the developer's data.
process.env.UPLOAD_DIR = path.join(os.tmpdir(), "cds-test-uploads");
// Next inlines this from next.config.mjs (experimental.authInterrupts) at build time; pages
// imported directly by tests need it to call forbidden().
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
