// Resolves the database for a CLI: DATABASE_URL if set, else the embedded server in DATA_DIR.
import { env } from "@/server/env";
import { startEmbedded, type RunningDb } from "@/server/db/embedded";

export async function openDatabase(log: (s: string) => void): Promise<RunningDb> {
  if (env.DATABASE_URL) {
    log("Using the PostgreSQL server named by DATABASE_URL");
    return { url: env.DATABASE_URL, stop: async () => {} };
  }
  log(`Starting embedded PostgreSQL (data in ${env.dataDir})`);
  return startEmbedded(env.dataDir, { log });
}
