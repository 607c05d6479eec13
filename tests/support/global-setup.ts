import type { TestProject } from "vitest/node";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";
import { createTestDatabase, type TestDb } from "./test-db";

let db: TestDb | undefined;

export async function setup(project: TestProject) {
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
