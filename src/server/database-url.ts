// Where the database is. `npm start` (src/cli/start.ts) starts the embedded server and passes its
// URL to the Next.js process in DATABASE_URL; tests do the same, so by the time anything asks,
// DATABASE_URL is always set.
import { env } from "./env";

export function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the portal with `npm start`, which starts an embedded PostgreSQL, or set DATABASE_URL.",
    );
  }
  return env.DATABASE_URL;
}
