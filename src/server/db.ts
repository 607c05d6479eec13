// The one Prisma client of the process (kept on globalThis so dev hot reloads reuse it).
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseUrl } from "./database-url";

export type Db = InstanceType<typeof PrismaClient>;

/**
 * Pool settings that keep a lost database from hanging requests: a connection attempt (or a wait
 * for a free pooled connection) gives up after 5 s with an error the callers map to "database
 * unavailable" (src/server/errors.ts); idle connections are closed after 30 s and probed with TCP
 * keep-alive, so a server that restarted or a cut network is noticed. Connections that broke are
 * dropped by the pool (pg removes a client on its error event or when released with an error), and
 * the next query opens a new one: the same client works again as soon as PostgreSQL is back.
 */
export const POOL_OPTIONS = {
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
} as const;

/** A client for an explicit URL: for CLIs and tests that manage their own database. */
export function createPrisma(connectionString: string, max = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, ...POOL_OPTIONS }) });
}

const globalForDb = globalThis as unknown as { __prisma?: Db; __cdsDbPool?: pg.Pool };

function lazy(): Db {
  if (globalForDb.__prisma) return globalForDb.__prisma;
  // The process's pool is ours (not one the adapter makes inside), so the metrics can read how
  // many connections are in use and how many requests wait for one (src/server/ops).
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 10, ...POOL_OPTIONS });
  // An idle connection dropped by a restarting server: pg removes it and the next query reconnects.
  pool.on("error", () => {});
  globalForDb.__cdsDbPool = pool;
  return (globalForDb.__prisma = new PrismaClient({ adapter: new PrismaPg(pool) }));
}

// Created on first use, so importing this module never needs a database.
export const db: Db = new Proxy({} as Db, {
  get: (_t, prop) => {
    const client = lazy();
    const v = Reflect.get(client, prop, client);
    return typeof v === "function" ? v.bind(client) : v;
  },
});
