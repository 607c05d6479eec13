// The restore drill: restores a backup into a scratch database on the same server, compares every
// table's row count with what the backup holds, and drops the scratch database again.
import path from "node:path";
import pg from "pg";
import { countRows, restore, verifyChecksum } from "@/server/db/backup";

export type DrillResult = {
  ok: boolean;
  scratch: string;
  tables: { table: string; expected: number; restored: number }[];
  seconds: number;
};

export async function restoreDrill(
  serverUrl: string,
  file: string,
  scratch = `cds_restore_check_${process.pid}_${Date.now()}`,
): Promise<DrillResult> {
  const started = Date.now();
  const manifest = await verifyChecksum(file);
  const expected = manifest?.counts ?? (await countRows(file));
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const scratchUrl = new URL(serverUrl);
  scratchUrl.pathname = `/${scratch}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      await restore(scratchUrl.toString(), path.resolve(file));
      const c = new pg.Client({ connectionString: scratchUrl.toString() });
      await c.connect();
      const tables: DrillResult["tables"] = [];
      try {
        for (const [table, n] of Object.entries(expected)) {
          if (table === "_prisma_migrations") continue; // rewritten by the restore's own migrations
          const r = await c
            .query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table.replace(/"/g, '""')}"`)
            .catch(() => ({ rows: [{ n: -1 }] }));
          tables.push({ table, expected: n, restored: r.rows[0].n });
        }
      } finally {
        await c.end();
      }
      return {
        ok: tables.every((t) => t.expected === t.restored),
        scratch,
        tables,
        seconds: (Date.now() - started) / 1000,
      };
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
