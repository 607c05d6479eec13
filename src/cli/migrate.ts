// npm run db:migrate — applies committed migrations to DATABASE_URL (or the embedded database).
import { migrate } from "@/server/db/migrate";
import { fail, openDatabase } from "./database";

async function main() {
  const dbh = await openDatabase(console.log);
  try {
    const r = await migrate(dbh.url);
    console.log(r.applied.length ? `Applied ${r.applied.join(", ")}` : "Database schema is up to date.");
  } finally {
    await dbh.stop();
  }
}

main().catch(fail);
