// The published-data version: one counter in PostgreSQL that every portal instance polls. It is
// bumped inside the transaction that changes published data, so an instance that sees the new
// number also sees the data it stands for.
import type { Prisma } from "@/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Marks published data as changed. Call inside the writing transaction. */
export async function bumpPublicVersion(tx: Tx): Promise<void> {
  // An upsert: a database restored from an older backup may lack the row.
  await tx.$executeRaw`INSERT INTO "PublicDataVersion" ("id", "version", "changedAt") VALUES (1, 1, now())
    ON CONFLICT ("id") DO UPDATE SET "version" = "PublicDataVersion"."version" + 1, "changedAt" = now()`;
}

/** The SQL an instance polls (plain pg, outside Prisma: the front server has no Prisma client). */
export const READ_PUBLIC_VERSION_SQL = `SELECT COALESCE((SELECT "version" FROM "PublicDataVersion" WHERE "id" = 1), 0)::text AS v`;
