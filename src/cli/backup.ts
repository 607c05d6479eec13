// npm run db:backup [-- <file>]  — a consistent logical backup of the whole database (gzipped JSON
// lines, with a manifest: checksum and row counts) from DATABASE_URL, the embedded database a
// running portal serves, or the embedded database in DATA_DIR. Default file: DATA_DIR/backups/.
import path from "node:path";
import { clockNow } from "@/server/clock";
import { backupWithManifest } from "@/server/db/backup";
import { backupDir, backupFileName } from "@/server/ops/backup-files";
import { fail, openDatabase } from "./database";

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(backupDir(), backupFileName(clockNow())));
  const dbh = await openDatabase(console.log);
  try {
    const m = await backupWithManifest(dbh.url, file, clockNow);
    const rows = Object.values(m.counts).reduce((a, b) => a + b, 0);
    console.log(
      `Backup written to ${file}: ${Object.keys(m.counts).length} tables, ${rows} rows, ${m.bytes} bytes, SHA-256 ${m.sha256}.`,
    );
  } finally {
    await dbh.stop();
  }
}

main().catch(fail);
