// npm run db:restore -- <file>  — restores a backup into an EMPTY database: DATABASE_URL, or the
// embedded database in DATA_DIR (use a new DATA_DIR). It refuses a database that already has data.
import { existsSync } from "node:fs";
import path from "node:path";
import { restore } from "@/server/db/backup";
import { fail, openDatabase } from "./database";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- <backup file>");
  if (!existsSync(file))
    throw new Error(
      `There is no backup at ${path.resolve(file)}: check the path (backups are in DATA_DIR/backups by default).`,
    );
  const dbh = await openDatabase(console.log);
  try {
    const counts = await restore(dbh.url, path.resolve(file));
    console.log(
      `Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${Object.keys(counts).length} tables.`,
    );
  } finally {
    await dbh.stop();
  }
}

main().catch(fail);
