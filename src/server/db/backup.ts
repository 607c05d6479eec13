// Logical backup and restore without pg_dump (the embedded server ships none): every table's rows
// as gzipped JSON lines, read in one repeatable-read snapshot; restore applies the migrations to an
// empty database, loads the rows with triggers and foreign keys deferred, and resets sequences.
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { migrate } from "./migrate";

const CHUNK = 5000;
const FORMAT = "cds-backup/1";

async function tables(c: pg.Client): Promise<string[]> {
  const r = await c.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return r.rows.map((x) => x.t);
}

async function orderColumn(c: pg.Client, table: string): Promise<string> {
  const r = await c.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'id'`,
    [table],
  );
  return r.rowCount ? `"id"` : "1";
}

/** Written beside each backup as `<file>.json`: what the admin page and the restore drill read. */
export type BackupManifest = {
  format: string;
  file: string;
  createdAt: string;
  sha256: string;
  bytes: number;
  counts: Record<string, number>;
};

export const manifestPath = (file: string) => `${file}.json`;

async function fsyncPath(p: string) {
  const h = await open(p, "r");
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * Backs the database up into `file`, atomically: the rows go to a temporary file in the same folder,
 * which is flushed to disk and renamed only when complete, so a reader (or a crash) never sees half
 * a backup under the final name. The manifest beside it carries the SHA-256 of the file and the row
 * count of every table.
 */
export async function backup(
  url: string,
  file: string,
  now: () => Date = () => new Date(),
): Promise<Record<string, number>> {
  return (await backupWithManifest(url, file, now)).counts;
}

export async function backupWithManifest(
  url: string,
  file: string,
  now: () => Date = () => new Date(),
): Promise<BackupManifest> {
  // A backup holds everything, password hashes included: readable by the portal's user only.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.partial-${process.pid}-${Date.now()}`;
  try {
    const { counts, sha256, createdAt } = await writeBackup(url, tmp, now);
    await fsyncPath(tmp);
    const manifest: BackupManifest = {
      format: FORMAT,
      file: path.basename(file),
      createdAt,
      sha256,
      bytes: statSync(tmp).size,
      counts,
    };
    writeFileSync(`${tmp}.json`, JSON.stringify(manifest, null, 2), { mode: 0o600 });
    await fsyncPath(`${tmp}.json`);
    // The backup first, then its manifest: a listed backup (one with a manifest) is always whole.
    renameSync(tmp, file);
    renameSync(`${tmp}.json`, manifestPath(file));
    return manifest;
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.json`, { force: true });
  }
}

/** SHA-256 of a file, streamed. */
export async function fileSha256(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

async function writeBackup(
  url: string,
  file: string,
  now: () => Date,
): Promise<{ counts: Record<string, number>; sha256: string; createdAt: string }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const counts: Record<string, number> = {};
  const createdAt = now().toISOString();
  const hash = createHash("sha256");
  const tee = new Transform({
    transform(chunk, _enc, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const names = await tables(c);
    async function* lines() {
      yield JSON.stringify({ format: FORMAT, createdAt, tables: names }) + "\n";
      for (const t of names) {
        const order = await orderColumn(c, t);
        counts[t] = 0;
        for (let offset = 0; ; offset += CHUNK) {
          const r = await c.query(`SELECT * FROM "${t}" ORDER BY ${order} LIMIT ${CHUNK} OFFSET ${offset}`);
          for (const row of r.rows) yield JSON.stringify({ t, r: row }) + "\n";
          counts[t] += r.rowCount ?? 0;
          if ((r.rowCount ?? 0) < CHUNK) break;
        }
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), tee, createWriteStream(file, { mode: 0o600 }));
    await c.query("COMMIT");
  } finally {
    await c.end();
  }
  return { counts, sha256: hash.digest("hex"), createdAt };
}

/** The lines of a gzipped backup; a missing or unreadable file fails the reading loop, not the process. */
function backupLines(file: string) {
  const src = createReadStream(file);
  const gunzip = createGunzip();
  src.on("error", (e) => gunzip.destroy(e));
  return readline.createInterface({ input: src.pipe(gunzip), crlfDelay: Infinity });
}

/** Refuses a backup whose bytes differ from those its manifest recorded (when it has one). */
export async function verifyChecksum(file: string): Promise<BackupManifest | null> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(file), "utf8"));
  } catch {
    return null; // a backup copied without its manifest, or from before manifests
  }
  const actual = await fileSha256(file);
  if (actual !== manifest.sha256) {
    throw new Error(
      `The backup ${file} is damaged: its SHA-256 is ${actual}, but ${path.basename(manifestPath(file))} recorded ${manifest.sha256}. Use another backup.`,
    );
  }
  return manifest;
}

/** Row counts per table as stored in a backup file (read through once). */
export async function countRows(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const rl = backupLines(file);
  let header = true;
  for await (const line of rl) {
    if (!line) continue;
    const rec = JSON.parse(line);
    if (header) {
      if (rec.format !== FORMAT) throw new Error(`Not a backup of this portal (format ${rec.format}).`);
      for (const t of rec.tables as string[]) counts[t] = 0;
      header = false;
      continue;
    }
    counts[rec.t] = (counts[rec.t] ?? 0) + 1;
  }
  return counts;
}

/** Tables whose rows the migrations themselves insert. */
const MIGRATION_ROWS = ["PublicDataVersion"];

/** Restores into an empty database (migrations are applied first). Refuses a database with data. */
export async function restore(url: string, file: string): Promise<Record<string, number>> {
  await verifyChecksum(file);
  await migrate(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const counts: Record<string, number> = {};
  try {
    const names = (await tables(c)).filter((t) => t !== "_prisma_migrations");
    // The migrations write the single PublicDataVersion row; the backup's copy replaces it.
    for (const t of names.filter((n) => !MIGRATION_ROWS.includes(n))) {
      const r = await c.query(`SELECT EXISTS (SELECT 1 FROM "${t}") AS e`);
      if (r.rows[0].e)
        throw new Error(`The target database is not empty (table ${t} has rows). Restore into a new, empty database.`);
    }
    const columnTypes = new Map<string, Map<string, string>>();
    for (const t of names) {
      const r = await c.query(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [t],
      );
      columnTypes.set(t, new Map(r.rows.map((x) => [x.column_name as string, x.data_type as string])));
    }
    await c.query("BEGIN");
    // Foreign keys and the append-only triggers are triggers: "replica" mode defers them all, so
    // rows can be loaded in file order. Needs a superuser (the embedded server's user is one).
    await c.query("SET LOCAL session_replication_role = replica");
    for (const t of MIGRATION_ROWS) await c.query(`DELETE FROM "${t}"`);
    const rl = backupLines(file);
    let header = true;
    for await (const line of rl) {
      if (!line) continue;
      const rec = JSON.parse(line);
      if (header) {
        if (rec.format !== FORMAT) throw new Error(`Not a backup of this portal (format ${rec.format}).`);
        header = false;
        continue;
      }
      if (rec.t === "_prisma_migrations") continue; // written by migrate() above
      const types = columnTypes.get(rec.t);
      if (!types) throw new Error(`The backup has a table this version does not know: ${rec.t}`);
      const cols = Object.keys(rec.r);
      const values = cols.map((k) => {
        const v = rec.r[k];
        // json/jsonb columns must be sent as JSON text; arrays of other types as arrays.
        return (types.get(k) === "jsonb" || types.get(k) === "json") && v !== null ? JSON.stringify(v) : v;
      });
      await c.query(
        `INSERT INTO "${rec.t}" (${cols.map((k) => `"${k}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
        values,
      );
      counts[rec.t] = (counts[rec.t] ?? 0) + 1;
    }
    for (const t of names) {
      // Only tables with an `id` column have a sequence to move. Asking for another table's would
      // fail, and a failed statement aborts the transaction: COMMIT then silently rolls back the
      // whole restore (NotificationPreference and ItemFollower have composite keys).
      if (!columnTypes.get(t)?.has("id")) continue;
      const seq = await c
        .query(`SELECT pg_get_serial_sequence('"${t}"', 'id') AS s`)
        .catch(() => ({ rows: [{ s: null }] }));
      const s = seq.rows[0]?.s;
      if (s)
        await c.query(
          `SELECT setval($1, GREATEST((SELECT COALESCE(MAX(id), 0) FROM "${t}"), 1), (SELECT COUNT(*) > 0 FROM "${t}"))`,
          [s],
        );
    }
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
  return counts;
}
