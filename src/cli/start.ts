// npm start — the whole portal with one command: database (embedded unless DATABASE_URL is set),
// migrations, seed data, a production build when the sources changed, then the server
// (src/cli/serve.ts: Next.js behind the public-page cache).
// Ctrl-C stops everything this process started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/server/env";
import { migrate } from "@/server/db/migrate";
import { runSeed, SeedError } from "@/server/seed";
import { EmbeddedDbError } from "@/server/db/embedded";
import { explainFailure, openDatabase } from "./database";
import { printReport } from "./seed";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");
const log = (s: string) => console.log(`[portal] ${s}`);

/** Fingerprint of everything a production build depends on. */
function sourceStamp(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    } else {
      h.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const p of ["src", "public", "next.config.mjs", "package.json", "postcss.config.mjs", "tsconfig.json"])
    walk(path.join(root, p));
  return h.digest("hex");
}

function persistentSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(env.dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const dev = process.argv.includes("--dev");
  const dbh = await openDatabase(log, { join: false });
  let child: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await dbh.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const m = await migrate(dbh.url);
    log(m.applied.length ? `Applied migrations: ${m.applied.join(", ")}` : "Database schema is up to date.");
    printReport(await runSeed(dbh.url));
  } catch (e) {
    console.error(e instanceof SeedError ? e.message : `[portal] ${explainFailure(e)}`);
    await stop(1);
    return;
  }

  const childEnv = {
    ...process.env,
    DATABASE_URL: dbh.url,
    NEXTAUTH_SECRET: persistentSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  if (!dev && !process.argv.includes("--no-build")) {
    const stampFile = path.join(root, ".next", "cds-build-stamp");
    const stamp = sourceStamp();
    const built =
      existsSync(path.join(root, ".next", "BUILD_ID")) &&
      existsSync(stampFile) &&
      readFileSync(stampFile, "utf8") === stamp;
    if (!built) {
      log("Building the portal (first start or sources changed; about a minute)…");
      const r = spawnSync(nextBin, ["build"], { stdio: "inherit", env: childEnv });
      if (r.status !== 0) {
        log("Build failed.");
        await stop(1);
        return;
      }
      writeFileSync(stampFile, stamp);
    }
  }

  // Production: Next.js behind the public-page cache (src/cli/serve.ts); development: `next dev`.
  child = dev
    ? spawn(nextBin, ["dev", "-p", String(env.PORT), "-H", env.HOST], { stdio: "inherit", env: childEnv })
    : spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join("src", "cli", "serve.ts")], {
        stdio: "inherit",
        env: { ...childEnv, NODE_ENV: "production" },
      });
  log(`Portal at http://${env.HOST}:${env.PORT}`);
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((e) => {
  console.error(`[portal] ${e instanceof EmbeddedDbError ? e.message : explainFailure(e)}`);
  process.exit(1);
});
