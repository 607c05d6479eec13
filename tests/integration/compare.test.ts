// The comparison of agencies through the open-data API: approved values only, every expected agency
// either ranked or listed as not reported, and a value submitted but not approved never shown. The
// page shows values awaiting review to national reviewers who ask for them, and to nobody else.
import pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET } from "@/app/api/v1/indicators/[code]/compare/route";
import ComparePage from "@/app/[lang]/indicators/[code]/compare/page";
import { agencyComparison } from "@/modules/compare/queries";
import { reopenAction, reviewAction, saveIndicatorsAction } from "@/modules/reporting/actions";
import { currentUser } from "@/server/current-user";
import { cacheKey } from "@/server/http/cache-policy";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";
import { lockedQuarter, openQuarter } from "../support/periods";

const CODE = "work-records-processed-online-share";
let c: pg.Client;
let ids: { indicator: number; hanoi: number; hcm: number };

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  const one = async (sql: string, p: unknown[]) => (await c.query(sql, p)).rows[0].id as number;
  ids = {
    indicator: await one(`SELECT id FROM "Indicator" WHERE code = $1`, [CODE]),
    hanoi: await one(`SELECT id FROM "Agency" WHERE code = 'T-HA-NOI'`, []),
    hcm: await one(`SELECT id FROM "Agency" WHERE code = 'T-HO-CHI-MINH'`, []),
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

const obsOf = async (agencyId: number, q: { year: number; quarter: number }) =>
  (
    await c.query(
      `SELECT id, version, state, value, "approvedValue" FROM "Observation" WHERE "indicatorId" = $1 AND "agencyId" = $2 AND year = $3 AND quarter = $4`,
      [ids.indicator, agencyId, q.year, q.quarter],
    )
  ).rows[0];
const hanoiObs = (q: { year: number; quarter: number }) => obsOf(ids.hanoi, q);

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

/** The comparison page's HTML for whoever `actAs` made the session, with the query string given. */
async function pageHtml(search: Record<string, string>, lang: "vi" | "en" = "vi") {
  return renderToStaticMarkup(
    await ComparePage({ params: Promise.resolve({ lang, code: CODE }), searchParams: Promise.resolve(search) }),
  );
}

/** The ranking rows of the page: agency, state and value as written. */
function pageRows(html: string) {
  return [
    ...html.matchAll(
      /data-testid="compare-row" data-agency="([^"]+)" data-state="([^"]+)">[\s\S]*?data-testid="compare-value">([^<]+)</g,
    ),
  ].map((m) => ({ agency: m[1], state: m[2], value: m[3] }));
}

describe("values awaiting review in the comparison", () => {
  const q = openQuarter();
  const field = (k: string) => `ind.${ids.indicator}.${k}`;
  const HCM = "T-HO-CHI-MINH";

  /**
   * Brings Hồ Chí Minh City's value for the open quarter to "submitted" at `value`, whatever other
   * test files left it at: a submission is returned first, an approved value reopened.
   */
  async function hcmSubmits(value: string) {
    let o = await obsOf(ids.hcm, q);
    await actAs("reviewer@cds.gov.vn");
    if (o?.state === "SUBMITTED")
      expect(
        (
          await reviewAction(
            null,
            form({ decision: "RETURN", comment: "Kiểm tra lại", item: `obs:${o.id}:${o.version}` }),
          )
        ).ok,
      ).toBe(true);
    if (o?.state === "APPROVED")
      expect((await reopenAction(null, form({ kind: "obs", id: o.id, comment: "Sửa theo báo cáo quý" }))).ok).toBe(
        true,
      );
    o = await obsOf(ids.hcm, q);
    await actAs("reporter.hcm@cds.gov.vn");
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
    o = await obsOf(ids.hcm, q);
    expect(o.state).toBe("SUBMITTED");
    return o as { id: number; version: number; value: number; approvedValue: number | null };
  }

  it("shows a reviewer who asks each submitted value marked, ranked beside the approved ones and counted apart", async () => {
    const o = await hcmSubmits("93,25");
    await actAs("reviewer@cds.gov.vn");
    const html = await pageHtml({ period: q.key, submitted: "1" });
    const rows = pageRows(html);
    expect(rows).toContainEqual({ agency: HCM, state: "SUBMITTED", value: "93,25%" });
    // Hồ Chí Minh City's approved value, if it had one, is still there, apart from its submission.
    const approved = rows.filter((r) => r.agency === HCM && r.state === "APPROVED");
    expect(approved).toHaveLength(o.approvedValue === null ? 0 : 1);
    // Marked in words, not only by its look.
    const row = html.slice(html.indexOf(`data-agency="${HCM}" data-state="SUBMITTED"`));
    expect(row.slice(0, row.indexOf("</li>"))).toContain('data-testid="compare-pending">chờ duyệt</span>');
    // Counted apart: approved, awaiting review, not reported.
    const c = (await agencyComparison(CODE, q, { submittedFor: await currentUser() }))!;
    const pending = c.ranked.filter((u) => u.state === "SUBMITTED").length;
    expect(pending).toBeGreaterThan(0);
    expect(html).toContain(
      `${c.ranked.length - pending} đã duyệt, ${pending} chờ duyệt, ${c.missing.length} chưa báo cáo; ${c.expected} đơn vị được giao chỉ tiêu`,
    );
    // The box stays ticked, so showing another quarter keeps them.
    const box = /<input[^>]*id="submitted"[^>]*>/.exec(html)?.[0] ?? "";
    for (const attr of ['type="checkbox"', 'name="submitted"', 'value="1"', 'checked=""']) expect(box).toContain(attr);
    // English: "awaiting review".
    expect(await pageHtml({ period: q.key, submitted: "1" }, "en")).toContain(">awaiting review</span>");
    // The administrator has national read access too.
    await actAs("admin@cds.gov.vn");
    expect(pageRows(await pageHtml({ period: q.key, submitted: "1" }))).toContainEqual({
      agency: HCM,
      state: "SUBMITTED",
      value: "93,25%",
    });
    // Without asking, a reviewer's page is the public one.
    await actAs("reviewer@cds.gov.vn");
    expect(pageRows(await pageHtml({ period: q.key })).filter((r) => r.state === "SUBMITTED")).toEqual([]);
  });

  it("ranks a correction awaiting review beside the agency's approved value", async () => {
    const first = await hcmSubmits("93,25");
    await actAs("reviewer@cds.gov.vn");
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `obs:${first.id}:${first.version}` }))).ok).toBe(
      true,
    );
    const o = await hcmSubmits("94,75");
    expect(o.approvedValue).toBe(93.25);
    await actAs("reviewer@cds.gov.vn");
    const c = (await agencyComparison(CODE, q, { submittedFor: await currentUser() }))!;
    expect(c.submitted).toBe(true);
    expect(c.ranked.filter((u) => u.agency.code === HCM).map((u) => [u.state, u.value])).toEqual([
      ["SUBMITTED", 94.75],
      ["APPROVED", 93.25],
    ]);
    expect(c.missing.map((u) => u.agency.code)).not.toContain(HCM);
  });

  it("never shows them to an anonymous visitor or an agency reporter, whatever the query string says", async () => {
    const o = await obsOf(ids.hcm, q);
    expect([o.state, o.value, o.approvedValue]).toEqual(["SUBMITTED", 94.75, 93.25]);
    for (const who of [null, "reporter.hanoi@cds.gov.vn", "reporter.hcm@cds.gov.vn", "viewer.hanoi@cds.gov.vn"]) {
      await actAs(who);
      for (const search of [
        { period: q.key, submitted: "1" } as Record<string, string>,
        { period: q.key, submitted: "true" },
        { period: q.key },
      ]) {
        const html = await pageHtml(search);
        const rows = pageRows(html);
        expect(
          rows.filter((r) => r.state !== "APPROVED"),
          `${who} ${JSON.stringify(search)}`,
        ).toEqual([]);
        expect(rows.filter((r) => r.agency === HCM)).toEqual([{ agency: HCM, state: "APPROVED", value: "93,25%" }]);
        expect(html).not.toContain("94,75");
        expect(html).not.toContain("chờ duyệt");
        // Nobody but a reviewer is offered the box on the server's page.
        expect(html).not.toContain('name="submitted"');
      }
      // The query itself refuses them to this user, not only the page.
      const c = (await agencyComparison(CODE, q, { submittedFor: await currentUser() }))!;
      expect(c.submitted).toBe(false);
      expect(c.ranked.every((u) => u.state === "APPROVED")).toBe(true);
    }
  });

  it("keeps them out of the open-data API, even for a signed-in reviewer asking for them", async () => {
    for (const who of [null, "reporter.hanoi@cds.gov.vn", "reviewer@cds.gov.vn"]) {
      await actAs(who);
      const { status, body } = await compare(`?period=${q.key}&submitted=1`);
      expect(status).toBe(200);
      const hcm = body.data.ranking.filter((r: Row) => r.agency.code === HCM);
      expect(hcm.map((r: Row) => r.value)).toEqual([93.25]);
      expect(JSON.stringify(body)).not.toContain("94.75");
      expect(JSON.stringify(body)).not.toMatch(/SUBMITTED|awaiting/i);
    }
  });

  it("is never answered from the shared cache for a signed-in visitor, and what the cache keeps is the public page", async () => {
    const page = `/vi/indicators/${CODE}/compare`;
    const session = { cookie: "theme=1; next-auth.session-token=eyJhbGciOi" };
    // A signed-in request for values awaiting review goes to Next with its cookies, uncached.
    expect(cacheKey("GET", `${page}?period=${q.key}&submitted=1`, session)).toBeNull();
    expect(cacheKey("GET", `${page}?submitted=1`, { cookie: "__Secure-next-auth.session-token.0=x" })).toBeNull();
    // Without a session the page shows what everyone sees: the parameter is dropped from the key.
    expect(cacheKey("GET", `${page}?period=${q.key}&submitted=1`, {})).toBe(`${page}?period=${q.key}`);
    expect(cacheKey("GET", `${page}?submitted=1&period=${q.key}`, { cookie: "theme=1" })).toBe(
      `${page}?period=${q.key}`,
    );
    // The public view is the same for everyone, signed in or not: one entry.
    expect(cacheKey("GET", `${page}?period=${q.key}`, session)).toBe(`${page}?period=${q.key}`);
    // The cache fills its entries without cookies (src/server/http/server.ts): what it would keep
    // under that key is the page as an anonymous visitor gets it, approved values only.
    await actAs(null);
    const filled = await pageHtml({ period: q.key });
    expect(pageRows(filled).every((r) => r.state === "APPROVED")).toBe(true);
    expect(filled).not.toContain("94,75");
  });
});
