import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkCredentials } from "@/server/auth";
import { hashPassword } from "@/server/password";

let c: pg.Client;
const email = `lockout-${Date.now()}@example.vn`;
beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  const agency = (await c.query(`SELECT id FROM "Agency" WHERE code = 'T-HA-NOI'`)).rows[0].id;
  await c.query(`INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Lockout test', $2, 'REPORTER', $3)`, [email, await hashPassword("Dung@mat-khau1"), agency]);
});
afterAll(async () => c.end());

describe("sign-in protection", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    expect(await checkCredentials({ email, password: "Dung@mat-khau1" }, "10.0.0.1")).toMatchObject({ email });
    expect(await checkCredentials({ email, password: "sai" }, "10.0.0.1")).toBeNull();
  });

  it("locks an account after five failures, even for the right password, and logs it", async () => {
    for (let i = 0; i < 4; i++) expect(await checkCredentials({ email, password: `sai-${i}` }, "10.0.0.2")).toBeNull();
    await expect(checkCredentials({ email, password: "Dung@mat-khau1" }, "10.0.0.3")).rejects.toThrow("LOCKED");
    const actions = (await c.query(`SELECT action FROM "AuditLog" WHERE "entityType" = 'User' AND "entityId" = $1 ORDER BY id`, [email])).rows.map((r) => r.action);
    expect(actions.filter((a) => a === "auth.failure")).toHaveLength(4);
    expect(actions).toContain("auth.lockout");
    // Another account is not affected.
    expect(await checkCredentials({ email: "reporter.hcm@cds.gov.vn", password: "Demo@2026cds" }, "10.0.0.4")).toMatchObject({ email: "reporter.hcm@cds.gov.vn" });
  });

  it("unlocks once the window has passed", async () => {
    await c.query(`UPDATE "LoginAttempt" SET at = at - interval '16 minutes' WHERE email = $1`, [email]);
    expect(await checkCredentials({ email, password: "Dung@mat-khau1" }, "10.0.0.5")).toMatchObject({ email });
  });
});
