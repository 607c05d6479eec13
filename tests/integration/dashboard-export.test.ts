// The dashboard's XLSX downloads hold the rows the dashboard shows for the same filters (national
// and one agency's view), with the filter written in the file; signed-in only, and an agency's
// staff get their own agency whatever they ask. The public XLSX files hold the rows of the CSVs.
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET as targetsXlsx } from "@/app/api/v1/dashboard/targets.xlsx/route";
import { GET as completenessXlsx } from "@/app/api/v1/dashboard/completeness.xlsx/route";
import { GET as tasksXlsx } from "@/app/api/v1/dashboard/tasks.xlsx/route";
import { GET as indicatorsXlsx } from "@/app/api/v1/bulk/indicators.xlsx/route";
import { GET as indicatorsCsv } from "@/app/api/v1/bulk/indicators.csv/route";
import { GET as observationsXlsx } from "@/app/api/v1/bulk/observations.xlsx/route";
import { GET as observationsCsv } from "@/app/api/v1/bulk/observations.csv/route";
import { vi as viMessages } from "@/messages/vi";
import { sortByStatus } from "@/modules/statuses/filter";
import { targetStatuses } from "@/modules/statuses/queries";
import { completenessGrid, taskStatuses } from "@/modules/dashboards/queries";
import { actAs } from "../support/session-mock";

let c: pg.Client;
beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
});
afterAll(async () => c.end());

const BASE = "http://localhost";

async function open(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}

/** A sheet's rows under its header, as plain values. */
function rowsOf(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeDefined();
  const out: unknown[][] = [];
  ws!.eachRow((row, n) => {
    if (n > 1) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/** The filter sheet as label → value. */
function filterOf(wb: ExcelJS.Workbook): Map<string, unknown> {
  return new Map(rowsOf(wb, viMessages.exports.filterSheet).map((r) => [String(r[0]), r[1]]));
}

async function agency(code: string): Promise<{ id: number; nameVi: string }> {
  return (await c.query(`SELECT id, "nameVi" FROM "Agency" WHERE code = $1`, [code])).rows[0];
}

describe("dashboard XLSX downloads", () => {
  it("holds the national target list as shown (every page, worst status first) with the filter written in the file", async () => {
    await actAs("reviewer@cds.gov.vn");
    const wb = await open(
      await targetsXlsx(new Request(`${BASE}/api/v1/dashboard/targets.xlsx?milestone=2030&pillar=DIGITAL_ECONOMY`)),
    );
    const shown = sortByStatus(
      (await targetStatuses()).filter((t) => t.year === 2030 && t.pillar === "DIGITAL_ECONOMY"),
    );
    expect(shown.length).toBeGreaterThan(0);
    const rows = rowsOf(wb, viMessages.exports.targetsSheet);
    // Indicator code, milestone and status code, row by row, in the order the page lists them.
    expect(rows.map((r) => [r[0], r[3], r[9]])).toEqual(shown.map((t) => [t.indicatorCode, 2030, t.effective]));
    expect(rows.map((r) => r[8])).toEqual(shown.map((t) => viMessages.dashboard.statuses[t.effective]));
    const filter = filterOf(wb);
    expect(filter.get(viMessages.dashboard.milestone)).toBe(2030);
    expect(filter.get(viMessages.dashboard.pillar)).toBe(viMessages.pillars.DIGITAL_ECONOMY);
    expect(filter.get(viMessages.exports.view)).toBe(viMessages.exports.nationalView);
  });

  it("holds one agency's view for a reviewer who names it, and only its own for the agency's staff", async () => {
    const hanoi = await agency("T-HA-NOI");
    const reported = new Set(
      (await c.query(`SELECT "indicatorId" FROM "IndicatorAssignment" WHERE "agencyId" = $1`, [hanoi.id])).rows.map(
        (r) => r.indicatorId as number,
      ),
    );
    const shown = sortByStatus((await targetStatuses()).filter((t) => t.year === 2025 && reported.has(t.indicatorId)));
    const keys = (wb: ExcelJS.Workbook) => rowsOf(wb, viMessages.exports.targetsSheet).map((r) => [r[0], r[9]]);
    const expected = shown.map((t) => [t.indicatorCode, t.effective]);
    await actAs("reviewer@cds.gov.vn");
    const asReviewer = await open(
      await targetsXlsx(new Request(`${BASE}/api/v1/dashboard/targets.xlsx?agency=T-HA-NOI&milestone=2025`)),
    );
    expect(keys(asReviewer)).toEqual(expected);
    expect(filterOf(asReviewer).get(viMessages.exports.view)).toBe(hanoi.nameVi);
    // Hà Nội's reporter asking for Hồ Chí Minh City gets Hà Nội's rows, and the file says so.
    await actAs("reporter.hanoi@cds.gov.vn");
    const asHanoi = await open(
      await targetsXlsx(new Request(`${BASE}/api/v1/dashboard/targets.xlsx?agency=T-HO-CHI-MINH&milestone=2025`)),
    );
    expect(keys(asHanoi)).toEqual(expected);
    expect(filterOf(asHanoi).get(viMessages.dashboard.agency)).toBe("T-HA-NOI");

    const grid = await completenessGrid({ agencyId: hanoi.id });
    const completeness = rowsOf(
      await open(
        await completenessXlsx(new Request(`${BASE}/api/v1/dashboard/completeness.xlsx?agency=T-HO-CHI-MINH`)),
      ),
      viMessages.exports.completenessSheet,
    );
    expect(new Set(completeness.map((r) => r[0]))).toEqual(new Set(["T-HA-NOI"]));
    expect(completeness.map((r) => [r[4], r[5], r[6]])).toEqual(
      grid.rows.flatMap((r) => r.cells.map((x) => [x.submitted, x.expected, x.late])),
    );

    const tasksWb = await open(
      await tasksXlsx(new Request(`${BASE}/api/v1/dashboard/tasks.xlsx?agency=T-HO-CHI-MINH`)),
    );
    const tasks = rowsOf(tasksWb, viMessages.exports.tasksSheet);
    const mine = (await taskStatuses()).filter((t) => t.agencyId === hanoi.id);
    expect(tasks.map((r) => [r[0], r[2], r[4]])).toEqual(mine.map((t) => [t.taskKey, "T-HA-NOI", t.status]));
    const counts = rowsOf(tasksWb, viMessages.exports.taskCountsSheet);
    expect(counts.reduce((n, r) => n + Number(r[1]), 0)).toBe(mine.length);
  });

  it("holds the national completeness grid for a reviewer and refuses anonymous visitors", async () => {
    await actAs("reviewer@cds.gov.vn");
    const grid = await completenessGrid({});
    const rows = rowsOf(
      await open(await completenessXlsx(new Request(`${BASE}/api/v1/dashboard/completeness.xlsx?lang=en`))),
      "Reporting",
    );
    expect(rows.map((r) => [r[0], r[4], r[5]])).toEqual(
      grid.rows.flatMap((r) => r.cells.map((x) => [r.code, x.submitted, x.expected])),
    );
    await actAs(null);
    for (const route of [targetsXlsx, completenessXlsx, tasksXlsx])
      expect((await route(new Request(`${BASE}/api/v1/dashboard/targets.xlsx`))).status).toBe(401);
  });
});

describe("the completeness grid's memo", () => {
  it("counts a return for correction at once, and the approval after it, as the workflow writes them (state and a revision)", async () => {
    const before = await completenessGrid({});
    const shownQuarters = before.quarters.map((q) => `(${q.year}, ${q.quarter})`).join(", ");
    const item = (
      await c.query(
        `SELECT o.id, o.version, o.state, o."agencyId", o.year, o.quarter FROM "Observation" o
          WHERE o.state = 'APPROVED' AND (o.year, o.quarter) IN (${shownQuarters}) ORDER BY o.id LIMIT 1`,
      )
    ).rows[0];
    expect(item, "an approved item in the grid's quarters").toBeDefined();
    const cell = (g: typeof before) =>
      g.rows
        .find((r) => r.agencyId === item.agencyId)!
        .cells.find((x) => x.year === item.year && x.quarter === item.quarter)!;
    const { submitted, expected } = cell(before);
    expect(submitted, "at most the cap, so a stale count would show").toBeLessThanOrEqual(expected);
    expect((await completenessGrid({})).rows).toEqual(before.rows);
    const move = async (state: string, version: number) => {
      await c.query("BEGIN");
      await c.query(`UPDATE "Observation" SET state = $2, version = $3 WHERE id = $1`, [item.id, state, version]);
      await c.query(
        `INSERT INTO "ObservationRevision" ("observationId", version, state, comment) VALUES ($1, $2, $3, 'test')`,
        [item.id, version, state],
      );
      await c.query("COMMIT");
    };
    await move("RETURNED", item.version + 1);
    expect(cell(await completenessGrid({})).submitted).toBe(submitted - 1);
    await move(item.state, item.version + 2);
    expect(cell(await completenessGrid({})).submitted).toBe(submitted);
  });
});

describe("public XLSX downloads", () => {
  const csvRows = async (res: Response) =>
    (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);

  it("the indicators file holds the rows of indicators.csv", async () => {
    await actAs(null);
    const wb = await open(await indicatorsXlsx());
    const rows = rowsOf(wb, viMessages.exports.indicatorsSheet);
    const csv = await csvRows(await indicatorsCsv());
    expect(rows.length).toBe(csv.length);
    expect(rows.map((r) => r[0])).toEqual(csv.map((l) => l.split(",")[0]));
  });

  it("the observations file, streamed, holds every approved observation of observations.csv", async () => {
    const wb = await open(await observationsXlsx());
    const rows = rowsOf(wb, viMessages.exports.observationsSheet);
    const csv = await csvRows(await observationsCsv());
    const approved = Number(
      (await c.query(`SELECT count(*) FROM "Observation" WHERE "approvedAt" IS NOT NULL`)).rows[0].count,
    );
    expect(rows.length).toBe(approved);
    expect(rows.length).toBe(csv.length);
    expect(rows.map((r) => `${r[0]},${r[1]},${r[3]}`)).toEqual(
      csv.map((l) =>
        l
          .split(",")
          .slice(0, 4)
          .filter((_, i) => i !== 2)
          .join(","),
      ),
    );
  });
});
