// npm run db:seed — applies migrations and imports seeds/ (idempotent). Exit code 1 on bad data.
import { migrate } from "@/server/db/migrate";
import { runSeed, SeedError } from "@/server/seed";
import { explainFailure, openDatabase } from "./database";

async function main() {
  const dbh = await openDatabase(console.log);
  try {
    await migrate(dbh.url);
    const report = await runSeed(dbh.url, { withDemo: !process.argv.includes("--no-demo") });
    printReport(report);
  } finally {
    await dbh.stop();
  }
}

export function printReport(report: Awaited<ReturnType<typeof runSeed>>) {
  if (report.changed === 0) console.log("Seed data unchanged: nothing to write.");
  for (const key of report.keptFromBrowser)
    console.log(`  ${key}: published in the browser, so its seed file is not imported (seeds/FORMAT.md)`);
  for (const [table, c] of Object.entries(report.counts)) {
    if (c.created || c.updated || c.deleted) console.log(`  ${table}: +${c.created} ~${c.updated} -${c.deleted}`);
  }
  console.log(
    `Database holds ${report.totals.documents} documents, ${report.totals.targets} targets, ${report.totals.tasks} tasks, ` +
      `${report.totals.indicators} indicators, ${report.totals.agencies} agencies, ${report.totals.notes} data-quality notes.`,
  );
}

if (process.argv[1]?.endsWith("seed.ts")) {
  main().catch((e) => {
    console.error(e instanceof SeedError ? e.message : explainFailure(e));
    process.exit(1);
  });
}
