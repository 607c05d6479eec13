// The database CLIs next to a running portal: they join the embedded server it started on the same
// DATA_DIR instead of failing ("undefined") on a second one. A backup taken while a reporter saves
// is one consistent snapshot, and restoring it into a fresh folder gives the same rows.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbedded, type RunningDb } from "@/server/db/embedded";
import { migrate } from "@/server/db/migrate";
import { countRows, manifestPath, verifyChecksum, type BackupManifest } from "@/server/db/backup";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
const servers: RunningDb[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string) {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** Runs an npm CLI as an operator would in another terminal: embedded database, machine clock. */
function cli(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.NOW;
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [`src/cli/${script}.ts`, ...args], {
    cwd: root,
    env: childEnv,
  });
  let out = "";
  child.stdout.on("data", (b) => (out += b));
  child.stderr.on("data", (b) => (out += b));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const names = (
    await c.query(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((r) => r.t as string);
  const out: Record<string, number> = {};
  for (const t of names) out[t] = (await c.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
  await c.end();
  return out;
}

describe("db: commands next to a running portal", () => {
  it("db:backup joins the running server, takes a consistent snapshot while a reporter saves, and restoring it gives the same rows", async () => {
    const dataDir = tempDir("cds-ops-live-");
    const live = await startEmbedded(dataDir);
    servers.push(live);
    await migrate(live.url);

    // A reporter saving: each save writes two audit rows in one transaction, so a consistent
    // snapshot holds an even number of them, and never a revision without its audit pair.
    let saving = true;
    let saves = 0;
    const writer = (async () => {
      const c = new pg.Client({ connectionString: live.url });
      await c.connect();
      while (saving) {
        await c.query("BEGIN");
        await c.query(
          `INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('ops.save', 'Test', $1), ('ops.save', 'Test', $1)`,
          [String(saves)],
        );
        await c.query("COMMIT");
        saves++;
      }
      await c.end();
    })();
    await new Promise((r) => setTimeout(r, 300));

    const file = path.join(dataDir, "backups", "live.jsonl.gz");
    const r = await cli("backup", [file], { DATA_DIR: dataDir });
    saving = false;
    await writer;
    expect(r.out).not.toMatch(/undefined/);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/already running/);
    expect(r.out).toMatch(/Backup written to/);
    expect(saves).toBeGreaterThan(0);

    const manifest = JSON.parse(readFileSync(manifestPath(file), "utf8")) as BackupManifest;
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    const inFile = await countRows(file);
    expect(inFile).toEqual(manifest.counts);
    expect(inFile.AuditLog % 2).toBe(0);
    // Saves committed before the backup began are in it; those after it are not.
    expect(inFile.AuditLog).toBeGreaterThan(0);
    expect(inFile.AuditLog).toBeLessThan(saves * 2);

    // The running portal's server is still up and untouched by the CLI.
    const after = await tableCounts(live.url);
    expect(after.AuditLog).toBe(saves * 2);

    // Restore into a fresh folder: the CLI starts a server of its own there and stops it after.
    const fresh = tempDir("cds-ops-fresh-");
    const rr = await cli("restore", [file], { DATA_DIR: fresh });
    expect(rr.code, rr.out).toBe(0);
    const restored = await startEmbedded(fresh);
    servers.push(restored);
    const counts = await tableCounts(restored.url);
    const expected = Object.fromEntries(Object.entries(inFile).filter(([t]) => t !== "_prisma_migrations"));
    expect(counts).toEqual(expected);

    // The drill reports the same on the restored copy's backup: row counts compared table by table.
    const check = await cli("restore-check", [file], { DATA_DIR: fresh });
    expect(check.code, check.out).toBe(0);
    expect(check.out).toMatch(/Restore drill passed/);
  });

  it("a server that cannot be joined, a missing file and a damaged backup each get a sentence, not undefined", async () => {
    const dataDir = tempDir("cds-ops-stale-");
    // PostgreSQL's own record of a running server whose port answers nothing: a live process (this one).
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(dataDir, "pg"), { recursive: true });
    writeFileSync(
      path.join(dataDir, "pg", "postmaster.pid"),
      `${process.pid}\n${dataDir}/pg\n0\n1\n/tmp\n127.0.0.1\n0\nready\n`,
    );
    writeFileSync(path.join(dataDir, "pg-password"), "x");
    const r = await cli("backup", [], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/is running on .* but does not accept this connection/);
    expect(r.out).not.toMatch(/undefined|\n\s+at /);

    const missing = await cli("restore-check", [path.join(dataDir, "nope.jsonl.gz")], {
      DATA_DIR: tempDir("cds-ops-missing-"),
    });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/There is no backup at .*nope\.jsonl\.gz: check the path/);
    expect(missing.out).not.toMatch(/undefined|\n\s+at /);

    // A backup whose bytes changed after its manifest was written is refused before anything is restored.
    const damaged = path.join(dataDir, "damaged.jsonl.gz");
    writeFileSync(damaged, "not what was written");
    writeFileSync(manifestPath(damaged), JSON.stringify({ sha256: "0".repeat(64), counts: {} }));
    await expect(verifyChecksum(damaged)).rejects.toThrow(
      /is damaged: its SHA-256 is [0-9a-f]{64}, but .* recorded 0{64}/,
    );
  });
});
