import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { reviewQueue } from "@/modules/reporting/queries";
import { reviewPages } from "@/modules/reporting/rules";

// The review queue pages through submitted items oldest first, with no item shown twice or skipped.
// Its rows are put in a quarter before any reporting (2019 Q1) and removed afterwards.
const url = inject("databaseUrl");
let c: pg.Client;
const inserted: number[] = [];
const YEAR = 2019;
const QUARTER = 1;

beforeAll(async () => {
  c = new pg.Client({ connectionString: url });
  await c.connect();
  const agency = (await c.query(`SELECT id FROM "Agency" ORDER BY id LIMIT 1`)).rows[0].id as number;
  const indicators = (await c.query(`SELECT id FROM "Indicator" ORDER BY id LIMIT 5`)).rows.map((r) => r.id as number);
  // Submitted in the reverse order of their ids, a minute apart: the queue must follow the time.
  for (const [i, id] of indicators.entries()) {
    const r = await c.query(
      `INSERT INTO "Observation" ("indicatorId", "agencyId", year, quarter, value, state, "submittedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $6, now()) RETURNING id`,
      [id, agency, YEAR, QUARTER, i, new Date(Date.UTC(2019, 3, 1, 0, 10 - i))],
    );
    inserted.push(r.rows[0].id as number);
  }
});

afterAll(async () => {
  await c.query(`DELETE FROM "Observation" WHERE id = ANY($1)`, [inserted]);
  await c.end();
});

describe("review queue paging", () => {
  it("shows every submitted item once, oldest first, across pages", async () => {
    const seen: { value: number | null; at: number }[] = [];
    const first = await reviewQueue({ year: YEAR, quarter: QUARTER, skip: 0, take: 2 });
    const pages = reviewPages(first.obsTotal, first.taskTotal, 2);
    expect(first.obsTotal).toBe(5);
    expect(pages).toBe(3);
    for (let page = 1; page <= pages; page++) {
      const q = await reviewQueue({ year: YEAR, quarter: QUARTER, skip: (page - 1) * 2, take: 2 });
      expect(q.observations.length).toBe(page < pages ? 2 : 1);
      seen.push(...q.observations.map((o) => ({ value: o.value, at: o.submittedAt!.getTime() })));
    }
    expect(seen.map((s) => s.value)).toEqual([4, 3, 2, 1, 0]);
    expect(seen.map((s) => s.at)).toEqual([...seen.map((s) => s.at)].sort((a, b) => a - b));
    const beyond = await reviewQueue({ year: YEAR, quarter: QUARTER, skip: 6, take: 2 });
    expect(beyond.observations).toEqual([]);
    expect(beyond.obsTotal).toBe(5);
  });
});
