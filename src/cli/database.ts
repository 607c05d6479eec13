// Resolves the database for a CLI: DATABASE_URL if set, else the embedded server in DATA_DIR —
// the one a running portal started there if there is one (so db:backup works next to `npm start`),
// otherwise a server of the CLI's own, stopped when it is done.
import { env } from "@/server/env";
import { EmbeddedDbError, openEmbedded, runningServer, startEmbedded, type RunningDb } from "@/server/db/embedded";

export async function openDatabase(
  log: (s: string) => void,
  opts: { join?: boolean } = { join: true },
): Promise<RunningDb> {
  if (env.DATABASE_URL) {
    log("Using the PostgreSQL server named by DATABASE_URL");
    return { url: env.DATABASE_URL, stop: async () => {} };
  }
  if (opts.join !== false) return openEmbedded(env.dataDir, { log });
  // The portal itself owns its server: it waits for a CLI's short-lived one to stop rather than
  // join a server that will vanish under it.
  for (let waited = 0; runningServer(env.dataDir); waited += 500) {
    const other = runningServer(env.dataDir)!;
    if (waited === 0)
      log(`Waiting for the PostgreSQL server already running on ${env.dataDir} (process ${other.pid}) to stop…`);
    if (waited >= 60_000) {
      throw new EmbeddedDbError(
        `A PostgreSQL server (process ${other.pid}, port ${other.port}) already runs on ${env.dataDir}: another portal, or a db: command, uses this folder. Stop it, or give this portal another DATA_DIR.`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`Starting embedded PostgreSQL (data in ${env.dataDir})`);
  return startEmbedded(env.dataDir, { log });
}

/** One sentence for the operator: what happened and what to do; never "undefined" or a bare stack. */
export function explainFailure(e: unknown): string {
  if (e instanceof EmbeddedDbError) return e.message;
  const err = e as NodeJS.ErrnoException & { code?: string };
  if (err?.code === "ECONNREFUSED" || err?.code === "ENOTFOUND" || err?.code === "ETIMEDOUT") {
    return `Cannot reach the database (${err.code}${err.message ? `: ${err.message}` : ""}); check that PostgreSQL is running and that DATABASE_URL names it, then try again.`;
  }
  if (err?.code === "28P01")
    return "The database refused the password in DATABASE_URL (or DATA_DIR/pg-password); correct it and try again.";
  if (err?.code === "3D000")
    return `The database does not exist (${err.message}); create it or correct DATABASE_URL, then try again.`;
  if (err?.code === "ENOENT") return `File not found: ${err.path ?? err.message}; check the path and try again.`;
  if (e instanceof Error && e.message) return e.message;
  return `The command failed without an explanation (${String(e)}); run it again, and if it fails again report this output.`;
}

/** Ends a CLI with the sentence from explainFailure and exit code 1. */
export function fail(e: unknown): never {
  console.error(explainFailure(e));
  process.exit(1);
}
