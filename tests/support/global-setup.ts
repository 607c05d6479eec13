import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestDb } from "./test-db";
import { TEST_NOW } from "./periods";

let db: TestDb | undefined;

export async function setup(project: TestProject) {
  // The seed makes the reporting periods up to the clock's year: the tests' clock, like the tests.
  process.env.NOW = TEST_NOW;
  const { migrate } = await import("@/server/db/migrate");
  const { runSeed } = await import("@/server/seed");
  db = await createTestDatabase();
  await migrate(db.url);
  await runSeed(db.url);
  project.provide("databaseUrl", db.url);
  project.provide("adminDatabaseUrl", db.adminUrl);
}

export async function teardown() {
  await db?.teardown();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}
