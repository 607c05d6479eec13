import { inject } from "vitest";

// Modules read DATABASE_URL through src/server/env.ts when first imported, after this runs.
process.env.DATABASE_URL = inject("databaseUrl");
