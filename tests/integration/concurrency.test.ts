// Many people saving the same item at once: each round exactly one save wins, the others are
// refused with a conflict, and no revision is lost.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { saveIndicatorValues } from "@/modules/reporting/mutations";
import type { SessionUser } from "@/server/current-user";
import { ConflictError } from "@/server/errors";
import { openQuarter } from "../support/periods";

const OPEN = openQuarter();

let c: pg.Client;
let user: SessionUser;
let indicatorId: number;

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  const u = (
    await c.query(
      `SELECT u.id, u.email, u.name, u.role, u."agencyId", a.code, a."nameVi", a."nameEn" FROM "User" u JOIN "Agency" a ON a.id = u."agencyId" WHERE u.email = 'reporter.bkhcn@cds.gov.vn'`,
    )
  ).rows[0];
  user = {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    agencyId: u.agencyId,
    agencyCode: u.code,
    agencyNameVi: u.nameVi,
    agencyNameEn: u.nameEn,
  };
  indicatorId = (await c.query(`SELECT id FROM "Indicator" WHERE code = 'fibre-broadband-household-coverage'`)).rows[0]
    .id;
});
afterAll(async () => c.end());

const current = async () =>
  (
    await c.query(
      `SELECT id, version, value FROM "Observation" WHERE "agencyId" = $1 AND "indicatorId" = $2 AND year = $3 AND quarter = $4`,
      [user.agencyId, indicatorId, OPEN.year, OPEN.quarter],
    )
  ).rows[0] as { id: number; version: number; value: number } | undefined;

describe("parallel conflicting saves", () => {
  it("lets exactly one of 8 simultaneous saves win in each of 10 rounds, keeping every winner's revision", async () => {
    const ROUNDS = 10;
    const WRITERS = 8;
    const start = (await current())?.version ?? 0;
    const winners: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const version = (await current())?.version ?? 0;
      const results = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, w) =>
          saveIndicatorValues(user, {
            year: OPEN.year,
            quarter: OPEN.quarter,
            rows: [
              {
                indicatorId,
                version,
                value: String(10 + round * 5 + w * 0.1),
                source: "",
                note: "",
                explanation: "",
                evidenceUrl: "",
                comment: "",
                submit: false,
              },
            ],
          }),
        ),
      );
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      expect(ok, `round ${round}`).toHaveLength(1);
      expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
      const now = (await current())!;
      expect(now.version).toBe(version + 1);
      winners.push(now.value);
    }
    const o = (await current())!;
    expect(o.version).toBe(start + ROUNDS);
    const revs = (
      await c.query(
        `SELECT version, value FROM "ObservationRevision" WHERE "observationId" = $1 AND version > $2 ORDER BY version`,
        [o.id, start],
      )
    ).rows;
    expect(revs.map((r) => r.value)).toEqual(winners);
    expect(revs.map((r) => r.version)).toEqual(Array.from({ length: ROUNDS }, (_, i) => start + i + 1));
  });
});
