// Dev-only: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes a
// database at the last committed migration to prisma/schema.prisma. Uses Prisma's WebAssembly
// schema engine (an internal API) because the CLI cannot download its native engine here.
// Needs a PostgreSQL server: DATABASE_URL, or the machine's 127.0.0.1:5432. Review the SQL it writes.
//   npx tsx prisma/make-migration.ts <name>
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { migrationsDir } from "../src/server/db/migrate";

async function loadEngine() {
  const dir = path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm");
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg;
}

async function main() {
  const name = (process.argv[2] ?? "change").replace(/[^a-z0-9_]/gi, "_");
  const admin = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const scratch = `cds_migrate_${Date.now()}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(admin);
  url.pathname = `/${scratch}`;
  try {
    const schema = readFileSync(path.join("prisma", "schema.prisma"), "utf8");
    const snapshot = path.join(migrationsDir(), "schema.snapshot.prisma");
    const bg = await loadEngine();
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url.toString() }));
    const engine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
    const result = await engine.diff({
      // From the schema as of the last migration (a snapshot this script keeps), not a replay of
      // the SQL: hand-written migrations (triggers) are opaque to the engine.
      from: existsSync(snapshot)
        ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readFileSync(snapshot, "utf8") }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: ["public._prisma_migrations"], externalEnums: [] },
    });
    const sql: string = result.stdout ?? "";
    if (!sql.trim() || /empty migration/i.test(sql)) {
      console.log("No changes: the schema matches the last migration.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const out = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "migration.sql"), sql);
    writeFileSync(snapshot, schema);
    console.log(`Wrote ${out}/migration.sql (${sql.split("\n").length} lines). Review it before committing.`);
  } finally {
    await c.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await c.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
