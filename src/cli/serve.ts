// Serves a built portal: Next.js behind the public-page cache (src/server/http/server.ts), with the
// operators' endpoints, JSON-lines logs and the nightly backup (src/server/ops/). `npm start` runs
// this after preparing the database; on its own it needs DATABASE_URL and a build (`next build`).
// Several instances may serve one database (see README, Deployment).
import { env } from "@/server/env";
import { clockNow } from "@/server/clock";
import { databaseUrl } from "@/server/database-url";
import { startPortalServer } from "@/server/http/server";
import { db } from "@/server/db";
import { siteUrl } from "@/modules/documents/seo";
import { backupDir } from "@/server/ops/backup-files";
import { parseBackupAt } from "@/server/ops/backup-schedule";
import { startBackupScheduler } from "@/server/ops/backup-scheduler";
import { installLogger, scrub } from "@/server/ops/logger";
import { createLogger } from "@/server/ops/pino-logger";

const logger = createLogger(env.LOG_LEVEL);
installLogger(logger);
const log = (s: string) => logger.info({ where: "portal" }, scrub(s));

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
    requestLog: logger,
    metricsToken: env.METRICS_TOKEN,
    jobs:
      env.JOBS === "1"
        ? {
            db,
            clock: clockNow,
            pollMs: env.JOBS_POLL_MS,
            smtpUrl: env.SMTP_URL,
            from: env.MAIL_FROM,
            baseUrl: siteUrl(),
            log: (msg, fields) =>
              /failed|error/.test(msg)
                ? logger.warn({ where: "jobs", ...fields }, scrub(msg))
                : logger.info({ where: "jobs", ...fields }, scrub(msg)),
          }
        : null,
  });
  log(
    `Serving on http://${env.HOST}:${env.PORT} (public pages cached, refreshed within ${env.PUBLIC_CACHE_POLL_MS} ms of a change)`,
  );
  const stopBackups = startBackupScheduler(
    {
      url: databaseUrl(),
      dir: backupDir(),
      keep: env.BACKUP_KEEP,
      at: parseBackupAt(env.BACKUP_AT),
      startedAt: clockNow(),
      log: (msg, fields) =>
        msg.includes("failed")
          ? logger.error({ where: "backup", ...fields }, msg)
          : logger.info({ where: "backup", ...fields }, msg),
    },
    clockNow,
  );
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
    await stopBackups().catch(() => {});
    await server.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((e) => {
  logger.fatal(
    {
      where: "portal",
      err: {
        message: scrub(e instanceof Error ? e.message : String(e)),
        stack: e instanceof Error ? scrub(e.stack ?? "") : undefined,
      },
    },
    "the portal could not start",
  );
  process.exit(1);
});
