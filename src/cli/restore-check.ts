// npm run db:restore-check -- <file>  — the restore drill: restores the backup into a scratch
// database on the portal's server (DATABASE_URL, the running portal's embedded server, or one of
// its own), compares every table's row count with the backup and prints the result. Exit code 1
// when a count differs or the backup is damaged. The scratch database is dropped afterwards.
import { existsSync } from "node:fs";
import path from "node:path";
import { restoreDrill } from "@/server/ops/restore-check";
import { fail, openDatabase } from "./database";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Give the backup to check: npm run db:restore-check -- <backup file>");
  if (!existsSync(file))
    throw new Error(
      `There is no backup at ${path.resolve(file)}: check the path (backups are in DATA_DIR/backups by default).`,
    );
  const dbh = await openDatabase(console.log);
  try {
    const r = await restoreDrill(dbh.url, path.resolve(file));
    for (const t of r.tables)
      console.log(`  ${t.expected === t.restored ? "ok  " : "DIFF"} ${t.table}: ${t.restored} of ${t.expected}`);
    const rows = r.tables.reduce((a, t) => a + t.expected, 0);
    console.log(
      r.ok
        ? `Restore drill passed: ${r.tables.length} tables, ${rows} rows restored into a scratch database and counted in ${r.seconds.toFixed(1)} s.`
        : `Restore drill FAILED: ${r.tables.filter((t) => t.expected !== t.restored).length} tables differ from the backup (above).`,
    );
    if (!r.ok) process.exitCode = 1;
  } finally {
    await dbh.stop();
  }
}

main().catch(fail);
