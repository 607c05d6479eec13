// The one Prisma client of the process (kept on globalThis so dev hot reloads reuse it).
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "./database-url";

export type Db = InstanceType<typeof PrismaClient>;

/** A client for an explicit URL: for CLIs and tests that manage their own database. */
export function createPrisma(connectionString: string, max = 10): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForDb = globalThis as unknown as { __prisma?: Db };

function lazy(): Db {
  return (globalForDb.__prisma ??= createPrisma(databaseUrl()));
}

// Created on first use, so importing this module never needs a database.
export const db: Db = new Proxy({} as Db, {
  get: (_t, prop) => {
    const client = lazy();
    const v = Reflect.get(client, prop, client);
    return typeof v === "function" ? v.bind(client) : v;
  },
});
