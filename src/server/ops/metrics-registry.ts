// The Prometheus registry of one portal process (prom-client), created by the front server. Served
// at /metrics behind METRICS_TOKEN (./http.ts). Values that already live elsewhere (front-cache
// counters, the database pool, the published-data version) are read when scraped.
import client from "prom-client";
import type { MetricsSink } from "./metrics";

export type MetricsSources = {
  cache?: () => { hits: number; misses: number };
  pool?: () => { total: number; idle: number; waiting: number } | null;
  publishedVersion?: () => number;
};

export function createMetrics(sources: MetricsSources = {}): { registry: client.Registry; sink: MetricsSink } {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "cds_process_" });

  const requests = new client.Counter({
    name: "cds_http_requests_total",
    help: "HTTP requests answered, by route and status",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: "cds_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route",
    labelNames: ["route", "method"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const counterFrom = (name: string, help: string, read: () => number) =>
    new client.Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  if (sources.cache) {
    const cache = sources.cache;
    counterFrom(
      "cds_front_cache_hits_total",
      "Public responses answered from this instance's front cache",
      () => cache().hits,
    );
    counterFrom("cds_front_cache_misses_total", "Public responses the front cache had to fill", () => cache().misses);
  }
  const pool = sources.pool;
  new client.Gauge({
    name: "cds_db_pool_connections",
    help: "The Prisma client's database connections, by state (in use, idle, waiting: requests queued for one)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const p = pool?.();
      if (!p) return;
      this.set({ state: "in_use" }, p.total - p.idle);
      this.set({ state: "idle" }, p.idle);
      this.set({ state: "waiting" }, p.waiting);
    },
  });
  const loginFailures = new client.Counter({
    name: "cds_login_failures_total",
    help: "Failed sign-in attempts",
    registers: [registry],
  });
  const imports = new client.Histogram({
    name: "cds_excel_import_duration_seconds",
    help: "Time to read and check an uploaded workbook, by outcome",
    labelNames: ["outcome"],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  let lastBackup: Date | null = null;
  new client.Gauge({
    name: "cds_backup_last_success_timestamp_seconds",
    help: "When the last successful backup was taken (Unix time; 0: none known to this instance)",
    registers: [registry],
    collect() {
      this.set(lastBackup ? lastBackup.getTime() / 1000 : 0);
    },
  });
  new client.Gauge({
    name: "cds_backup_age_seconds",
    help: "Seconds since the last successful backup (-1: none known to this instance)",
    registers: [registry],
    collect() {
      this.set(lastBackup ? (Date.now() - lastBackup.getTime()) / 1000 : -1);
    },
  });
  const backupDuration = new client.Gauge({
    name: "cds_backup_duration_seconds",
    help: "How long the last backup taken by this instance took",
    registers: [registry],
  });
  const backupFailures = new client.Counter({
    name: "cds_backup_failures_total",
    help: "Scheduled or requested backups that failed",
    registers: [registry],
  });
  if (sources.publishedVersion) {
    const read = sources.publishedVersion;
    new client.Gauge({
      name: "cds_published_data_version",
      help: "The published-data version this instance serves",
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  }

  const sink: MetricsSink = {
    httpRequest(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, seconds);
    },
    loginFailure: () => loginFailures.inc(),
    importDuration: (seconds, outcome) => imports.observe({ outcome }, seconds),
    backupDone(at, seconds) {
      if (!lastBackup || at > lastBackup) lastBackup = at;
      if (seconds !== undefined) backupDuration.set(seconds);
    },
    backupFailed: () => backupFailures.inc(),
  };
  return { registry, sink };
}
