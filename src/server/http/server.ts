// The production HTTP server: Next.js in this process, behind a shared-response cache for the
// public pages and open-data reads. Why: Next's own cached-page path renders headers, streams and
// compresses on every request (a tenth of a static server's throughput on 2 cores); answering
// from memory with pre-compressed bodies costs about what a static file does. The cache is
// emptied whenever the published-data version in PostgreSQL moves, so an approval made through
// any instance reaches every instance's visitors within one poll interval.
import { canonicalDocumentUrl } from "@/lib/document-keys";
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import next from "next";
import { parseTrustedProxies, resolveClientAddress } from "@/lib/ip";
import { vi } from "@/messages/vi";
import { CLIENT_ADDRESS_HEADER } from "@/server/client-address";
import { checkBody } from "./body-limit";
import { cacheKey, isInternalPath, pickEncoding, sharedTtl } from "./cache-policy";
import { hasSessionCookie, isPublicPage, toLitePage } from "./lite-page";
import { buildLiteScript } from "./lite-script";
import { ResponseCache, type Entry, type Fetched } from "./response-cache";
import { watchPublicVersion } from "./version-watcher";
import { listMigrations } from "@/server/db/migrate";
import { handleOps, readinessProbe, withRequestLog } from "@/server/ops/http";
import type { Log } from "@/server/ops/logger";
import { installMetrics } from "@/server/ops/metrics";
import { createMetrics } from "@/server/ops/metrics-registry";
import { startJobWorker, type JobWorkerOptions } from "@/server/jobs";

export type PortalServerOptions = {
  host: string;
  port: number;
  databaseUrl: string;
  pollMs: number;
  cacheBytes: number;
  /** Serve anonymous visitors public pages without Next's runtime (./lite-page.ts). */
  litePages: boolean;
  /** TRUSTED_PROXIES: whose X-Forwarded-For names the client (src/lib/ip.ts). */
  trustedProxies?: string;
  log?: (s: string) => void;
  /** The JSON-lines request log (src/server/ops/logger.ts); none: no request lines. */
  requestLog?: Log | null;
  /** METRICS_TOKEN: /metrics answers only to it; unset, /metrics does not exist. */
  metricsToken?: string;
  /** The job worker (reminders, mail) this instance runs; null or absent: none. */
  jobs?: JobWorkerOptions | null;
};

/** Request headers not passed on when filling the shared cache: nothing personal may shape it. */
const FILL_DROP = new Set([
  "cookie",
  "authorization",
  "accept-encoding",
  "if-none-match",
  "if-modified-since",
  "range",
  "connection",
]);

/**
 * Writes the client's address (from the socket, or a trusted proxy's X-Forwarded-For) into the one
 * header Next code believes, replacing any the client sent: the sign-in throttle counts by it.
 */
export function stampClientAddress(req: IncomingMessage, trusted: ReturnType<typeof parseTrustedProxies>) {
  const ip = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (ip) req.headers[CLIENT_ADDRESS_HEADER] = ip;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}

/** Refuses a body over its path's cap (./body-limit.ts) before reading any of it; true when refused. */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  const verdict = checkBody(req.url, req.headers);
  if (verdict.ok) return false;
  const body = JSON.stringify({
    error: { message: verdict.status === 411 ? vi.auth.lengthRequired : vi.auth.bodyTooLarge },
  });
  // Closing the connection stops the rest of the body from being read (and discarded) at all.
  res.writeHead(verdict.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    connection: "close",
    "cache-control": "no-store",
  });
  res.end(body, () => req.destroy());
  return true;
}

export async function startPortalServer(opts: PortalServerOptions) {
  const log = opts.log ?? (() => {});
  const trusted = parseTrustedProxies(opts.trustedProxies);
  // The refresh hook (src/app/api/internal/refresh) answers only to this process.
  const token = randomBytes(24).toString("hex");
  process.env.CDS_INTERNAL_TOKEN = token;

  const app = next({ dev: false, dir: process.cwd(), hostname: opts.host, port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  // Next.js again on a private loopback port: cache fills and refreshes go through it as
  // ordinary HTTP requests, so a fill gets exactly the response a visitor would.
  const inner = http.createServer((req, res) => {
    // Only this process talks to the inner server (cache fills): its peer is the client.
    stampClientAddress(req, null);
    if (refuseOversizedBody(req, res)) return;
    void handle(req, res);
  });
  await new Promise<void>((r) => inner.listen(0, "127.0.0.1", r));
  const innerPort = (inner.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  const innerRequest = (method: string, path: string, headers: http.OutgoingHttpHeaders): Promise<Fetched> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: innerPort, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });

  const cache = new ResponseCache(opts.cacheBytes);
  const lite = opts.litePages ? await buildLiteScript() : null;
  if (lite) log(`lite public pages: ${lite.path}, ${lite.br.length} bytes (br)`);
  const liteFill = (f: Fetched): Fetched => {
    if (!lite || f.status !== 200 || !/^text\/html/.test(String(f.headers["content-type"] ?? ""))) return f;
    const html = toLitePage(f.body.toString("utf8"), lite.path);
    return html === null ? f : { ...f, body: Buffer.from(html) };
  };
  const refreshNext = async () => {
    const r = await innerRequest("POST", "/api/internal/refresh", { "x-cds-internal": token });
    if (r.status !== 200) throw new Error(`refresh hook answered ${r.status}`);
  };
  const watcher = await watchPublicVersion(
    opts.databaseUrl,
    opts.pollMs,
    async (v) => {
      // Next's own page cache first, then ours: a fill after this sees fresh pages.
      await refreshNext();
      cache.setVersion(v);
      log(`published data changed (version ${v}): public pages refreshed`);
    },
    log,
  );
  cache.setVersion(watcher.initial);
  // Called by refreshPublicPages() in this process after an approval has committed: this
  // instance's visitors see the change at once (a generation of its own, replaced by the shared
  // version when the poll it triggers reads it).
  let local = 0;
  (globalThis as { __cdsFrontCache?: { invalidate: () => void } }).__cdsFrontCache = {
    invalidate: () => {
      cache.setVersion(`${watcher.current()}+${++local}`);
      watcher.checkNow();
    },
  };

  const pool = () => {
    const p = (globalThis as { __cdsDbPool?: { totalCount: number; idleCount: number; waitingCount: number } })
      .__cdsDbPool;
    return p ? { total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount } : null;
  };
  const { registry, sink } = createMetrics({
    cache: () => cache.stats,
    pool,
    publishedVersion: () => Number.parseInt(watcher.current(), 10) || 0,
  });
  installMetrics(sink);
  let listening = false;
  const readiness = readinessProbe({
    databaseUrl: opts.databaseUrl,
    migrations: listMigrations().map((m) => m.name),
    frontReady: () => listening,
  });

  const send = (req: IncomingMessage, res: ServerResponse, e: Entry, filled = false) => {
    if (req.headers["if-none-match"] === e.etag) {
      const { headers } = e.variants.identity;
      res.writeHead(304, {
        etag: e.etag,
        "cache-control": String(headers["cache-control"] ?? ""),
        vary: String(headers.vary),
      });
      res.end();
      return;
    }
    const v = e.variants[pickEncoding(req.headers["accept-encoding"])];
    res.writeHead(200, filled ? { ...v.headers, "x-cache": "MISS" } : v.headers);
    res.end(req.method === "HEAD" ? undefined : v.body);
  };

  const front = http.createServer(
    withRequestLog(opts.requestLog ?? null, sink, (req, res) => {
      stampClientAddress(req, trusted);
      if (handleOps(req, res, { ready: readiness.check, registry, metricsToken: opts.metricsToken })) return;
      if (refuseOversizedBody(req, res)) return;
      if (isInternalPath(req.url)) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      // A document corrected after publication (4437 → 1437/QĐ-TTg): old links move for good.
      const moved = canonicalDocumentUrl(req.url);
      if (moved) {
        res.writeHead(308, { location: moved, "cache-control": "public, max-age=86400" }).end();
        return;
      }
      if (lite && req.url === lite.path) {
        const enc = pickEncoding(req.headers["accept-encoding"]);
        const body = enc === "identity" ? lite.body : lite[enc];
        res.writeHead(200, {
          "content-type": "text/javascript; charset=utf-8",
          "cache-control": "public, max-age=31536000, immutable",
          vary: "Accept-Encoding",
          "content-length": body.length,
          ...(enc === "identity" ? {} : { "content-encoding": enc }),
        });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      const url = cacheKey(req.method, req.url, req.headers);
      if (url === null) {
        void handle(req, res);
        return;
      }
      // A page answers differently with and without a session cookie (lite or React), so the two
      // are separate entries and browsers are told the page varies by cookie.
      const page = lite !== null && isPublicPage(url);
      const asLite = page && !hasSessionCookie(req.headers.cookie);
      const key = asLite ? `lite ${url}` : url;
      const hit = cache.get(key);
      if (hit) {
        send(req, res, hit);
        return;
      }
      const headers: http.OutgoingHttpHeaders = { "accept-encoding": "identity" };
      for (const [k, v] of Object.entries(req.headers)) if (!FILL_DROP.has(k)) headers[k] = v;
      cache
        .fill(
          key,
          async () => {
            const f = await innerRequest("GET", url, headers);
            if (page) f.headers.vary = [f.headers.vary, "Cookie"].filter(Boolean).join(", ");
            return asLite ? liteFill(f) : f;
          },
          (f) => sharedTtl(f.status, f.headers),
        )
        .then(({ entry }) => {
          if (entry) send(req, res, entry, true);
          // Not shareable (a dynamic page, a redirect, an error): Next answers this visitor itself,
          // with their own cookies.
          else void handle(req, res);
        })
        .catch((err) => {
          log(`cache fill failed for ${key}: ${(err as Error).message}`);
          void handle(req, res);
        });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(opts.port, opts.host, resolve);
  });
  listening = true;
  // Every instance runs a worker: the queue gives each due job to one of them.
  const jobs = opts.jobs ? await startJobWorker(opts.jobs) : null;
  if (jobs) log(`job worker ${jobs.workerId} polling every ${opts.jobs?.pollMs} ms`);

  return {
    cache,
    /** What this process keeps per path, for the tests that check a visitor cannot grow it. */
    cacheStats: () => ({ front: cache.size, inflight: cache.inflightCount, next: nextCacheCounts() }),
    close: async () => {
      listening = false;
      // The job in hand finishes and records its outcome before the database goes away.
      await jobs?.stop().catch(() => {});
      installMetrics(null);
      await watcher.stop();
      await readiness.close().catch(() => {});
      // close() alone waits for every keep-alive connection to end (a browser's can stay open for
      // minutes): drop them, so stopping the portal stops it.
      const closed = Promise.all([new Promise((r) => front.close(r)), new Promise((r) => inner.close(r))]);
      front.closeAllConnections();
      inner.closeAllConnections();
      await closed;
      agent.destroy();
      await app.close();
    },
  };
}

/**
 * Entries in Next's own in-process caches (its page memory cache, the per-path lifetimes it keeps
 * beside it, the seed reads of its file cache): internal modules, read defensively, so a Next
 * upgrade that moves them reports nulls instead of breaking the server.
 */
function nextCacheCounts(): { memory: number | null; cacheControls: number | null; seedReads: number | null } {
  const require = createRequire(import.meta.url);
  const read = <T>(f: () => T): T | null => {
    try {
      return f() ?? null;
    } catch {
      return null;
    }
  };
  const fsCache = read(() => require("next/dist/server/lib/incremental-cache/file-system-cache.js").default);
  const shared = read(
    () => require("next/dist/server/lib/incremental-cache/shared-cache-controls.external.js").SharedCacheControls,
  );
  return {
    memory: read(() => (fsCache?.memoryCache ? Number(fsCache.memoryCache.size) : 0)),
    cacheControls: read(() => Number(shared.cacheControls.size)),
    seedReads: read(() => Number(fsCache.seedReads.size)),
  };
}
