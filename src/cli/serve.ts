// Serves a built portal: Next.js behind the public-page cache (src/server/http/server.ts).
// `npm start` runs this after preparing the database; on its own it needs DATABASE_URL and a
// build (`next build`). Several instances may serve one database (see README, Deployment).
import { env } from "@/server/env";
import { databaseUrl } from "@/server/database-url";
import { startPortalServer } from "@/server/http/server";

const log = (s: string) => console.log(`[portal] ${s}`);

async function main() {
  const server = await startPortalServer({
    host: env.HOST,
    port: env.PORT,
    databaseUrl: databaseUrl(),
    pollMs: env.PUBLIC_CACHE_POLL_MS,
    cacheBytes: env.PUBLIC_CACHE_MB * 1024 * 1024,
    litePages: env.PUBLIC_LITE_PAGES === "1",
    trustedProxies: env.TRUSTED_PROXIES,
    log,
  });
  log(`Serving on http://${env.HOST}:${env.PORT} (public pages cached, refreshed within ${env.PUBLIC_CACHE_POLL_MS} ms of a change)`);
  // A parent that started this server with an IPC channel (the tests) may ask what it caches;
  // nothing on the network can.
  if (process.send) {
    process.on("message", (m) => {
      if (m === "cache-stats") process.send?.({ cacheStats: server.cacheStats() });
    });
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Never outlive the signal by more than a few seconds, whatever a connection is doing.
    setTimeout(() => process.exit(0), 5000).unref();
    await server.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
