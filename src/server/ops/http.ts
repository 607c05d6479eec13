// The operators' endpoints, answered by the front server before Next.js: cheap, never cached,
// revealing nothing internal. /api/health: the process lives. /api/ready: the database answers,
// every committed migration is applied and the front cache is ready. /metrics: Prometheus text,
// only with `Authorization: Bearer <METRICS_TOKEN>`. And the one log line per request.
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import type { Registry } from "prom-client";
import { routeLabel, type MetricsSink } from "./metrics";
import { runWithRequestContext, type RequestContext } from "./request-context";
import { scrub, type Log } from "./logger";

const NO_STORE = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export type Readiness = { ok: true } | { ok: false; reason: "starting" | "database" | "migrations" };

/**
 * Checks readiness with one connection of its own (never the pages' pool), at most one check at a
 * time: a flood of probes shares the check in flight instead of queuing queries.
 */
export function readinessProbe(o: {
  databaseUrl: string;
  migrations: string[];
  frontReady: () => boolean;
  timeoutMs?: number;
}) {
  const pool = new pg.Pool({
    connectionString: o.databaseUrl,
    max: 1,
    connectionTimeoutMillis: o.timeoutMs ?? 2000,
    idleTimeoutMillis: 10_000,
    query_timeout: o.timeoutMs ?? 2000,
  });
  pool.on("error", () => {});
  let inflight: Promise<Readiness> | null = null;
  const check = async (): Promise<Readiness> => {
    if (!o.frontReady()) return { ok: false, reason: "starting" };
    let applied: number;
    try {
      const r = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL AND migration_name = ANY($1)`,
        [o.migrations],
      );
      applied = r.rows[0].n;
    } catch (e) {
      // No bookkeeping table: a database never migrated.
      return { ok: false, reason: (e as { code?: string }).code === "42P01" ? "migrations" : "database" };
    }
    return applied === o.migrations.length ? { ok: true } : { ok: false, reason: "migrations" };
  };
  return {
    check: () => (inflight ??= check().finally(() => (inflight = null))),
    close: () => pool.end(),
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? "");
  if (!m) return false;
  const a = Buffer.from(m[1]);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type OpsOptions = { ready: () => Promise<Readiness>; registry?: Registry | null; metricsToken?: string };

/** Answers the operators' paths; false for every other request. */
export function handleOps(req: IncomingMessage, res: ServerResponse, o: OpsOptions): boolean {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/api/health" && path !== "/api/ready" && path !== "/metrics") return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...NO_STORE, allow: "GET, HEAD" }).end(JSON.stringify({ status: "method not allowed" }));
    return true;
  }
  if (path === "/api/health") {
    res.writeHead(200, NO_STORE).end(req.method === "HEAD" ? undefined : JSON.stringify({ status: "ok" }));
    return true;
  }
  if (path === "/api/ready") {
    void o.ready().then(
      (r) =>
        res
          .writeHead(r.ok ? 200 : 503, NO_STORE)
          .end(
            req.method === "HEAD"
              ? undefined
              : JSON.stringify(r.ok ? { status: "ready" } : { status: "unavailable", reason: r.reason }),
          ),
      () => res.writeHead(503, NO_STORE).end(JSON.stringify({ status: "unavailable", reason: "database" })),
    );
    return true;
  }
  // /metrics: absent unless a token is configured; then only for its holder.
  if (!o.registry || !o.metricsToken) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("Not found");
    return true;
  }
  if (!bearerMatches(req.headers.authorization, o.metricsToken)) {
    res
      .writeHead(401, {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        "www-authenticate": "Bearer",
      })
      .end("Unauthorized");
    return true;
  }
  const registry = o.registry;
  void registry.metrics().then(
    (text) => res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(text),
    () => res.writeHead(500, { "cache-control": "no-store" }).end(),
  );
  return true;
}

/** The path without its query, decoded (so an encoded email is still recognised and cut), bounded. */
function decodedPath(url: string | undefined): string {
  const p = (url ?? "").split("?")[0].slice(0, 200);
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Runs a request inside its context: a request id (the proxy's X-Request-Id when it is a plain
 * token, else a new one) returned as a response header, and, when it finishes, one log line (route,
 * status, duration, user id; never the query string, an email or a cookie) and the metrics.
 */
export function withRequestLog(
  log: Log | null,
  sink: MetricsSink | null,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const given = req.headers["x-request-id"];
    const ctx: RequestContext = {
      requestId: typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID(),
    };
    req.headers["x-request-id"] = ctx.requestId;
    res.setHeader("x-request-id", ctx.requestId);
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req.url, res.statusCode);
      sink?.httpRequest(route, req.method ?? "GET", res.statusCode, seconds);
      const fields = {
        requestId: ctx.requestId,
        method: req.method,
        route,
        path: scrub(decodedPath(req.url)),
        status: res.statusCode,
        durationMs: Math.round(seconds * 1000),
        userId: ctx.userId,
      };
      if (res.statusCode >= 500) log?.warn(fields, "request failed");
      else log?.info(fields, "request");
    });
    runWithRequestContext(ctx, () => handler(req, res));
  };
}
