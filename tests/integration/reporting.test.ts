// The reporting workflow through its server actions, as each role: authorization at the action
// level (not only in the UI), all-or-nothing saves, conflicts, history, review and publication.
import { renameSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET as evidenceGET } from "@/app/api/evidence/[id]/route";
import { GET as observationsGET } from "@/app/api/v1/observations/route";
import {
  reopenAction,
  reviewAction,
  saveIndicatorsAction,
  saveTasksAction,
  uploadEvidenceAction,
} from "@/modules/reporting/actions";
import { readEvidence } from "@/modules/reporting/evidence";
import { indicatorItems, observationDetail } from "@/modules/reporting/queries";
import { currentUser } from "@/server/current-user";
import { env } from "@/server/env";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";
import { lockedQuarter, openQuarter } from "../support/periods";

const url = inject("databaseUrl");
let c: pg.Client;
const q = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows;
const one = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0];
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
let ids: Record<string, number>;

beforeAll(async () => {
  c = new pg.Client({ connectionString: url });
  await c.connect();
  const ind = async (code: string) => (await one(`SELECT id FROM "Indicator" WHERE code = $1`, [code])).id as number;
  const ag = async (code: string) => (await one(`SELECT id FROM "Agency" WHERE code = $1`, [code])).id as number;
  ids = {
    ops: await ind("online-public-services-level4-share"),
    records: await ind("work-records-processed-online-share"),
    inspections: await ind("digital-inspections-share"),
    gdp: await ind("digital-economy-gdp-share"),
    hanoi: await ag("T-HA-NOI"),
    hcm: await ag("T-HO-CHI-MINH"),
    bkhcn: await ag("BKHCN"),
  };
  // A task Hà Nội leads (a collective one) and one only the ministry leads.
  ids.hanoiTask = (
    await one(
      `SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' ORDER BY "taskId" LIMIT 1`,
      [ids.hanoi],
    )
  ).taskId;
  ids.ministryTask = (
    await one(
      `SELECT a."taskId" FROM "TaskAssignment" a WHERE a."agencyId" = $1 AND a.role = 'LEAD'
       AND NOT EXISTS (SELECT 1 FROM "TaskAssignment" b WHERE b."taskId" = a."taskId" AND b."agencyId" IN ($2, $3)) ORDER BY a."taskId" LIMIT 1`,
      [ids.bkhcn, ids.hanoi, ids.hcm],
    )
  ).taskId;
});
afterAll(async () => c.end());

const obsRow = (agencyId: number, indicatorId: number) =>
  one(`SELECT * FROM "Observation" WHERE "agencyId" = $1 AND "indicatorId" = $2 AND year = 2026 AND quarter = 3`, [
    agencyId,
    indicatorId,
  ]);
/**
 * Leaves an agency's value for the open quarter editable, whatever other files left it at (they
 * share the database and run in an order Vitest chooses: compare.test submits the same values):
 * a submission is returned, an approved value reopened. Returns the row's version (0: none yet).
 */
async function editable(agencyId: number, indicatorId: number): Promise<number> {
  const o = await obsRow(agencyId, indicatorId);
  if (o?.state === "SUBMITTED" || o?.state === "APPROVED") {
    await actAs("reviewer@cds.gov.vn");
    const r =
      o.state === "SUBMITTED"
        ? await reviewAction(
            null,
            form({ decision: "RETURN", comment: "Kiểm tra lại", item: `obs:${o.id}:${o.version}` }),
          )
        : await reopenAction(null, form({ kind: "obs", id: o.id, comment: "Sửa theo báo cáo quý" }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  return (await obsRow(agencyId, indicatorId))?.version ?? 0;
}
const counts = async () => ({
  obs: Number((await one(`SELECT count(*) FROM "Observation"`)).count),
  revisions: Number((await one(`SELECT count(*) FROM "ObservationRevision"`)).count),
  tasks: Number((await one(`SELECT count(*) FROM "TaskProgress"`)).count),
  audit: Number((await one(`SELECT count(*) FROM "AuditLog"`)).count),
});

describe("authorization at the action level", () => {
  it("refuses an anonymous visitor and writes nothing", async () => {
    await actAs(null);
    const before = await counts();
    const r = await saveIndicatorsAction(
      null,
      form({ period: PERIOD, intent: "draft", [`ind.${ids.ops}.value`]: "50", [`ind.${ids.ops}.version`]: 0 }),
    );
    expect(r).toMatchObject({ ok: false, message: "Vui lòng đăng nhập để tiếp tục." });
    const t = await saveTasksAction(
      null,
      form({ period: PERIOD, [`task.${ids.hanoiTask}.status`]: "IN_PROGRESS", [`task.${ids.hanoiTask}.version`]: 0 }),
    );
    expect(t.ok).toBe(false);
    const rv = await reviewAction(null, form({ decision: "APPROVE", item: "obs:1:1" }));
    expect(rv.ok).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("refuses a reporter writing an indicator assigned to another agency", async () => {
    await actAs("reporter.hcm@cds.gov.vn");
    const before = await counts();
    const r = await saveIndicatorsAction(
      null,
      form({ period: PERIOD, [`ind.${ids.gdp}.value`]: "19", [`ind.${ids.gdp}.version`]: 0 }),
    );
    expect(r).toMatchObject({ ok: false, message: "Chỉ tiêu này không được giao cho cơ quan của bạn." });
    const t = await saveTasksAction(
      null,
      form({ period: PERIOD, [`task.${ids.ministryTask}.status`]: "DONE", [`task.${ids.ministryTask}.version`]: 0 }),
    );
    expect(t).toMatchObject({ ok: false, message: "Nhiệm vụ này không do cơ quan của bạn chủ trì." });
    expect(await counts()).toEqual(before);
  });

  it("never lets a form choose the agency: a forged agency field is ignored", async () => {
    await actAs("reporter.hcm@cds.gov.vn");
    const hanoiBefore = await obsRow(ids.hanoi, ids.inspections);
    const r = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        agencyId: ids.hanoi,
        agency: "T-HA-NOI",
        [`ind.${ids.inspections}.value`]: "33",
        [`ind.${ids.inspections}.version`]: 0,
      }),
    );
    expect(r.ok).toBe(true);
    expect(await obsRow(ids.hanoi, ids.inspections)).toEqual(hanoiBefore);
    expect((await obsRow(ids.hcm, ids.inspections)).value).toBe(33);
  });

  it("hides one agency's drafts from another agency's reporter", async () => {
    const version = await editable(ids.hanoi, ids.records);
    await actAs("reporter.hanoi@cds.gov.vn");
    expect(
      (
        await saveIndicatorsAction(
          null,
          form({ period: PERIOD, [`ind.${ids.records}.value`]: "91", [`ind.${ids.records}.version`]: version }),
        )
      ).ok,
    ).toBe(true);
    const draft = await obsRow(ids.hanoi, ids.records);
    expect(["DRAFT", "RETURNED"]).toContain(draft.state);
    await actAs("reporter.hcm@cds.gov.vn");
    const hcm = (await currentUser())!;
    expect(await observationDetail(hcm, draft.id)).toBeNull();
    await expect(indicatorItems(hcm, ids.hanoi, openQuarter().year, openQuarter().quarter)).rejects.toThrow(
      /cơ quan mình/,
    );
    // Nor can they review, reopen or upload evidence to it.
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `obs:${draft.id}:${draft.version}` }))).ok).toBe(
      false,
    );
    expect((await reopenAction(null, form({ kind: "obs", id: draft.id, comment: "x" }))).ok).toBe(false);
    const fd = form({ kind: "obs", id: draft.id });
    fd.append("file", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "a.pdf", { type: "application/pdf" }));
    expect(await uploadEvidenceAction(null, fd)).toMatchObject({
      ok: false,
      message: "Bạn chỉ được nhập số liệu cho cơ quan của mình.",
    });
    expect((await obsRow(ids.hanoi, ids.records)).version).toBe(draft.version);
    // A viewer of Hà Nội reads but cannot write.
    await actAs("viewer.hanoi@cds.gov.vn");
    const viewer = (await currentUser())!;
    expect((await observationDetail(viewer, draft.id))?.id).toBe(draft.id);
    expect(
      (
        await saveIndicatorsAction(
          null,
          form({ period: PERIOD, [`ind.${ids.records}.value`]: "1", [`ind.${ids.records}.version`]: draft.version }),
        )
      ).ok,
    ).toBe(false);
    expect((await obsRow(ids.hanoi, ids.records)).value).toBe(91);
  });
});

describe("entry", () => {
  it("refuses the whole save when one value is invalid, with the error on that field and the typed values echoed", async () => {
    const recordsVersion = await editable(ids.hcm, ids.records);
    await actAs("reporter.hcm@cds.gov.vn");
    const before = await counts();
    const r = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        [`ind.${ids.ops}.value`]: "120",
        [`ind.${ids.ops}.version`]: 0,
        [`ind.${ids.records}.value`]: "88,5",
        [`ind.${ids.records}.version`]: recordsVersion,
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.fieldErrors).toEqual({ [`ind.${ids.ops}.value`]: ["Tỷ lệ phần trăm phải nằm trong khoảng 0–100."] });
    expect(r.values?.[`ind.${ids.records}.value`]).toBe("88,5");
    expect(await counts()).toEqual(before);
  });

  it("asks for an explanation before submitting a value far from last quarter's", async () => {
    await actAs("reporter.hcm@cds.gov.vn");
    // The demo series puts Q2/2026 at about 91%: 40% is a jump of more than 20 points.
    const r = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        intent: "submit",
        [`ind.${ids.ops}.value`]: "40",
        [`ind.${ids.ops}.version`]: 0,
        [`ind.${ids.ops}.select`]: true,
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.[`ind.${ids.ops}.explanation`]?.[0]).toMatch(/Vui lòng giải thích/);
    expect(await obsRow(ids.hcm, ids.ops)).toBeUndefined();
  });

  it("keeps every save as a revision and refuses a stale edit with the other person's value", async () => {
    await actAs("reporter.hcm@cds.gov.vn");
    expect(
      (
        await saveIndicatorsAction(
          null,
          form({ period: PERIOD, [`ind.${ids.ops}.value`]: "92", [`ind.${ids.ops}.version`]: 0 }),
        )
      ).ok,
    ).toBe(true);
    const v1 = await obsRow(ids.hcm, ids.ops);
    // Two colleagues loaded version 1; the first saves 93, the second tries 95 on the stale version.
    expect(
      (
        await saveIndicatorsAction(
          null,
          form({ period: PERIOD, [`ind.${ids.ops}.value`]: "93", [`ind.${ids.ops}.version`]: v1.version }),
        )
      ).ok,
    ).toBe(true);
    const stale = await saveIndicatorsAction(
      null,
      form({ period: PERIOD, [`ind.${ids.ops}.value`]: "95", [`ind.${ids.ops}.version`]: v1.version }),
    );
    expect(stale.ok).toBe(false);
    expect(stale.fieldErrors?.[`ind.${ids.ops}.value`]?.[0]).toMatch(/giá trị hiện tại: 93%/);
    expect(stale.details).toMatchObject({ [`ind.${ids.ops}`]: { value: 93, version: v1.version + 1 } });
    const now = await obsRow(ids.hcm, ids.ops);
    expect(now.value).toBe(93);
    const revs = await q(
      `SELECT version, value FROM "ObservationRevision" WHERE "observationId" = $1 ORDER BY version`,
      [now.id],
    );
    expect(revs).toEqual([
      { version: 1, value: 92 },
      { version: 2, value: 93 },
    ]);
  });
});

describe("the cycle: draft → submit → return → fix → resubmit → approve → public", () => {
  it("publishes only the approved value", async () => {
    await actAs("reporter.bkhcn@cds.gov.vn");
    const save = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        [`ind.${ids.gdp}.value`]: "18,9",
        [`ind.${ids.gdp}.source`]: "Tổng cục Thống kê",
        [`ind.${ids.gdp}.version`]: 0,
      }),
    );
    expect(save).toMatchObject({ ok: true, message: "Đã lưu nháp 1 mục." });
    let o = await obsRow(ids.bkhcn, ids.gdp);
    const sub = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        intent: "submit",
        [`ind.${ids.gdp}.value`]: "18,9",
        [`ind.${ids.gdp}.source`]: "Tổng cục Thống kê",
        [`ind.${ids.gdp}.version`]: o.version,
        [`ind.${ids.gdp}.select`]: true,
      }),
    );
    expect(sub).toMatchObject({ ok: true, message: "Đã nộp 1 mục (đã lưu 1 mục)." });
    o = await obsRow(ids.bkhcn, ids.gdp);
    expect(o.state).toBe("SUBMITTED");
    expect(o.isNational).toBe(true);

    // Reporters cannot approve their own submission.
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `obs:${o.id}:${o.version}` }))).ok).toBe(false);

    await actAs("reviewer@cds.gov.vn");
    const noComment = await reviewAction(null, form({ decision: "RETURN", item: `obs:${o.id}:${o.version}` }));
    expect(noComment.fieldErrors?.comment?.[0]).toMatch(/lý do trả lại/);
    expect(
      (
        await reviewAction(
          null,
          form({ decision: "RETURN", comment: "Ghi rõ nguồn: quý nào?", item: `obs:${o.id}:${o.version}` }),
        )
      ).ok,
    ).toBe(true);
    o = await obsRow(ids.bkhcn, ids.gdp);
    expect([o.state, o.reviewComment]).toEqual(["RETURNED", "Ghi rõ nguồn: quý nào?"]);
    expect(await publicValue()).toBeUndefined();

    await actAs("reporter.bkhcn@cds.gov.vn");
    const fix = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        intent: "submit",
        [`ind.${ids.gdp}.value`]: "18,9",
        [`ind.${ids.gdp}.source`]: "TCTK, ước tính quý III/2026",
        [`ind.${ids.gdp}.version`]: o.version,
        [`ind.${ids.gdp}.select`]: true,
      }),
    );
    expect(fix.ok).toBe(true);
    o = await obsRow(ids.bkhcn, ids.gdp);

    await actAs("reviewer@cds.gov.vn");
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `obs:${o.id}:${o.version}` }))).ok).toBe(true);
    // Approving the same version twice is a conflict, not a second approval.
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `obs:${o.id}:${o.version}` }))).ok).toBe(false);
    o = await obsRow(ids.bkhcn, ids.gdp);
    expect([o.state, o.approvedValue]).toEqual(["APPROVED", 18.9]);
    expect(await publicValue()).toMatchObject({ value: 18.9, period: PERIOD, illustrative: false });

    const states = await q(`SELECT state FROM "ObservationRevision" WHERE "observationId" = $1 ORDER BY version`, [
      o.id,
    ]);
    expect(states.map((s) => s.state)).toEqual(["DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED"]);
    const actions = await q(
      `SELECT action FROM "AuditLog" WHERE "entityType" = 'Observation' AND "entityId" = $1 ORDER BY id`,
      [String(o.id)],
    );
    expect(actions.map((a) => a.action)).toEqual([
      "observation.save",
      "observation.submit",
      "observation.return",
      "observation.submit",
      "observation.approve",
    ]);
  });

  async function publicValue() {
    const res = await observationsGET(
      new Request("http://localhost/api/v1/observations?indicator=digital-economy-gdp-share&pageSize=500"),
    );
    return (await res.json()).data.find((x: any) => x.period === PERIOD);
  }
});

describe("locked periods", () => {
  it("refuses edits after the lock date until a reviewer reopens the item", async () => {
    // Q2/2026 locked on 29/10/2026 (default dates); the demo data holds an approved value there.
    const o = await one(
      `SELECT * FROM "Observation" WHERE "agencyId" = $1 AND "indicatorId" = $2 AND year = 2026 AND quarter = 2`,
      [ids.hcm, ids.ops],
    );
    await actAs("reporter.hcm@cds.gov.vn");
    const refused = await saveIndicatorsAction(
      null,
      form({ period: lockedQuarter().key, [`ind.${ids.ops}.value`]: "10", [`ind.${ids.ops}.version`]: o.version }),
    );
    expect(refused.ok).toBe(false);
    await actAs("reviewer@cds.gov.vn");
    expect(
      (await reopenAction(null, form({ kind: "obs", id: o.id, comment: "Sửa số liệu quý II theo báo cáo chính thức" })))
        .ok,
    ).toBe(true);
    const reopened = await one(`SELECT * FROM "Observation" WHERE id = $1`, [o.id]);
    expect([reopened.state, reopened.reopened]).toEqual(["RETURNED", true]);
    await actAs("reporter.hcm@cds.gov.vn");
    const r = await saveIndicatorsAction(
      null,
      form({
        period: lockedQuarter().key,
        [`ind.${ids.ops}.value`]: "87",
        [`ind.${ids.ops}.version`]: reopened.version,
      }),
    );
    expect(r.ok).toBe(true);
    // The approved value stays public until a new approval replaces it.
    const after = await one(`SELECT value, "approvedValue" FROM "Observation" WHERE id = $1`, [o.id]);
    expect(after).toEqual({ value: 87, approvedValue: o.approvedValue });
  });
});

describe("reopening keeps the evidence", () => {
  it("copies the evidence link and file into the reopen revision, for values and task progress", async () => {
    const o = await one(
      `SELECT * FROM "Observation" WHERE year = 2026 AND quarter = 2 AND state = 'APPROVED' ORDER BY id LIMIT 1`,
    );
    await actAs("reporter.hanoi@cds.gov.vn");
    const taskRow = () =>
      one(
        `SELECT * FROM "TaskProgress" WHERE "agencyId" = $1 AND "taskId" = $2 ORDER BY year DESC, quarter DESC LIMIT 1`,
        [ids.hanoi, ids.hanoiTask],
      );
    if (!(await taskRow()))
      await saveTasksAction(
        null,
        form({ period: PERIOD, [`task.${ids.hanoiTask}.status`]: "IN_PROGRESS", [`task.${ids.hanoiTask}.version`]: 0 }),
      );
    const p = await taskRow();
    const file = `reopen-test-${Date.now()}`;
    await q(
      `INSERT INTO "EvidenceFile" (id, "agencyId", "originalName", "mimeType", size, sha256, "uploadedById") VALUES ($1, $2, 'a.pdf', 'application/pdf', 1, 'x', 1)`,
      [file, o.agencyId],
    );
    await q(
      `UPDATE "Observation" SET "evidenceUrl" = 'https://example.gov.vn/o', "evidenceFileId" = $2 WHERE id = $1`,
      [o.id, file],
    );
    await q(
      `UPDATE "TaskProgress" SET "evidenceUrl" = 'https://example.gov.vn/t', "evidenceFileId" = $2 WHERE id = $1`,
      [p.id, file],
    );
    await actAs("reviewer@cds.gov.vn");
    expect((await reopenAction(null, form({ kind: "obs", id: o.id, comment: "Mở lại để bổ sung" }))).ok).toBe(true);
    expect((await reopenAction(null, form({ kind: "task", id: p.id, comment: "Mở lại để bổ sung" }))).ok).toBe(true);
    const ro = await one(
      `SELECT "evidenceUrl", "evidenceFileId", state FROM "ObservationRevision" WHERE "observationId" = $1 ORDER BY version DESC LIMIT 1`,
      [o.id],
    );
    const rp = await one(
      `SELECT "evidenceUrl", "evidenceFileId", state FROM "TaskProgressRevision" WHERE "taskProgressId" = $1 ORDER BY version DESC LIMIT 1`,
      [p.id],
    );
    expect(ro).toEqual({ evidenceUrl: "https://example.gov.vn/o", evidenceFileId: file, state: "RETURNED" });
    expect(rp).toEqual({ evidenceUrl: "https://example.gov.vn/t", evidenceFileId: file, state: "RETURNED" });
  });
});

describe("evidence files", () => {
  it("checks type and content, stores the file, and serves it only to the owning agency and reviewers", async () => {
    await editable(ids.hanoi, ids.records);
    await actAs("reporter.hanoi@cds.gov.vn");
    const o = await obsRow(ids.hanoi, ids.records);
    const bad = form({ kind: "obs", id: o.id });
    bad.append("file", new File([new TextEncoder().encode("MZ not a pdf")], "report.pdf"));
    expect((await uploadEvidenceAction(null, bad)).fieldErrors?.file?.[0]).toMatch(/không khớp/);
    const exe = form({ kind: "obs", id: o.id });
    exe.append("file", new File([new Uint8Array([0x4d, 0x5a])], "virus.exe"));
    expect((await uploadEvidenceAction(null, exe)).fieldErrors?.file?.[0]).toMatch(/Chỉ nhận tệp/);
    const good = form({ kind: "obs", id: o.id });
    good.append("file", new File([new TextEncoder().encode("%PDF-1.4 test")], "bien-ban.pdf"));
    expect(await uploadEvidenceAction(null, good)).toMatchObject({ ok: true });
    const after = await obsRow(ids.hanoi, ids.records);
    expect(after.evidenceFileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(after.version).toBe(o.version + 1);
    const hanoi = (await currentUser())!;
    expect(new TextDecoder().decode((await readEvidence(hanoi, after.evidenceFileId)).bytes)).toBe("%PDF-1.4 test");
    await actAs("reporter.hcm@cds.gov.vn");
    await expect(readEvidence((await currentUser())!, after.evidenceFileId)).rejects.toThrow();
    await actAs("reviewer@cds.gov.vn");
    expect((await readEvidence((await currentUser())!, after.evidenceFileId)).file.originalName).toBe("bien-ban.pdf");

    // Through the download route; then with the file gone from UPLOAD_DIR (lost volume, an instance
    // that does not share it): a 404 saying so, not a 500.
    const download = () =>
      evidenceGET(new Request("http://localhost/api/evidence/x"), {
        params: Promise.resolve({ id: after.evidenceFileId }),
      });
    const ok = await download();
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("%PDF-1.4 test");
    const stored = path.join(env.uploadDir, after.evidenceFileId);
    const kept = `${stored}.kept`;
    renameSync(stored, kept);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const gone = await download();
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.message).toBe(
        "Tệp minh chứng không còn trên máy chủ. Vui lòng tải tệp lên lại hoặc báo quản trị viên.",
      );
      expect(warn.mock.calls.flat().join(" ")).toContain(after.evidenceFileId);
    } finally {
      warn.mockRestore();
      renameSync(kept, stored);
    }
  });
});
