// The operators' endpoints and request logs on real sockets, in front of a stand-in for Next (as
// front-server-limits.test.ts does): /api/ready follows PostgreSQL going away and coming back,
// /metrics reports the request it just served, and no log line carries an email or a session token.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded, type RunningDb } from "@/server/db/embedded";
import { listMigrations, migrate } from "@/server/db/migrate";
import { handleOps, readinessProbe, withRequestLog } from "@/server/ops/http";
import { installLogger, logUnexpected } from "@/server/ops/logger";
import { createMetrics } from "@/server/ops/metrics-registry";
import { noteUser } from "@/server/ops/request-context";
import { createLogger } from "@/server/ops/pino-logger";
import { openQuarter } from "../support/periods";

const TOKEN = "metrics-token-for-the-test-0123456789";
const EMAIL = "reporter.hanoi@cds.gov.vn";
const SESSION = "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOjcsInN2IjoxfQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
const lines: string[] = [];
const sinkStream = new Writable({
  write(chunk, _enc, cb) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    cb();
  },
});

let dir = "";
let db: RunningDb;
let server: http.Server;
let port = 0;
let probe: ReturnType<typeof readinessProbe>;
let withToken = true;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cds-ops-http-"));
  db = await startEmbedded(dir);
  await migrate(db.url);
  const logger = createLogger("info", sinkStream);
  installLogger(logger);
  const { registry, sink } = createMetrics({
    cache: () => ({ hits: 3, misses: 1 }),
    pool: () => ({ total: 4, idle: 1, waiting: 2 }),
    publishedVersion: () => 42,
  });
  probe = readinessProbe({
    databaseUrl: db.url,
    migrations: listMigrations().map((m) => m.name),
    frontReady: () => true,
    timeoutMs: 1000,
  });
  server = http.createServer(
    withRequestLog(logger, sink, (req, res) => {
      if (handleOps(req, res, { ready: probe.check, registry, metricsToken: withToken ? TOKEN : undefined })) return;
      // Stand-in for Next: a signed-in page, and a server action that fails unexpectedly with an
      // email in the driver's message.
      if (req.url?.startsWith("/vi/reporting")) {
        noteUser(7);
        res.writeHead(200).end("page");
      } else if (req.url === "/vi/action") {
        noteUser(7);
        logUnexpected("action", new Error(`duplicate key value (email)=(${EMAIL}) with session-token=${SESSION}`));
        res.writeHead(200).end(JSON.stringify({ ok: false, message: "generic" }));
      } else if (req.url === "/vi") res.writeHead(200).end("home");
      else res.writeHead(404).end();
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  installLogger(null);
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await probe?.close().catch(() => {});
  await db?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

function get(
  p: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: p, method, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("health and readiness", () => {
  it("/api/health answers 200, uncached, saying nothing internal", async () => {
    const r = await get("/api/health");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ status: "ok" });
    expect(r.headers["cache-control"]).toBe("no-store");
    expect((await get("/api/health", {}, "POST")).status).toBe(405);
  });

  it("/api/ready answers 503 while PostgreSQL is stopped and 200 once it is back", async () => {
    expect((await get("/api/ready")).status).toBe(200);
    await db.stop();
    const down = await get("/api/ready");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual({ status: "unavailable", reason: "database" });
    db = await startEmbedded(dir, { port: db.port });
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await get("/api/ready")).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });

  it("/api/ready answers 503 when a committed migration is not applied, or before the front cache is ready", async () => {
    const behind = readinessProbe({
      databaseUrl: db.url,
      migrations: [...listMigrations().map((m) => m.name), "29990101000000_not_yet"],
      frontReady: () => true,
    });
    expect(await behind.check()).toEqual({ ok: false, reason: "migrations" });
    await behind.close();
    const starting = readinessProbe({ databaseUrl: db.url, migrations: [], frontReady: () => false });
    expect(await starting.check()).toEqual({ ok: false, reason: "starting" });
    await starting.close();
  });
});

describe("metrics", () => {
  it("/metrics reports the request it just served, the cache, the pool and the published version, only to the token's holder", async () => {
    expect((await get("/vi")).status).toBe(200);
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", { authorization: "Bearer wrong-token-wrong-token-wrong" })).status).toBe(401);
    const r = await get("/metrics", { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/^cds_http_requests_total\{route="\/:lang",method="GET",status="200"\} 1$/m);
    expect(r.body).toMatch(/^cds_http_request_duration_seconds_count\{route="\/:lang",method="GET"\} 1$/m);
    expect(r.body).toMatch(/^cds_front_cache_hits_total 3$/m);
    expect(r.body).toMatch(/^cds_front_cache_misses_total 1$/m);
    expect(r.body).toMatch(/^cds_db_pool_connections\{state="in_use"\} 3$/m);
    expect(r.body).toMatch(/^cds_db_pool_connections\{state="waiting"\} 2$/m);
    expect(r.body).toMatch(/^cds_published_data_version 42$/m);
    expect(r.body).toMatch(/^cds_backup_age_seconds -1$/m);
    withToken = false;
    expect((await get("/metrics", { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
    withToken = true;
  });
});

describe("request logs", () => {
  it("one JSON line per request with its id (also a response header), route, status, duration and user id", async () => {
    const r = await get(`/vi/reporting?period=${openQuarter().key}`);
    const id = r.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === id && l.msg === "request");
    expect(line).toMatchObject({
      method: "GET",
      route: "/:lang/reporting",
      path: "/vi/reporting",
      status: 200,
      userId: 7,
      level: 30,
    });
    expect(typeof line.durationMs).toBe("number");
    // A proxy's own request id is kept when it is a plain token, replaced when it is not.
    expect((await get("/vi", { "x-request-id": "nginx-abcdef123456" })).headers["x-request-id"]).toBe(
      "nginx-abcdef123456",
    );
    expect((await get("/vi", { "x-request-id": "<script>" })).headers["x-request-id"]).not.toBe("<script>");
  });

  it("an unexpected error is logged once with its stack; no line carries an email or a session token", async () => {
    const before = lines.length;
    await get("/vi/action", { cookie: `next-auth.session-token=${SESSION}` });
    await get(`/vi/${encodeURIComponent(EMAIL)}`, {
      cookie: `next-auth.session-token=${SESSION}`,
      authorization: `Bearer ${SESSION}`,
    });
    const errors = lines
      .slice(before)
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === "unexpected error");
    expect(errors).toHaveLength(1);
    expect(errors[0].err.stack).toMatch(/at /);
    expect(errors[0].userId).toBe(7);
    expect(lines.length).toBeGreaterThan(before);
    for (const l of lines) {
      expect(l).not.toContain(EMAIL);
      expect(l).not.toContain(encodeURIComponent(EMAIL));
      expect(l).not.toContain(SESSION);
      expect(l).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
    }
  });
});
