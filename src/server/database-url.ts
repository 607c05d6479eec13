// Where the database is. `npm start` (src/cli/start.ts) starts the embedded server and passes its
// URL to the Next.js process in DATABASE_URL; tests do the same. A script that starts a database
// after its modules were loaded (the benchmarks) names it with useDatabaseUrl().
import { env } from "./env";

let override: string | null = null;

export function useDatabaseUrl(url: string): void {
  override = url;
}

export function databaseUrl(): string {
  const url = override ?? env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the portal with `npm start`, which starts an embedded PostgreSQL, or set DATABASE_URL.",
    );
  }
  return url;
}
