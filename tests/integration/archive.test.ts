// "As published at the end of quarter X": the revision history, not today's approved copy.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { approvedValues, targetStatuses } from "@/modules/statuses/queries";
import { latestNational } from "@/modules/scorecard/queries";
import { parseArchivePeriod } from "@/modules/scorecard/periods";

let c: pg.Client;
beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
});
afterAll(async () => c.end());

describe("as-published views", () => {
  it("shows a value as it was published, not as corrected later", async () => {
    const o = (
      await c.query(
        `SELECT o.* FROM "Observation" o JOIN "Indicator" i ON i.id = o."indicatorId"
         WHERE i.code = 'fibre-broadband-household-coverage' AND o."isNational" AND o.year = 2025 AND o.quarter = 4`,
      )
    ).rows[0];
    const published = o.approvedValue as number;
    // A correction of Q4/2025, approved on 1 August 2026 (Q3), written the way the workflow writes it.
    await c.query(
      `INSERT INTO "ObservationRevision" ("observationId", version, value, state, comment, "createdAt") VALUES ($1, $2, 99, 'APPROVED', 'correction', '2026-08-01')`,
      [o.id, o.version + 1],
    );
    await c.query(
      `UPDATE "Observation" SET "approvedValue" = 99, value = 99, version = version + 1, "approvedAt" = '2026-08-01' WHERE id = $1`,
      [o.id],
    );
    await c.query(
      `INSERT INTO "AuditLog" (action, "entityType", "entityId") VALUES ('observation.approve', 'Observation', $1)`,
      [String(o.id)],
    );
    // Approving bumps the published-data version in the same transaction: the statuses memo reads it.
    await c.query(
      `INSERT INTO "PublicDataVersion" (id, version, "changedAt") VALUES (1, 1, now()) ON CONFLICT (id) DO UPDATE SET version = "PublicDataVersion".version + 1`,
    );

    const today = await latestNational([o.indicatorId], null);
    expect(today.get(o.indicatorId)).toMatchObject({ year: 2026, quarter: 2 });
    // Q1/2026 values were approved in April: at the end of Q1 the latest published was Q4/2025.
    const endQ1 = await latestNational([o.indicatorId], { year: 2026, quarter: 1 });
    expect(endQ1.get(o.indicatorId)).toMatchObject({ year: 2025, quarter: 4, approvedValue: published });
    const q4AsOfQ2 = (
      await approvedValues(new Date("2026-06-30T23:59:59Z"), {
        historical: true,
        national: true,
        indicatorIds: [o.indicatorId],
      })
    ).find((r) => r.year === 2025 && r.quarter === 4);
    const q4AsOfQ3 = (
      await approvedValues(new Date("2026-09-30T23:59:59Z"), {
        historical: true,
        national: true,
        indicatorIds: [o.indicatorId],
      })
    ).find((r) => r.year === 2025 && r.quarter === 4);
    expect(q4AsOfQ2?.value).toBe(published);
    expect(q4AsOfQ3?.value).toBe(99);
    // Statuses too: the 2025 fibre target (> 80%) judged with the value published at the time. The
    // indicator has ministry figures, which statuses would use by default: a recorded choice of the
    // agencies' reports (dated before both views) makes the statuses read the revision history.
    await c.query(
      `INSERT INTO "IndicatorStatusSource" ("indicatorId", "sourceId", "userId", reason, "createdAt") VALUES ($1, NULL, NULL, 'test: agency reports', '2020-01-01')`,
      [o.indicatorId],
    );
    const then = (await targetStatuses({ year: 2026, quarter: 2 })).find(
      (t) => t.targetKey === "749-2020-2025-fibre-households",
    )!;
    expect(then.computed.explanation.latest?.value).toBe(published);
    const now = (await targetStatuses(null)).find((t) => t.targetKey === "749-2020-2025-fibre-households")!;
    expect(now.computed.explanation.latest?.value).toBe(99);
    expect(now.effective).toBe("ACHIEVED");
  });

  it("accepts only quarters that have ended", () => {
    expect(parseArchivePeriod("2026-Q2", new Date("2026-11-23"))).toEqual({ year: 2026, quarter: 2 });
    expect(parseArchivePeriod("2026-Q3", new Date("2026-11-23"))).toEqual({ year: 2026, quarter: 3 });
    expect(parseArchivePeriod("2026-Q4", new Date("2026-11-23"))).toBeNull();
    expect(parseArchivePeriod("2019-Q4", new Date("2026-11-23"))).toBeNull();
    expect(parseArchivePeriod("2026-Q5", new Date("2026-11-23"))).toBeNull();
  });
});
