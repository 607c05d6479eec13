// Faults: the database going away while the portal runs, and a server process killed in the
// middle of a write. Everything here runs against a PostgreSQL of its own (an embedded server in
// a temporary folder, stopped and restarted by the tests), never the suite's shared database.
//
// (a) PostgreSQL stops: route handlers answer 503 and server actions { ok: false } within a few
//     seconds, with a plain Vietnamese message; it starts again (same data, same port): the same
//     calls work again on the same Prisma client, nothing restarted. Connections killed under
//     requests in flight fail them at once, the same way. (a′) A server that accepts connections
//     but never answers: the pool gives up after its connect timeout (no hang).
// (b) The seed CLI is SIGKILLed while its transaction has written rows: nothing is left behind,
//     and the next run imports everything.
// (c) A process confirming an Excel import is SIGKILLed half-way through its transaction: nothing
//     is written, the preview is still pending, and confirming it again works.
//
// (b) and (c) pause the child deterministically with a lock held by the test (no hooks in the
// product): the child blocks on it after its first writes, which pg_stat_activity shows
// (waiting on a lock, with a transaction id). Then it is killed and the lock released.
//
// (b) runs first: the database its second seed run fills (migrated and seeded by the CLI) is
// copied as the portal's database for (a) and (c), which saves seeding twice. Run alone, (a) and
// (c) migrate and seed that database themselves.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/server/session", () => import("../support/session-mock"));
import { setClaims } from "../support/session-mock";
import { form } from "../support/forms";
import ErrorPage from "@/app/[lang]/error";
import { GET as evidenceRoute } from "@/app/api/evidence/[id]/route";
import { GET as meRoute } from "@/app/api/me/route";
import { GET as templateRoute } from "@/app/api/reporting/template/route";
import { GET as bulkObservationsRoute } from "@/app/api/v1/bulk/observations.csv/route";
import { GET as decisionRoute } from "@/app/api/v1/decisions/[key]/route";
import { GET as indicatorsRoute } from "@/app/api/v1/indicators/route";
import { GET as observationsRoute } from "@/app/api/v1/observations/route";
import { GET as workspaceRoute } from "@/app/api/v1/reporting/workspace/route";
import { GET as statusesRoute } from "@/app/api/v1/statuses/route";
import { GET as tasksCsvRoute } from "@/app/api/v1/tasks.csv/route";
import { confirmImport, getImportBatch, previewImport } from "@/modules/excel/import";
import { saveIndicatorsAction } from "@/modules/reporting/actions";
import { saveTaskProgress } from "@/modules/reporting/mutations";
import { toResult } from "@/server/action";
import { publicErrorResponse } from "@/server/api";
import { requireUser, type SessionUser } from "@/server/current-user";
import { useDatabaseUrl } from "@/server/database-url";
import { createPrisma, db, POOL_OPTIONS } from "@/server/db";
import { startEmbedded, type RunningDb } from "@/server/db/embedded";
import { isDatabaseUnavailable } from "@/server/errors";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";
import { openQuarter } from "../support/periods";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const HANOI = "reporter.hanoi@cds.gov.vn";
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
/** The bound on a call made while the database is down. */
const FAIL_FAST_MS = 10_000;

let dataDir = "";
let server: RunningDb | null = null;
let port = 0;
/** The server's maintenance database ("cds", created by startEmbedded): for CREATE DATABASE and pg_stat_activity. */
let adminUrl = "";
/** The portal's database in (a) and (c): what the app's Prisma client is pointed at. */
let appUrl = "";
const APP_DB = "cds_app";
/** A database the seed CLI migrated and filled in (b), copied as the portal's database. */
let seededByCli: string | null = null;
let appReady: Promise<void> | null = null;
const conns: { admin: pg.Client | null; app: pg.Client | null } = { admin: null, app: null };
const children = new Set<ChildProcess>();
const extraClients = new Set<pg.Client>();
const timings: Record<string, number> = {};

/** The test's own connections (opened again after a restart). */
async function conn(which: "admin" | "app"): Promise<pg.Client> {
  return (conns[which] ??= await connect(which === "admin" ? adminUrl : appUrl));
}
type Row = pg.QueryResultRow;
const adminSql = async <T extends Row = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await (await conn("admin")).query<T>(text, params)).rows;
const sql = async <T extends Row = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await (await conn("app")).query<T>(text, params)).rows;

/**
 * The portal's database, created once: a copy of the one the seed CLI filled in (b), or (when (b)
 * did not run or failed) migrated and seeded here. The app's Prisma client is pointed at it.
 */
function appDatabase(): Promise<void> {
  return (appReady ??= (async () => {
    const t0 = performance.now();
    if (seededByCli) {
      await adminSql(`CREATE DATABASE ${APP_DB} TEMPLATE ${seededByCli}`);
    } else {
      await adminSql(`CREATE DATABASE ${APP_DB}`);
      await migrate(appUrl);
      await runSeed(appUrl);
    }
    timings[seededByCli ? "appDatabaseCopy" : "appDatabaseMigrateAndSeed"] = performance.now() - t0;
    // The app's one Prisma client (src/server/db.ts) is created on first use: point it here.
    expect((globalThis as { __prisma?: unknown }).__prisma).toBeUndefined();
    useDatabaseUrl(appUrl);
  })());
}

function withDatabase(base: string, name: string, appName?: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  if (appName) u.searchParams.set("application_name", appName);
  return u.toString();
}

async function connect(connectionString: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString });
  c.on("error", () => {}); // a stopped server must not crash the test process
  await c.connect();
  extraClients.add(c);
  return c;
}

async function closeClient(c: pg.Client | null) {
  if (!c) return;
  extraClients.delete(c);
  await c.end().catch(() => {});
}

/** Rejects when `p` takes longer than `ms`: a hang becomes a clear failure, not a test timeout. */
async function within<T>(ms: number, what: string, p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    const value = await Promise.race([p, timeout]);
    return { value, ms: performance.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

type Child = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `tsx <args>` in its own process group (tsx runs the script in a child process of its own). */
function spawnTsx(args: string[], databaseUrl: string): Child {
  const child = spawn(TSX, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => out, exited };
}

/** SIGKILL for the child and everything it started (its process group): a server dying. */
function killGroup(child: ChildProcess) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    /* already gone */
  }
}

/**
 * Waits until a backend of `appName` is blocked by `lockHolderPid` while holding a transaction id
 * (it has written), and returns its pid. Fails early if the child exits first.
 */
async function waitForBlockedWriter(
  appName: string,
  lockHolderPid: number,
  proc: Child,
  timeoutMs: number,
): Promise<number> {
  let exited = false;
  void proc.exited.then(() => (exited = true));
  return waitFor(
    `a backend of ${appName} blocked by the test's lock after writing`,
    async () => {
      if (exited) throw new Error(`the child exited before blocking:\n${proc.output()}`);
      const rows = await adminSql<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE application_name = $1 AND wait_event_type = 'Lock' AND backend_xid IS NOT NULL
            AND $2 = ANY (pg_blocking_pids(pid))`,
        [appName, lockHolderPid],
      );
      return rows[0]?.pid;
    },
    timeoutMs,
  );
}

/** After the kill and the release, the dead client's backend notices and rolls back. */
async function waitForBackendGone(pid: number) {
  await waitFor(
    `backend ${pid} to end`,
    async () => (await adminSql(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid])).length === 0,
    15_000,
  );
}

/** The tables a backend has written to in its open transaction (it holds RowExclusiveLock on them). */
async function writtenTables(c: pg.Client, pid: number): Promise<string[]> {
  const r = await c.query<{ t: string }>(
    `SELECT DISTINCT c.relname AS t FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock' AND l.granted AND c.relkind IN ('r', 'p') ORDER BY 1`,
    [pid],
  );
  return r.rows.map((x) => x.t);
}

/** Rows in every table of the database. */
async function tableCounts(c: pg.Client): Promise<Record<string, number>> {
  const tables = (
    await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
  ).rows.map((r) => r.t);
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
  return out;
}

async function signInAs(email: string) {
  const [u] = await sql<{ id: number; sv: number }>(`SELECT id, "sessionVersion" AS sv FROM "User" WHERE email = $1`, [
    email,
  ]);
  setClaims({ uid: u.id, sv: u.sv });
}

async function startServer() {
  const t0 = performance.now();
  server = await startEmbedded(dataDir, port ? { port } : {});
  port = server.port!;
  return performance.now() - t0;
}

async function stopServer() {
  const s = server;
  server = null;
  for (const which of ["admin", "app"] as const) {
    await closeClient(conns[which]);
    conns[which] = null;
  }
  const t0 = performance.now();
  await s?.stop();
  return performance.now() - t0;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "cds-faults-"));
  timings.startEmbedded = await startServer();
  adminUrl = server!.url;
  appUrl = withDatabase(adminUrl, APP_DB);
});

afterAll(async () => {
  for (const c of children) killGroup(c);
  for (const c of [...extraClients]) await closeClient(c);
  await db.$disconnect().catch(() => {});
  await stopServer().catch(() => {});
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  console.log(
    "[faults] timings (ms):",
    Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  );
});

/** What the user must never see: driver text, addresses, stack frames. */
const INTERNAL = /prisma|econn|postgres|pg_|127\.0\.0\.1|localhost:\d|\bat \S+ \(|stack|terminat|socket|P10\d\d|P2024/i;

// ── (b) ──────────────────────────────────────────────────────────────────────────────────────

/** Rows the seed files define, for the tables whose count follows from them directly. */
function expectedSeedCounts() {
  const read = (f: string) => JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", f), "utf8"));
  const docs = [
    "doc-411-2022.json",
    "doc-1437-2024.json",
    "doc-749-2020.json",
    "doc-942-2021.json",
    "doc-draft-cds.json",
  ].map(read);
  const agencies = read("agencies.json");
  const demo = read("demo-progress.json");
  return {
    Document: docs.length,
    Target: docs.reduce((n, d) => n + d.targets.length, 0),
    Commitment: docs.reduce((n, d) => n + d.commitments.length, 0),
    Task: docs.reduce((n, d) => n + (d.taskTable?.tasks.length ?? 0), 0),
    Indicator: read("indicators.json").indicators.length,
    Agency: agencies.agencies.length,
    AgencyGroup: agencies.groups.length,
    User: read("demo-users.json").users.length,
    Observation: demo.observations.length,
    ObservationRevision: demo.observations.length,
    SeedRun: 1,
  };
}

describe("(b) the seed process killed in the middle of its transaction", () => {
  it("leaves no row behind, and the next run imports everything", async () => {
    const name = "cds_seed";
    await adminSql(`CREATE DATABASE ${name}`);
    const seedDb = withDatabase(adminUrl, name);
    await migrate(seedDb);
    const counter = await connect(seedDb);
    const migrated = await tableCounts(counter);
    expect(migrated._prisma_migrations).toBeGreaterThan(0);

    // SeedRun is the last table the seed touches (importSeeds reads it after every other write).
    const lock = await connect(seedDb);
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "SeedRun" IN ACCESS EXCLUSIVE MODE`);
    const lockPid = (await lock.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;

    const t0 = performance.now();
    const seed = spawnTsx(["src/cli/seed.ts"], withDatabase(adminUrl, name, "cds-fault-seed"));
    const backend = await waitForBlockedWriter("cds-fault-seed", lockPid, seed, 60_000);
    timings.seedUntilBlocked = performance.now() - t0;
    // It has written (rows nobody else can see yet) to every table before SeedRun.
    expect(await writtenTables(counter, backend)).toEqual(
      expect.arrayContaining([
        "Agency",
        "Indicator",
        "Document",
        "Target",
        "Task",
        "TaskAssignment",
        "Observation",
        "User",
      ]),
    );

    killGroup(seed.child);
    expect((await within(10_000, "the killed seed to exit", seed.exited)).value.signal).toBe("SIGKILL");
    await lock.query("ROLLBACK");
    await waitForBackendGone(backend);

    const after = await tableCounts(counter);
    expect(after).toEqual(migrated);
    for (const t of Object.keys(expectedSeedCounts())) expect(after[t], t).toBe(0);

    // The next run completes and imports everything.
    const t1 = performance.now();
    const again = spawnTsx(["src/cli/seed.ts"], withDatabase(adminUrl, name, "cds-fault-seed-2"));
    const done = await within(90_000, "the second seed run", again.exited);
    timings.seedFullRun = performance.now() - t1;
    expect(done.value.code, again.output()).toBe(0);
    expect(again.output()).toMatch(/Database holds 5 documents/);
    const seeded = await tableCounts(counter);
    expect(seeded).toMatchObject(expectedSeedCounts());
    for (const t of [
      "TaskHeading",
      "TaskAgency",
      "TaskAssignment",
      "AgencySuccession",
      "DataQualityNote",
      "ReportingPeriod",
      "IndicatorAssignment",
    ]) {
      expect(seeded[t], t).toBeGreaterThan(0);
    }

    await closeClient(counter);
    await closeClient(lock);
    seededByCli = name; // the portal's database for (a) and (c) is a copy of this one
  }, 100_000);
});

// ── (a) ──────────────────────────────────────────────────────────────────────────────────────

describe("(a) PostgreSQL stops and starts again while the portal runs", () => {
  it("answers 503 / { ok: false } quickly while it is down, and works again on the same client when it is back", async () => {
    await appDatabase();
    await signInAs(HANOI);
    const [{ id: indicatorId }] = await sql<{ id: number }>(
      `SELECT id FROM "Indicator" WHERE code = 'digital-inspections-share'`,
    );
    const obsOf = async () =>
      (
        await sql<{ value: number; version: number }>(
          `SELECT o.value, o.version FROM "Observation" o JOIN "Agency" a ON a.id = o."agencyId"
          WHERE a.code = 'T-HA-NOI' AND o."indicatorId" = $1 AND o.year = 2026 AND o.quarter = 3`,
          [indicatorId],
        )
      )[0];

    // Public reads (lists, one resource, CSVs, a streamed bulk file) and signed-in ones, as Next.js
    // calls them: each route's own export, which must map an outage itself.
    const publicCalls = {
      indicators: () => indicatorsRoute(new Request("http://localhost/api/v1/indicators?pageSize=5")),
      observations: () => observationsRoute(new Request("http://localhost/api/v1/observations?pageSize=5")),
      statuses: () => statusesRoute(new Request("http://localhost/api/v1/statuses?pageSize=5")),
      decision: () =>
        decisionRoute(new Request("http://localhost/api/v1/decisions/942-2021"), {
          params: Promise.resolve({ key: "942-2021" }),
        }),
      tasksCsv: () => tasksCsvRoute(new Request("http://localhost/api/v1/tasks.csv?decision=942-2021")),
      bulkObservations: () => bulkObservationsRoute(),
    };
    const calls = {
      ...publicCalls,
      workspace: () => workspaceRoute(new Request(`http://localhost/api/v1/reporting/workspace?period=${PERIOD}`)),
      template: () => templateRoute(new Request(`http://localhost/api/reporting/template?period=${PERIOD}`)),
      me: () => meRoute(),
      // No such file: a 404 while the database is up.
      evidence: () =>
        evidenceRoute(new Request("http://localhost/api/evidence/x"), {
          params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }),
        }),
    };
    const upStatus = (name: string) => (name === "evidence" ? 404 : 200);
    const save = (value: string, version: number) =>
      saveIndicatorsAction(
        null,
        form({
          period: PERIOD,
          intent: "draft",
          [`ind.${indicatorId}.value`]: value,
          [`ind.${indicatorId}.source`]: "Sở TT&TT",
          [`ind.${indicatorId}.version`]: version,
        }),
      );

    // Up: everything works.
    for (const [name, call] of Object.entries(calls)) expect((await call()).status, name).toBe(upStatus(name));
    const indicators = await (await calls.indicators()).json();
    expect(indicators.data).toHaveLength(5);
    expect(await save("41,5", 0)).toMatchObject({ ok: true });
    expect(await obsOf()).toEqual({ value: 41.5, version: 1 });
    const client = (globalThis as { __prisma?: unknown }).__prisma;
    expect(client).toBeDefined();

    // A request and a save in flight lose their connections (both wait for a lock on Observation
    // when their server processes are terminated, as in a failover): they fail at once, cleanly,
    // and the pool replaces the lost connections.
    const holder = await connect(appUrl);
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE "Observation" IN ACCESS EXCLUSIVE MODE`);
    const [{ pid: holderPid }] = (await holder.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    const inFlightRoute = calls.observations();
    const inFlightSave = save("45", 1);
    const blocked = await waitFor("the request and the save to wait for the lock", async () => {
      const rows = await adminSql<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`,
        [holderPid],
      );
      return rows.length >= 3 && rows.map((r) => r.pid); // the route's list and count, the save's read
    });
    const tCut = performance.now();
    await adminSql(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [blocked]);
    const { value: cut } = await within(FAIL_FAST_MS, "the request in flight", inFlightRoute);
    timings["cut.observations"] = performance.now() - tCut;
    expect(cut.status).toBe(503);
    const cutText = await cut.text();
    expect(JSON.parse(cutText).error.message).toMatch(/^Cơ sở dữ liệu tạm thời không truy cập được/);
    expect(cutText).not.toMatch(INTERNAL);
    const { value: cutSave } = await within(FAIL_FAST_MS, "the save in flight", inFlightSave);
    timings["cut.saveAction"] = performance.now() - tCut;
    expect(cutSave).toMatchObject({ ok: false, values: { [`ind.${indicatorId}.value`]: "45" } });
    expect(cutSave.message).toMatch(/^Cơ sở dữ liệu tạm thời không truy cập được nên chưa lưu được/);
    await holder.query("ROLLBACK");
    await closeClient(holder);
    for (const [name, call] of Object.entries(calls))
      expect((await call()).status, `${name} after the cut`).toBe(upStatus(name));
    expect(await obsOf()).toEqual({ value: 41.5, version: 1 });

    // PostgreSQL stops.
    timings.stop = await stopServer();
    // Twice each: first with the pool's connections just broken, then with none left.
    for (const round of [1, 2]) {
      for (const [name, call] of Object.entries(calls)) {
        const { value: res, ms } = await within(FAIL_FAST_MS, `${name} while down`, call());
        timings[`down.${name}.${round}`] = ms;
        expect(res.status, name).toBe(503);
        expect(res.headers.get("retry-after"), name).toMatch(/^\d+$/);
        expect(res.headers.get("cache-control"), name).toBe("no-store");
        if (name in publicCalls) expect(res.headers.get("access-control-allow-origin"), name).toBe("*");
        const text = await res.text();
        const body = JSON.parse(text);
        expect(body.error.message, name).toMatch(/^Cơ sở dữ liệu tạm thời không truy cập được/);
        expect(text, name).not.toMatch(INTERNAL);
      }
      const { value: r, ms } = await within(FAIL_FAST_MS, "draft save while down", save("47,5", 1));
      timings[`down.saveAction.${round}`] = ms;
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/^Cơ sở dữ liệu tạm thời không truy cập được nên chưa lưu được/);
      expect(r.message).not.toMatch(INTERNAL);
      expect(r.values).toMatchObject({
        period: PERIOD,
        [`ind.${indicatorId}.value`]: "47,5",
        [`ind.${indicatorId}.source`]: "Sở TT&TT",
      });
      expect(r.fieldErrors).toBeUndefined();
    }
    // A page's error boundary shows no internal text either (its error carries some here).
    const html = renderToStaticMarkup(
      ErrorPage({
        error: Object.assign(new Error("PrismaClientKnownRequestError P1001: connect ECONNREFUSED 127.0.0.1:5432"), {
          digest: "1234567",
        }),
        reset: () => {},
      }),
    );
    expect(html).toMatch(/Đã có lỗi xảy ra/);
    expect(html).not.toMatch(INTERNAL);

    // Up again, same data folder and port: the same client recovers by itself.
    timings.restart = await startServer();
    const tBack = performance.now();
    for (const [name, call] of Object.entries(calls)) {
      const { value: res, ms } = await within(FAIL_FAST_MS, `${name} after restart`, call());
      timings[`up.${name}`] = ms;
      expect(res.status, name).toBe(upStatus(name));
    }
    timings.firstCallsAfterRestart = performance.now() - tBack;
    expect((await (await calls.indicators()).json()).data).toEqual(indicators.data);
    expect(await obsOf()).toEqual({ value: 41.5, version: 1 }); // the refused save wrote nothing
    expect(await save("47,5", 1)).toMatchObject({ ok: true, message: "Đã lưu nháp 1 mục." });
    expect(await obsOf()).toEqual({ value: 47.5, version: 2 });
    expect((globalThis as { __prisma?: unknown }).__prisma).toBe(client);
  });
});

describe("(a′) a database server that accepts connections but never answers", () => {
  it("gives up after the pool's connect timeout with a 503, instead of hanging", async () => {
    // A hung server (or a network that drops packets): TCP connects, the handshake never comes.
    const sockets = new Set<net.Socket>();
    const blackHole = net.createServer((sock) => void sockets.add(sock));
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    const hungPort = (blackHole.address() as net.AddressInfo).port;
    const hung = createPrisma(`postgresql://postgres:x@127.0.0.1:${hungPort}/cds`);
    try {
      const { value: err, ms } = await within(
        FAIL_FAST_MS,
        "a query to a hung server",
        hung.indicator.findMany().then(
          () => null,
          (e: unknown) => e,
        ),
      );
      timings.hungServerQuery = ms;
      expect(err).not.toBeNull();
      expect(ms).toBeGreaterThanOrEqual(POOL_OPTIONS.connectionTimeoutMillis - 500);
      expect(isDatabaseUnavailable(err)).toBe(true);
      const res = publicErrorResponse(err);
      expect(res.status).toBe(503);
      expect(await res.text()).not.toMatch(INTERNAL);
      expect(toResult(err, { value: "12" })).toMatchObject({
        ok: false,
        message: expect.stringMatching(/^Cơ sở dữ liệu tạm thời không truy cập được/),
        values: { value: "12" },
      });
    } finally {
      await hung.$disconnect().catch(() => {});
      for (const sock of sockets) sock.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });
});

// ── (c) ──────────────────────────────────────────────────────────────────────────────────────

/** A worksheet's rows by their hidden key, and its cells by header text. */
function sheet(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.getWorksheet(name)!;
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => col.set(String(c.value), n));
  const rows = new Map<string, number>();
  ws.eachRow((r, n) => {
    if (n > 1) rows.set(String(r.getCell(1).value), n);
  });
  const cell = (key: string, header: string) => ws.getRow(rows.get(key)!).getCell(col.get(header)!);
  return { rows, cell };
}

describe("(c) a process confirming an Excel import killed half-way", () => {
  it("writes nothing, keeps the preview pending, and the import can be confirmed again", async () => {
    await appDatabase();
    await signInAs(HANOI);
    const user: SessionUser = await requireUser();
    const [{ id: agencyId }] = await sql<{ id: number }>(`SELECT id FROM "Agency" WHERE code = 'T-HA-NOI'`);
    const leadTasks = (
      await sql<{ id: number; key: string }>(
        `SELECT t.id, t.key FROM "Task" t JOIN "TaskAssignment" a ON a."taskId" = t.id
          WHERE a."agencyId" = $1 AND a.role = 'LEAD' ORDER BY t.id`,
        [agencyId],
      )
    ).slice(0, 40);

    // The second task already has a draft this quarter: the import will update that row.
    const [, existing] = leadTasks;
    await saveTaskProgress(user, {
      year: openQuarter().year,
      quarter: openQuarter().quarter,
      rows: [
        {
          taskId: existing.id,
          version: 0,
          status: "IN_PROGRESS",
          percent: "10",
          achieved: "Lưu trên cổng",
          obstacles: "",
          nextSteps: "",
          evidenceUrl: "",
          submit: false,
        },
      ],
    });

    // The quarter's template, filled in: every indicator, and two tasks.
    const res = await templateRoute(new Request(`http://localhost/api/reporting/template?period=${PERIOD}`));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ind = sheet(wb, "Chỉ tiêu");
    const tasks = sheet(wb, "Nhiệm vụ");
    const indicatorKeys = [...ind.rows.keys()];
    expect(indicatorKeys.length).toBeGreaterThanOrEqual(2);
    indicatorKeys.forEach((k, i) => (ind.cell(k, "Giá trị kỳ này").value = `6${i},5`));
    // The import writes rows in the file's order: the pre-existing task comes last.
    const taskKeys = [...tasks.rows.keys()];
    const fresh = leadTasks
      .map((t) => t.key)
      .find((k) => k !== existing.key && taskKeys.indexOf(k) < taskKeys.indexOf(existing.key));
    expect(fresh).toBeDefined();
    tasks.cell(fresh!, "Tình trạng").value = "Đang thực hiện";
    tasks.cell(fresh!, "% hoàn thành").value = 30;
    tasks.cell(existing.key, "Tình trạng").value = "Đã hoàn thành";
    tasks.cell(existing.key, "% hoàn thành").value = 100;
    tasks.cell(existing.key, "Kết quả đạt được").value = "Đã ban hành kế hoạch (nhập từ Excel).";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const preview = await previewImport(user, {
      year: openQuarter().year,
      quarter: openQuarter().quarter,
      fileName: "bao-cao.xlsx",
      bytes,
    });
    expect([
      ...preview.parsed.fileErrors,
      ...[...preview.parsed.indicators, ...preview.parsed.tasks].flatMap((r) => r.errors),
    ]).toEqual([]);
    expect(preview.errorCount).toBe(0);
    expect(preview.summary.changes).toBe(indicatorKeys.length + 2);

    const snapshot = async () => ({
      observations: await sql(
        `SELECT id, "indicatorId", value, version, state, "updatedAt" FROM "Observation" WHERE "agencyId" = $1 AND year = 2026 AND quarter = 3 ORDER BY id`,
        [agencyId],
      ),
      progress: await sql(
        `SELECT id, "taskId", status, "percentComplete", achieved, version, state, "updatedAt" FROM "TaskProgress" WHERE "agencyId" = $1 AND year = 2026 AND quarter = 3 ORDER BY id`,
        [agencyId],
      ),
      counts: await tableCounts(await conn("app")),
      batch: (await sql(`SELECT status, "appliedAt" FROM "ImportBatch" WHERE id = $1`, [preview.id]))[0],
    });
    const before = await snapshot();
    expect(before.batch).toEqual({ status: "PREVIEW", appliedAt: null });
    const [{ id: lockedRow }] = await sql<{ id: number }>(
      `SELECT id FROM "TaskProgress" WHERE "agencyId" = $1 AND "taskId" = $2 AND year = 2026 AND quarter = 3`,
      [agencyId, existing.id],
    );

    // Hold that task's row: the child claims the batch, writes every indicator (values, revisions,
    // audit rows) and the first task, then waits for the row.
    const lock = await connect(appUrl);
    await lock.query("BEGIN");
    await lock.query(`SELECT id FROM "TaskProgress" WHERE id = $1 FOR UPDATE`, [lockedRow]);
    const lockPid = (await lock.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;

    const t0 = performance.now();
    const child = spawnTsx(
      ["--conditions=react-server", "tests/support/fault-import-child.ts", HANOI, String(preview.id)],
      withDatabase(adminUrl, APP_DB, "cds-fault-import"),
    );
    const backend = await waitForBlockedWriter("cds-fault-import", lockPid, child, 60_000);
    timings.importUntilBlocked = performance.now() - t0;
    const [{ waiting }] = await sql<{ waiting: string }>(
      `SELECT query AS waiting FROM pg_stat_activity WHERE pid = $1`,
      [backend],
    );
    expect(waiting).toMatch(/UPDATE .*"TaskProgress"/);
    // By then it has claimed the batch and written the indicators and the first task.
    expect(await writtenTables(await conn("app"), backend)).toEqual(
      expect.arrayContaining([
        "ImportBatch",
        "Observation",
        "ObservationRevision",
        "TaskProgress",
        "TaskProgressRevision",
        "AuditLog",
      ]),
    );

    killGroup(child.child);
    expect((await within(10_000, "the killed import to exit", child.exited)).value.signal).toBe("SIGKILL");
    await lock.query("ROLLBACK");
    await closeClient(lock);
    await waitForBackendGone(backend);

    // Nothing of it is left: values, revisions, audit rows, the batch's status.
    expect(await snapshot()).toEqual(before);
    expect((await getImportBatch(user, preview.id))?.status).toBe("PREVIEW");

    // Confirming again (in this process) applies it all.
    expect(await confirmImport(user, preview.id)).toEqual({ indicators: indicatorKeys.length, tasks: 2 });
    const after = await snapshot();
    expect(after.batch.status).toBe("APPLIED");
    expect(after.counts.ObservationRevision).toBe(before.counts.ObservationRevision + indicatorKeys.length);
    expect(after.counts.TaskProgressRevision).toBe(before.counts.TaskProgressRevision + 2);
    expect(after.counts.AuditLog).toBe(before.counts.AuditLog + indicatorKeys.length + 2 + 1);
    const done = after.progress.find((p) => p.taskId === existing.id)!;
    expect(done).toMatchObject({ status: "DONE", version: 2, achieved: "Đã ban hành kế hoạch (nhập từ Excel)." });
  }, 90_000);
});
