// npm run db:backup [-- <file>]  — a consistent logical backup of the whole database (gzipped JSON
// lines) from DATABASE_URL or the embedded database. Default file: DATA_DIR/backups/<timestamp>.
import path from "node:path";
import { env } from "@/server/env";
import { backup } from "@/server/db/backup";
import { openDatabase } from "./database";

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(env.dataDir, "backups", `cds-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`));
  const dbh = await openDatabase(console.log);
  try {
    const counts = await backup(dbh.url, file);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Backup written to ${file}: ${Object.keys(counts).length} tables, ${rows} rows.`);
  } finally {
    await dbh.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
