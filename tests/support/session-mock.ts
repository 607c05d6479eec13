// Stands in for the session cookie in integration tests: `actAs(email)` makes the next server
// action run as that (real, database) user; `actAs(null)` as an anonymous visitor. Use with
//   vi.mock("@/server/session", () => import("../support/session-mock"));
import pg from "pg";
import { inject } from "vitest";
import type { SessionClaims } from "@/server/session";

let claims: SessionClaims | null = null;

export async function readSession(): Promise<SessionClaims | null> {
  return claims;
}

export async function actAs(email: string | null): Promise<void> {
  if (!email) {
    claims = null;
    return;
  }
  const c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  try {
    const r = await c.query(`SELECT id, "sessionVersion" FROM "User" WHERE email = $1`, [email]);
    if (!r.rows[0]) throw new Error(`no user ${email}`);
    claims = { uid: r.rows[0].id, sv: r.rows[0].sessionVersion };
  } finally {
    await c.end();
  }
}

/** Sets raw claims, e.g. a stale session version after a password reset. */
export function setClaims(c: SessionClaims | null): void {
  claims = c;
}
