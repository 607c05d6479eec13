// Revising the published catalogue against a real PostgreSQL: a national reviewer edits a seeded
// target (a new row `…-r2` superseding the old one, which is retired), retires targets and tasks,
// and edits a task in place, each with a reason kept as a CatalogueRevision, an audit row and a new
// public version. Quotes are checked against the document's text; everyone but a reviewer is
// refused and nothing is written. Re-running the seed leaves the revised rows alone, and the
// statuses as of the quarter before the edit still judge the old threshold.
// CatalogueRevision refuses DELETE, so this file works in a database of its own.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { editTargetAction, editTaskAction, retireTargetAction, retireTaskAction } from "@/modules/catalogue/actions";
import { exportDocument, publishedDocumentDetail, TASKS_PER_PAGE } from "@/modules/catalogue/queries";
import { currentUser } from "@/server/current-user";
import { computeStatuses } from "@/modules/statuses/queries";
import { createPrisma, type Db } from "@/server/db";
import { migrate } from "@/server/db/migrate";
import { runSeed } from "@/server/seed";
import { actAs } from "../support/session-mock";
import { TEST_NOW } from "../support/periods";

const SEEDED = "411-2025-de-gdp-share";
const QUOTE = "Tỷ trọng kinh tế số đạt 20% GDP";
const TASK = "411-A.I-1";

const holder = globalThis as { __prisma?: unknown };
let shared: unknown;
let own: Db;
let url: string;
const dbName = `cds_catalogue_revise_${process.pid}_${Date.now()}`;

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
  url = u.toString();
  await migrate(url);
  await runSeed(url);
  shared = holder.__prisma;
  own = createPrisma(url);
  holder.__prisma = own;
}, 240_000);

afterAll(async () => {
  holder.__prisma = shared;
  await own?.$disconnect();
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

function form(fields: Record<string, string | number>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

const edit = {
  key: SEEDED,
  year: 2025,
  comparator: "GTE",
  value: 20,
  approximate: "on",
  quote: QUOTE,
  line: 130,
  noteVi: "Tỷ trọng tính theo giá hiện hành.",
  noteEn: "Share at current prices.",
  reason: "Văn bản nói 'khoảng' ở phần giải thích: ghi nhận giá trị xấp xỉ.",
};

/** Everything a revision writes: rows of the catalogue, its history, the audit log, the public version. */
async function counts() {
  const [targets, tasks, revisions, audits, version] = await Promise.all([
    own.target.count(),
    own.task.count({ where: { retiredAt: null } }),
    own.catalogueRevision.count(),
    own.auditLog.count(),
    own.publicDataVersion.findUnique({ where: { id: 1 } }),
  ]);
  return { targets, tasks, revisions, audits, version: Number(version?.version ?? 0) };
}

const keysAt = async (iso: string) =>
  new Set((await computeStatuses(new Date(iso), { historical: true })).map((s) => s.targetKey));

describe("revising the published catalogue", () => {
  it("refuses every revision to an editor, an administrator, a reporter, a viewer and a visitor", async () => {
    const before = await counts();
    for (const who of [
      "editor@cds.gov.vn",
      "admin@cds.gov.vn",
      "reporter.hanoi@cds.gov.vn",
      "viewer.hanoi@cds.gov.vn",
      null,
    ]) {
      await actAs(who);
      for (const [act, fields] of [
        [editTargetAction, edit],
        [retireTargetAction, { key: SEEDED, reason: edit.reason }],
        [retireTaskAction, { key: TASK, reason: edit.reason }],
        [editTaskAction, { key: TASK, deadlineKind: "YEAR", deadlineYear: 2027, reason: edit.reason }],
      ] as const) {
        const r = await act(null, form(fields as Record<string, string>));
        expect(r.ok, `${who} ${act.name}`).toBe(false);
        expect(r.message).toMatch(who ? /không có quyền/ : /đăng nhập/);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a quote that is not the document's words, and a reason under 10 characters, writing nothing", async () => {
    await actAs("reviewer@cds.gov.vn");
    const before = await counts();
    const bad = await editTargetAction(null, form({ ...edit, quote: "Tỷ trọng kinh tế số đạt 25% GDP" }));
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.quote?.[0]).toMatch(/không có nguyên văn/);
    const far = await editTargetAction(null, form({ ...edit, line: 900 }));
    expect(far.fieldErrors?.quote?.[0]).toMatch(/ở dòng 130/);
    const short = await retireTargetAction(null, form({ key: SEEDED, reason: "vì vậy  " }));
    expect(short.fieldErrors?.reason?.[0]).toMatch(/ít nhất 10 ký tự/);
    const unknown = await retireTargetAction(null, form({ key: "411-2099-nothing", reason: edit.reason }));
    expect(unknown.message).toMatch(/Không tìm thấy/);
    expect(await counts()).toEqual(before);
  });

  it("edits a seeded target as a new row superseding the old one, with the revision, audit and a new version", async () => {
    await actAs("reviewer@cds.gov.vn");
    const before = await counts();
    const old = await own.target.findUniqueOrThrow({ where: { key: SEEDED } });
    const r = await editTargetAction(null, form(edit));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.data).toEqual({ key: `${SEEDED}-r2` });
    const after = await counts();
    expect(after).toEqual({
      targets: before.targets + 1,
      tasks: before.tasks,
      revisions: before.revisions + 1,
      audits: before.audits + 1,
      version: before.version + 1,
    });
    const retired = await own.target.findUniqueOrThrow({ where: { key: SEEDED } });
    const created = await own.target.findUniqueOrThrow({ where: { key: `${SEEDED}-r2` } });
    expect(retired.retiredAt).not.toBeNull();
    expect({ ...retired, retiredAt: null }).toEqual(old);
    expect(created).toMatchObject({
      supersedesId: old.id,
      origin: "BROWSER",
      documentId: old.documentId,
      indicatorId: old.indicatorId,
      value: 20,
      approximate: true,
      quote: QUOTE,
      line: 130,
      clause: old.clause,
      noteVi: edit.noteVi,
      retiredAt: null,
    });
    expect(created.publishedAt?.getTime()).toBe(retired.retiredAt?.getTime());
    const rev = await own.catalogueRevision.findFirstOrThrow({ where: { entityKey: SEEDED } });
    expect(rev).toMatchObject({ entity: "TARGET", documentKey: "411-2022", action: "EDIT", reason: edit.reason });
    expect(rev.before).toMatchObject({ key: SEEDED, approximate: false, noteVi: null });
    expect(rev.after).toMatchObject({ key: `${SEEDED}-r2`, approximate: true, noteVi: edit.noteVi });
    const audit = await own.auditLog.findFirstOrThrow({ where: { action: "catalogue.target.edit" } });
    expect(audit.entityId).toBe(SEEDED);
    // The export reads live rows: the new version replaces the old one in the seed file.
    const ids = (await exportDocument("411-2022"))!.targets.map((t) => t.id);
    expect(ids).toContain(`${SEEDED}-r2`);
    expect(ids).not.toContain(SEEDED);
  });

  it("the same edit again says nothing changed; the retired old row cannot be edited again", async () => {
    const same = await editTargetAction(null, form({ ...edit, key: `${SEEDED}-r2` }));
    expect(same.ok).toBe(false);
    expect(same.message).toMatch(/Không có gì thay đổi/);
    // The old row is no longer live: it cannot be edited a second time.
    const stale = await editTargetAction(null, form({ ...edit, value: 21 }));
    expect(stale.message).toMatch(/Không tìm thấy/);
  });

  it("re-running the seed changes neither the old nor the new row", async () => {
    const rows = async () =>
      own.target.findMany({ where: { key: { in: [SEEDED, `${SEEDED}-r2`] } }, orderBy: { id: "asc" } });
    const before = await rows();
    await runSeed(url);
    expect(await rows()).toEqual(before);
    expect(before).toHaveLength(2);
  });

  it("statuses as of the quarter before the edit hold the old key, after it the new key", async () => {
    // The tests' clock is in Q4/2026 (tests/support/periods.ts): the edit happened in that quarter.
    expect(TEST_NOW.startsWith("2026-12")).toBe(true);
    const q3 = await keysAt("2026-09-30T16:59:59Z");
    expect(q3.has(SEEDED)).toBe(true);
    expect(q3.has(`${SEEDED}-r2`)).toBe(false);
    const q4 = await keysAt("2026-12-31T16:59:59Z");
    expect(q4.has(SEEDED)).toBe(false);
    expect(q4.has(`${SEEDED}-r2`)).toBe(true);
    // Current statuses follow the catalogue as it is.
    const now = new Set((await computeStatuses(new Date(Date.now() + 86_400_000))).map((s) => s.targetKey));
    expect(now.has(`${SEEDED}-r2`)).toBe(true);
  });

  it("edits the new version again as -r3, then retires it", async () => {
    const r = await editTargetAction(null, form({ ...edit, key: `${SEEDED}-r2`, approximate: "" }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(r.data).toEqual({ key: `${SEEDED}-r3` });
    const r3 = await own.target.findUniqueOrThrow({ where: { key: `${SEEDED}-r3` } });
    const r2 = await own.target.findUniqueOrThrow({ where: { key: `${SEEDED}-r2` } });
    expect(r3.supersedesId).toBe(r2.id);
    const retire = await retireTargetAction(
      null,
      form({ key: `${SEEDED}-r3`, reason: "Chỉ tiêu được thay bằng văn bản khác." }),
    );
    expect(retire.ok, JSON.stringify(retire)).toBe(true);
    expect((await own.target.findUniqueOrThrow({ where: { key: `${SEEDED}-r3` } })).retiredAt).not.toBeNull();
    const rev = await own.catalogueRevision.findFirstOrThrow({
      where: { entityKey: `${SEEDED}-r3`, action: "RETIRE" },
    });
    expect(rev.before).toMatchObject({ key: `${SEEDED}-r3`, approximate: false });
    expect(rev.after).toBeNull();
  });

  it("edits a task in place (deadline, leads: who reports today follows) and retires another", async () => {
    const task = await own.task.findUniqueOrThrow({ where: { key: TASK } });
    const bad = await editTaskAction(
      null,
      form({ key: TASK, deadlineKind: "YEAR", deadlineYear: 2027, leads: "BKHCN,XYZ", reason: edit.reason }),
    );
    expect(bad.fieldErrors?.leads?.[0]).toMatch(/XYZ/);
    const missing = await editTaskAction(
      null,
      form({ key: TASK, deadlineKind: "QUARTER", deadlineYear: 2027, reason: edit.reason }),
    );
    expect(Object.keys(missing.fieldErrors ?? {})).toContain("deadlineQuarter");
    const r = await editTaskAction(
      null,
      form({
        key: TASK,
        deadlineRaw: "2022 - 2025",
        deadlineKind: "YEAR",
        deadlineYear: 2027,
        leads: "BTTTT,BCA",
        reason: "Thủ tướng gia hạn đến năm 2027 và giao thêm Bộ Công an.",
      }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const after = await own.task.findUniqueOrThrow({
      where: { key: TASK },
      include: { agencies: { include: { agency: true } }, assignees: { include: { agency: true } } },
    });
    expect(after.id).toBe(task.id);
    expect(after.title).toBe(task.title);
    expect(after).toMatchObject({ deadlineKind: "YEAR", deadlineYear: 2027, deadlineFrom: null, deadlineTo: null });
    expect(after.dueOn?.toISOString().slice(0, 10)).toBe("2027-12-31");
    expect(after.agencies.filter((a) => a.role === "LEAD").map((a) => a.agency?.code)).toEqual(["BTTTT", "BCA"]);
    // BTTTT merged into BKHCN in 2025: its successor reports.
    expect(
      after.assignees
        .filter((a) => a.role === "LEAD")
        .map((a) => a.agency.code)
        .sort(),
    ).toEqual(["BCA", "BKHCN"]);
    const rev = await own.catalogueRevision.findFirstOrThrow({ where: { entityKey: TASK, action: "EDIT" } });
    expect(rev.before).toMatchObject({ leads: ["BTTTT"], deadline: { kind: "PERIOD", from: 2022, to: 2025 } });
    expect(rev.after).toMatchObject({ leads: ["BTTTT", "BCA"], deadline: { kind: "YEAR", year: 2027 } });
    // The seed leaves the edited task as the reviewer left it.
    await runSeed(url);
    expect((await own.task.findUniqueOrThrow({ where: { key: TASK } })).deadlineYear).toBe(2027);

    const other = "411-A.I-2";
    const retire = await retireTaskAction(
      null,
      form({ key: other, reason: "Nhiệm vụ đã được thay thế bởi Quyết định mới." }),
    );
    expect(retire.ok, JSON.stringify(retire)).toBe(true);
    expect((await own.task.findUniqueOrThrow({ where: { key: other } })).retiredAt).not.toBeNull();
    const again = await retireTaskAction(
      null,
      form({ key: other, reason: "Nhiệm vụ đã được thay thế bởi Quyết định mới." }),
    );
    expect(again.message).toMatch(/Không tìm thấy/);
    await runSeed(url);
    expect((await own.task.findUniqueOrThrow({ where: { key: other } })).retiredAt).not.toBeNull();
    const ids = (await exportDocument("411-2022"))!.taskTable!.tasks.map((t) => t.id);
    expect(ids).not.toContain(other);
  });

  it("the reviewer page's data: live rows only, tasks 50 a page, the history newest first with who and what changed", async () => {
    await actAs("reviewer@cds.gov.vn");
    const user = await currentUser();
    const doc = (await publishedDocumentDetail(user, "411-2022", 1))!;
    const keys = doc.targets.map((t) => t.key);
    expect(keys).not.toContain(SEEDED);
    expect(keys).not.toContain(`${SEEDED}-r2`);
    expect(doc.tasks).toHaveLength(TASKS_PER_PAGE);
    expect(doc.taskTotal).toBe(await own.task.count({ where: { document: { key: "411-2022" }, retiredAt: null } }));
    const last = (await publishedDocumentDetail(user, "411-2022", doc.taskPages))!;
    expect(last.tasks.length).toBe(doc.taskTotal - (doc.taskPages - 1) * TASKS_PER_PAGE);
    expect(doc.history.map((h) => h.action)).toEqual(["RETIRE", "EDIT", "RETIRE", "EDIT", "EDIT"]);
    expect(doc.history.map((h) => h.at.getTime())).toEqual(
      [...doc.history.map((h) => h.at.getTime())].sort((a, b) => b - a),
    );
    expect(doc.history[0].who).toMatchObject({ agencyVi: expect.stringMatching(/Chuyển đổi số/) });
    const firstEdit = doc.history.at(-1)!;
    expect(firstEdit.changes).toEqual(
      expect.arrayContaining([
        { field: "key", from: SEEDED, to: `${SEEDED}-r2` },
        { field: "approximate", from: "false", to: "true" },
      ]),
    );
    // Anyone without catalogue.read gets nothing; an unknown or malformed key is null.
    await actAs("reporter.hanoi@cds.gov.vn");
    await expect(publishedDocumentDetail(await currentUser(), "411-2022", 1)).rejects.toThrow();
    expect(await publishedDocumentDetail(user, "no-such-doc", 1)).toBeNull();
    expect(await publishedDocumentDetail(user, "../x", 1)).toBeNull();
  });
});
