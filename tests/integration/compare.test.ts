// The comparison of agencies through the open-data API: approved values only, every expected agency
// either ranked or listed as not reported, and a value submitted but not approved never shown.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET } from "@/app/api/v1/indicators/[code]/compare/route";
import { reopenAction, reviewAction, saveIndicatorsAction } from "@/modules/reporting/actions";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";
import { lockedQuarter, openQuarter } from "../support/periods";

const CODE = "work-records-processed-online-share";
let c: pg.Client;
let ids: { indicator: number; hanoi: number };

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  const one = async (sql: string, p: unknown[]) => (await c.query(sql, p)).rows[0].id as number;
  ids = {
    indicator: await one(`SELECT id FROM "Indicator" WHERE code = $1`, [CODE]),
    hanoi: await one(`SELECT id FROM "Agency" WHERE code = 'T-HA-NOI'`, []),
  };
});
afterAll(async () => c.end());

async function compare(query: string, code = CODE) {
  const res = await GET(new Request(`http://localhost/api/v1/indicators/${code}/compare${query}`), {
    params: Promise.resolve({ code }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

type Row = {
  rank: number;
  agency: { code: string };
  value: number;
  meets: { target: string; meets: boolean | null }[];
};
const ranked = (body: { data: { ranking: Row[] } }) => body.data.ranking.map((r) => r.agency.code);
const missing = (body: { data: { notReported: { code: string }[] } }) => body.data.notReported.map((a) => a.code);

const hanoiObs = async (q: { year: number; quarter: number }) =>
  (
    await c.query(
      `SELECT id, version, state, value, "approvedValue" FROM "Observation" WHERE "indicatorId" = $1 AND "agencyId" = $2 AND year = $3 AND quarter = $4`,
      [ids.indicator, ids.hanoi, q.year, q.quarter],
    )
  ).rows[0];

describe("GET /api/v1/indicators/{code}/compare", () => {
  it("ranks the approved values of the quarter, with the per-unit floors, and lists who has not reported", async () => {
    const q = lockedQuarter();
    const { status, body, headers } = await compare(`?period=${q.key}`);
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    const d = body.data;
    expect(d.period).toBe(q.key);
    expect(d.floors.map((f: { target: string }) => f.target)).toEqual(
      expect.arrayContaining(["749-2020-2025-work-records-online-central-province"]),
    );
    const approved = (
      await c.query(
        `SELECT a.code, o."approvedValue" AS value FROM "Observation" o JOIN "Agency" a ON a.id = o."agencyId"
         WHERE o."indicatorId" = $1 AND NOT o."isNational" AND o.year = $2 AND o.quarter = $3 AND o."approvedValue" IS NOT NULL`,
        [ids.indicator, q.year, q.quarter],
      )
    ).rows;
    expect(approved.length).toBeGreaterThan(0);
    expect(Object.fromEntries(d.ranking.map((r: Row) => [r.agency.code, r.value]))).toEqual(
      Object.fromEntries(approved.map((r) => [r.code, r.value])),
    );
    // Best first; every floor judged.
    const values = d.ranking.map((r: Row) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(d.ranking[0].rank).toBe(1);
    for (const r of d.ranking as Row[]) expect(r.meets).toHaveLength(d.floors.length);
    // Every agency assigned the indicator is either ranked or listed as not reported.
    const expected = (
      await c.query(
        `SELECT a.code FROM "IndicatorAssignment" ia JOIN "Agency" a ON a.id = ia."agencyId"
         WHERE ia."indicatorId" = $1 AND NOT ia.national AND a."validTo" IS NULL`,
        [ids.indicator],
      )
    ).rows.map((r) => r.code);
    expect(d.expected).toBe(expected.length);
    expect([...ranked(body), ...missing(body)]).toEqual(expect.arrayContaining(expected));
    expect(d.reported).toBe(d.ranking.length);
  });

  it("never shows a submitted value before it is approved, nor a new submission over an approved value", async () => {
    const q = openQuarter();
    const field = (k: string) => `ind.${ids.indicator}.${k}`;
    const submit = async (value: string) => {
      await actAs("reporter.hanoi@cds.gov.vn");
      const o = await hanoiObs(q);
      const r = await saveIndicatorsAction(
        null,
        form({
          period: q.key,
          intent: "submit",
          [field("value")]: value,
          [field("source")]: "Văn phòng UBND thành phố",
          [field("explanation")]: "Số liệu hệ thống quản lý văn bản",
          [field("version")]: o?.version ?? 0,
          [field("select")]: true,
        }),
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return hanoiObs(q);
    };

    let o = await submit("97,5");
    expect(o.state).toBe("SUBMITTED");
    let body = (await compare(`?period=${q.key}`)).body;
    expect(ranked(body)).not.toContain("T-HA-NOI");
    expect(missing(body)).toContain("T-HA-NOI");
    expect(JSON.stringify(body)).not.toContain("97.5");

    await actAs("reviewer@cds.gov.vn");
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `obs:${o.id}:${o.version}` }))).ok).toBe(true);
    body = (await compare(`?period=${q.key}`)).body;
    expect(body.data.ranking.find((r: Row) => r.agency.code === "T-HA-NOI")?.value).toBe(97.5);
    expect(missing(body)).not.toContain("T-HA-NOI");

    // A correction submitted over the approved value stays private until it is approved.
    expect((await reopenAction(null, form({ kind: "obs", id: o.id, comment: "Sửa theo báo cáo quý" }))).ok).toBe(true);
    o = await submit("98,5");
    expect([o.state, o.approvedValue]).toEqual(["SUBMITTED", 97.5]);
    body = (await compare(`?period=${q.key}`)).body;
    expect(body.data.ranking.find((r: Row) => r.agency.code === "T-HA-NOI")?.value).toBe(97.5);
    expect(JSON.stringify(body)).not.toContain("98.5");
  });

  it("defaults to the newest quarter with an approved agency value, refuses a malformed quarter, 404s an unknown code", async () => {
    const { body } = await compare("");
    expect(body.data.periods[0]).toBe(body.data.period);
    expect((await compare("?period=2026-Q5")).status).toBe(400);
    expect((await compare("?period=2026-Q1&period=2026-Q2")).status).toBe(400);
    expect((await compare("", "no-such-indicator")).status).toBe(404);
  });
});
