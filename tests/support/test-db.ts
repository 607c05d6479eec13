// A real PostgreSQL for the tests: a fresh database on the server named by DATABASE_URL, or an
// embedded server in a temporary folder when DATABASE_URL is unset.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "@/server/db/embedded";

export type TestDb = { url: string; adminUrl: string; teardown: () => Promise<void> };

export async function createTestDatabase(name = `cds_test_${process.pid}_${Date.now()}`): Promise<TestDb> {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cds-test-"));
    const running = await startEmbedded(dir);
    adminUrl = running.url;
    stopServer = async () => {
      await running.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    adminUrl,
    teardown: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      await stopServer();
    },
  };
}
