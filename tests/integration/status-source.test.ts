// The source an indicator's statuses use, against a real PostgreSQL: the open API shows the
// statistics office's series and the ministry's estimates of the digital economy's share of GDP
// side by side with their citations, and names the statistics office as the status source by
// default; only a national reviewer may change it (anonymous visitors, agency reporters, a viewer
// and the administrator are refused and nothing is written), with a reason, and each change is a
// new row with an audit row and a new published-data version.
// IndicatorStatusSource refuses DELETE, so this file works in a database of its own.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET as indicatorGET } from "@/app/api/v1/indicators/[code]/route";
import { chooseStatusSourceAction } from "@/modules/figures/actions";
import { AGENCY_REPORTS } from "@/modules/figures/choice";
import { createPrisma, type Db } from "@/server/db";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";
import { setClaims } from "../support/session-mock";

const IND = "digital-economy-gdp-share";
const REASON = "Số liệu của Bộ được cập nhật theo quý (lý do thử nghiệm)";

const holder = globalThis as { __prisma?: unknown };
let shared: unknown;
let own: Db;
const dbName = `cds_status_source_${process.pid}_${Date.now()}`;

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  await admin.query(sql);
  await admin.end();
}

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const u = new URL(inject("adminDatabaseUrl"));
  u.pathname = `/${dbName}`;
  await migrate(u.toString());
  await runSeed(u.toString());
  shared = holder.__prisma;
  own = createPrisma(u.toString());
  holder.__prisma = own;
});

afterAll(async () => {
  holder.__prisma = shared;
  await own?.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

type Value = {
  period: string;
  value: number;
  provisional: boolean;
  release: { title: string; date: string; url: string };
  quote: string;
  printed: string;
  revises: { value: number; release: { date: string; url: string } } | null;
};
type ApiSource = { code: string; kind: string; chosenForStatus: boolean; values: Value[] };
type ApiChoice = {
  code: string | null;
  by: string;
  agency: string | null;
  reason: string | null;
  chosenAt: string | null;
  history: { code: string | null; by: string; agency: string | null; reason: string }[];
};

async function detail(): Promise<{ sources: ApiSource[]; statusSource: ApiChoice }> {
  const res = await indicatorGET(new Request(`http://localhost/api/v1/indicators/${IND}`), {
    params: Promise.resolve({ code: IND }),
  });
  expect(res.status).toBe(200);
  return (await res.json()).data;
}

/**
 * Acts as `as` in this file's own database (actAs reads the shared one, where another file may have
 * moved the user's session version: sessions.test signs the viewer out everywhere).
 */
async function actAs(as: string | null) {
  const u = as ? await own.user.findUniqueOrThrow({ where: { email: as } }) : null;
  setClaims(u ? { uid: u.id, sv: u.sessionVersion } : null);
}

async function choose(as: string | null, fields: Record<string, string>) {
  await actAs(as);
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return chooseStatusSourceAction(null, fd);
}

const counts = async () => ({
  choices: await own.indicatorStatusSource.count(),
  audit: await own.auditLog.count({ where: { action: "figures.statusSource" } }),
  version: (await own.publicDataVersion.findUnique({ where: { id: 1 } }))?.version ?? 0,
});

describe("an indicator's sources in the open API", () => {
  it("gives the statistics office's series and the ministry's estimates side by side, with citations", async () => {
    const { sources, statusSource } = await detail();
    const nso = sources.find((s) => s.code === "NSO")!;
    const mst = sources.find((s) => s.code === "MST")!;
    expect(nso.kind).toBe("STATISTICS_OFFICE");
    expect(mst.kind).toBe("MINISTRY");
    const byPeriod = (s: ApiSource) => Object.fromEntries(s.values.map((v) => [v.period, v.value]));
    // The official series sits near 12.7–13.2 % for 2020–2024; the ministry's estimates are higher.
    for (const p of ["2020", "2021", "2022", "2023", "2024"]) {
      expect(byPeriod(nso)[p]).toBeGreaterThanOrEqual(12.5);
      expect(byPeriod(nso)[p]).toBeLessThanOrEqual(13.3);
    }
    expect(byPeriod(mst)).toMatchObject({ "2022": 14.26, "2023": 16.5, "2024": 18.3 });
    // The 2022 official value is the newest release, naming the value it revised.
    const nso2022 = nso.values.find((v) => v.period === "2022")!;
    expect(nso2022.value).toBe(12.83);
    expect(nso2022.revises).toMatchObject({ value: 12.63, release: { date: "2024-11-24" } });
    for (const v of [...nso.values, ...mst.values]) {
      expect(v.release.url).toMatch(/^https?:\/\//);
      expect(v.release.title.length).toBeGreaterThan(0);
      expect(v.release.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(v.quote).toContain(v.printed);
    }
    // By default the statuses use the official statistic, and say that nobody chose it.
    expect(statusSource).toMatchObject({ code: "NSO", by: "default", agency: null, reason: null, chosenAt: null });
    expect(statusSource.history).toEqual([]);
    expect(nso.chosenForStatus).toBe(true);
    expect(mst.chosenForStatus).toBe(false);
  });
});

describe("changing the source an indicator's statuses use", () => {
  const valid = { indicator: IND, source: "MST", reason: REASON };

  it("refuses anonymous visitors, agency reporters, a viewer and the administrator, writing nothing", async () => {
    const before = await counts();
    const anon = await choose(null, valid);
    expect(anon.ok).toBe(false);
    expect(anon.message).toMatch(/đăng nhập/);
    for (const who of [
      "reporter.hanoi@cds.gov.vn",
      // The ministry's own reporter may not make its estimates the status source either.
      "reporter.bkhcn@cds.gov.vn",
      "viewer.hanoi@cds.gov.vn",
      "admin@cds.gov.vn",
    ]) {
      const r = await choose(who, valid);
      expect(r.ok, who).toBe(false);
      expect(r.message, who).toMatch(/không có quyền/);
    }
    expect(await counts()).toEqual(before);
    expect((await detail()).statusSource.code).toBe("NSO");
  });

  it("refuses a reviewer's choice without a reason, of a source with no figures for the indicator, or of an unknown indicator", async () => {
    const before = await counts();
    const noReason = await choose("reviewer@cds.gov.vn", { ...valid, reason: "  \u200b " });
    expect(noReason.ok).toBe(false);
    expect(noReason.fieldErrors?.reason?.[0]).toMatch(/lý do/);
    const english = await choose("reviewer@cds.gov.vn", { ...valid, reason: "", lang: "en" });
    expect(english.fieldErrors?.reason?.[0]).toBe("Please give a reason (at least 5 characters).");
    const wipo = await choose("reviewer@cds.gov.vn", { ...valid, source: "WIPO" });
    expect(wipo.ok).toBe(false);
    expect(wipo.fieldErrors?.source?.[0]).toMatch(/nguồn đã công bố/);
    const nowhere = await choose("reviewer@cds.gov.vn", { ...valid, indicator: "khong-co-chi-tieu-nay" });
    expect(nowhere.ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("lets a national reviewer choose the ministry's estimates, with who, when and why kept and published", async () => {
    const before = await counts();
    const r = await choose("reviewer@cds.gov.vn", valid);
    expect(r).toMatchObject({ ok: true, message: "Đã đổi nguồn dùng để tính trạng thái." });
    const after = await counts();
    expect(after.choices).toBe(before.choices + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.version).toBeGreaterThan(before.version);
    const reviewer = await own.user.findUniqueOrThrow({ where: { email: "reviewer@cds.gov.vn" } });
    const row = await own.indicatorStatusSource.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row).toMatchObject({ userId: reviewer.id, reason: REASON });
    const log = await own.auditLog.findFirstOrThrow({
      where: { action: "figures.statusSource" },
      orderBy: { id: "desc" },
    });
    expect(log).toMatchObject({ actorId: reviewer.id, entityId: IND, reason: REASON });
    expect(log.after).toMatchObject({ source: "MST" });

    const { sources, statusSource } = await detail();
    expect(statusSource).toMatchObject({ code: "MST", by: "reviewer", agency: "CDSQG", reason: REASON });
    expect(statusSource.chosenAt).not.toBeNull();
    expect(sources.find((s) => s.code === "MST")!.chosenForStatus).toBe(true);
    expect(sources.find((s) => s.code === "NSO")!.chosenForStatus).toBe(false);
    // The reviewer's name and address are not published.
    expect(JSON.stringify(statusSource)).not.toMatch(/reviewer@|Cán bộ thẩm định/);
  });

  it("refuses choosing the same source again, then records the agencies' reports as a new row", async () => {
    const again = await choose("reviewer@cds.gov.vn", valid);
    expect(again.ok).toBe(false);
    expect(again.fieldErrors?.source?.[0]).toMatch(/không có gì thay đổi/);
    const r = await choose("reviewer@cds.gov.vn", {
      ...valid,
      source: AGENCY_REPORTS,
      reason: "Quay lại báo cáo của các cơ quan",
    });
    expect(r.ok).toBe(true);
    const { statusSource, sources } = await detail();
    expect(statusSource.code).toBeNull();
    expect(statusSource.history.map((h) => h.code)).toEqual([null, "MST"]);
    expect(sources.every((s) => !s.chosenForStatus)).toBe(true);
    // Append-only: the earlier choice cannot be rewritten.
    await expect(own.indicatorStatusSource.updateMany({ data: { reason: "sửa" } })).rejects.toThrow();
  });
});
