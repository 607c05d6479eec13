// The "5 rõ" of a task inside its lead agency: who may name the person responsible (a reporter of
// the agency leading the task, naming an active colleague), that every change is a new row and
// never an edit, that the person is notified in the same transaction, what the reminders read
// (currentTaskOwners), and that no public page, API or export ever shows the person.
import ExcelJS from "exceljs";
import pg from "pg";
import type { ReactElement } from "react";
import { renderToReadableStream } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import TasksPublicPage from "@/app/[lang]/tasks/page";
import DecisionPage from "@/app/[lang]/decisions/[key]/page";
import sitemap from "@/app/sitemap";
import { GET as tasksApi } from "@/app/api/v1/tasks/route";
import { GET as tasksCsv } from "@/app/api/v1/tasks.csv/route";
import { GET as bulkTasksCsv } from "@/app/api/v1/bulk/tasks.csv/route";
import { GET as decisionApi } from "@/app/api/v1/decisions/[key]/route";
import { GET as dashboardTasksCsv } from "@/app/api/v1/dashboard/tasks.csv/route";
import { GET as dashboardTasksXlsx } from "@/app/api/v1/dashboard/tasks.xlsx/route";
import OwnersPage from "@/app/[lang]/reporting/owners/page";
import OwnerPage from "@/app/[lang]/reporting/owners/[taskId]/page";
import { assignTaskOwnerAction } from "@/modules/task-owners/actions";
import { UnownedTasks } from "@/modules/task-owners/components/UnownedTasks";
import { getMessages } from "@/i18n/messages";
import { currentTaskOwners, ledTasksWithOwners, taskOwnerPanel } from "@/modules/task-owners/queries";
import type { ActionResult } from "@/server/action";
import { currentUser, type SessionUser } from "@/server/current-user";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";

const HN = "T-HA-NOI";
const HCM = "T-HO-CHI-MINH";
const stamp = `${process.pid}${Date.now()}`;
// A person whose name and email appear nowhere else: any trace of them on a public answer is a leak.
const OWNER = { name: `Phạm Thị Phụ Trách ${stamp}`, email: `phu-trach-${stamp}@hanoi.example.vn` };

let c: pg.Client;
let partnerRow: number | null = null;
const ids = {
  hanoi: 0,
  hcm: 0,
  owner: 0,
  viewer: 0,
  hcmReporter: 0,
  inactive: 0,
  /** Hà Nội leads it (alone or with others). */
  task: 0,
  /** A second task Hà Nội leads, for the withdrawal. */
  task2: 0,
  /** Hồ Chí Minh City leads it, Hà Nội does not. */
  hcmTask: 0,
  /** Hà Nội is only a partner on it. */
  partnerTask: 0,
};

const one = async (sql: string, p: unknown[] = []) => (await c.query(sql, p)).rows[0];
const rowsOf = async (taskId: number, agencyId = ids.hanoi) =>
  (await c.query(`SELECT * FROM "TaskOwner" WHERE "taskId" = $1 AND "agencyId" = $2 ORDER BY id`, [taskId, agencyId]))
    .rows;
const count = async (table: string) => Number((await one(`SELECT count(*)::int AS n FROM "${table}"`)).n);

async function as(email: string): Promise<SessionUser> {
  await actAs(email);
  return (await currentUser())!;
}

/** The assignment form as the page sends it, based on the newest row (as the page draws it). */
async function assign(fields: Record<string, string | undefined>, basedOn?: number): Promise<ActionResult> {
  const taskId = Number(fields.taskId ?? ids.task);
  const latest = basedOn ?? ((await rowsOf(taskId)).at(-1)?.id as number | undefined) ?? 0;
  return assignTaskOwnerAction(
    null,
    form({
      taskId: String(ids.task),
      userId: String(ids.owner),
      internalDueOn: "31/03/2027",
      expectedResult: "Cổng dữ liệu mở của thành phố vận hành",
      basedOn: String(latest),
      ...fields,
    }),
  );
}

beforeAll(async () => {
  c = new pg.Client({ connectionString: inject("databaseUrl") });
  await c.connect();
  ids.hanoi = (await one(`SELECT id FROM "Agency" WHERE code = $1`, [HN])).id;
  ids.hcm = (await one(`SELECT id FROM "Agency" WHERE code = $1`, [HCM])).id;
  const hash = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";
  const addUser = async (email: string, name: string, role: string, agencyId: number, active = true) =>
    (
      await one(
        `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId", active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [email, name, hash, role, agencyId, active],
      )
    ).id as number;
  ids.owner = await addUser(OWNER.email, OWNER.name, "VIEWER", ids.hanoi);
  ids.inactive = await addUser(`nghi-viec-${stamp}@hanoi.example.vn`, "Đã nghỉ việc", "REPORTER", ids.hanoi, false);
  ids.viewer = (await one(`SELECT id FROM "User" WHERE email = 'viewer.hanoi@cds.gov.vn'`)).id;
  ids.hcmReporter = (await one(`SELECT id FROM "User" WHERE email = 'reporter.hcm@cds.gov.vn'`)).id;
  const led = (
    await c.query(
      `SELECT a."taskId" FROM "TaskAssignment" a JOIN "Task" t ON t.id = a."taskId"
       WHERE a."agencyId" = $1 AND a.role = 'LEAD' AND t."retiredAt" IS NULL ORDER BY a."taskId" DESC LIMIT 2`,
      [ids.hanoi],
    )
  ).rows.map((r) => r.taskId as number);
  [ids.task, ids.task2] = led;
  ids.hcmTask = (
    await one(
      `SELECT a."taskId" FROM "TaskAssignment" a JOIN "Task" t ON t.id = a."taskId"
       WHERE a."agencyId" = $1 AND a.role = 'LEAD' AND t."retiredAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "TaskAssignment" x WHERE x."taskId" = a."taskId" AND x."agencyId" = $2 AND x.role = 'LEAD')
       ORDER BY a."taskId" LIMIT 1`,
      [ids.hcm, ids.hanoi],
    )
  ).taskId;
  // A task Hà Nội does not lead, on which it is (made) a partner.
  ids.partnerTask = (
    await one(
      `SELECT t.id FROM "Task" t WHERE t."retiredAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "TaskAssignment" x WHERE x."taskId" = t.id AND x."agencyId" = $1 AND x.role = 'LEAD')
       ORDER BY t.id DESC LIMIT 1`,
      [ids.hanoi],
    )
  ).id;
  // Removed again in afterAll: the seed's re-run (seed.test.ts) must find only its own assignments.
  partnerRow =
    (
      await c.query(
        `INSERT INTO "TaskAssignment" ("taskId", "agencyId", role) VALUES ($1, $2, 'PARTNER') ON CONFLICT DO NOTHING RETURNING id`,
        [ids.partnerTask, ids.hanoi],
      )
    ).rows[0]?.id ?? null;
  expect(new Set([ids.task, ids.task2, ids.hcmTask, ids.partnerTask]).size).toBe(4);
});
afterAll(async () => {
  if (partnerRow) await c.query(`DELETE FROM "TaskAssignment" WHERE id = $1`, [partnerRow]);
  await c.end();
});

describe("assigning a task to a person", () => {
  it("a reporter of the lead agency names an active colleague; the row, the audit entry and the notification are written together", async () => {
    const before = { notes: await count("Notification"), audit: await count("AuditLog") };
    const reporter = await as("reporter.hanoi@cds.gov.vn");
    const r = await assign({ internalDueOn: "31/03/2027" });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect(r.message).toContain(OWNER.name);
    const rows = await rowsOf(ids.task);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: ids.owner,
      assignedById: reporter.id,
      expectedResult: "Cổng dữ liệu mở của thành phố vận hành",
      reason: null,
    });
    expect(rows[0].internalDueOn.toISOString().slice(0, 10)).toBe("2027-03-31");
    const note = await one(`SELECT * FROM "Notification" WHERE "userId" = $1 ORDER BY id DESC LIMIT 1`, [ids.owner]);
    expect(note).toMatchObject({ kind: "TASK_OWNER", itemKind: "task", itemId: ids.task, agencyId: ids.hanoi });
    expect(note.params).toMatchObject({ due: "31/03/2027" });
    // The bell words it with the task's title.
    const { notificationText } = await import("@/modules/notifications/text");
    expect(notificationText("vi", note.kind, note.params)).toMatch(/^Bạn được giao phụ trách nhiệm vụ “.{10,}”\.$/);
    expect(note.href).toBe(`/reporting/owners/${ids.task}`);
    expect(await count("Notification")).toBe(before.notes + 1);
    expect(await count("AuditLog")).toBe(before.audit + 1);
    const logged = await one(`SELECT * FROM "AuditLog" WHERE action = 'tasks.assignOwner' ORDER BY id DESC LIMIT 1`);
    expect(logged).toMatchObject({ entityType: "Task", entityId: String(ids.task), agencyId: ids.hanoi });
  });

  it("the reminders read the current person, deadline and expected result", async () => {
    const owners = await currentTaskOwners(ids.hanoi);
    const mine = owners.find((o) => o.taskId === ids.task);
    expect(mine).toMatchObject({ agencyId: ids.hanoi, userId: ids.owner, expectedResult: expect.any(String) });
    expect(mine!.internalDueOn!.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect((await currentTaskOwners()).some((o) => o.taskId === ids.task && o.agencyId === ids.hanoi)).toBe(true);
    expect((await currentTaskOwners(ids.hcm)).some((o) => o.agencyId !== ids.hcm)).toBe(false);
  });

  it("a change needs a reason and is a new row: the first row stays exactly as it was", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    const first = (await rowsOf(ids.task))[0];
    const refused = await assign({ userId: String(ids.viewer) });
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.reason?.[0]).toMatch(/lý do/);
    const same = await assign({ reason: "Không đổi gì cả" });
    expect(same.ok).toBe(false);
    expect(same.fieldErrors?.userId?.[0]).toMatch(/Không có gì thay đổi/);
    const r = await assign({
      userId: String(ids.viewer),
      internalDueOn: "2027-06-30",
      reason: "Chị Phạm chuyển công tác khác",
    });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const rows = await rowsOf(ids.task);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(first);
    expect(rows[1]).toMatchObject({ userId: ids.viewer, reason: "Chị Phạm chuyển công tác khác" });
    expect(rows[1].internalDueOn.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect((await currentTaskOwners(ids.hanoi)).find((o) => o.taskId === ids.task)?.userId).toBe(ids.viewer);
  });

  it("a form drawn from an older row is refused rather than overwriting a change made meanwhile", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    const rows = await rowsOf(ids.task);
    const r = await assign({ userId: String(ids.owner), reason: "Giao lại cho chị Phạm" }, rows[0].id);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/vừa được người khác thay đổi/);
    expect(await rowsOf(ids.task)).toHaveLength(2);
  });

  it("the database refuses to edit or delete an assignment", async () => {
    const [row] = await rowsOf(ids.task);
    await expect(c.query(`UPDATE "TaskOwner" SET "userId" = $1 WHERE id = $2`, [ids.viewer, row.id])).rejects.toThrow();
    await expect(c.query(`DELETE FROM "TaskOwner" WHERE id = $1`, [row.id])).rejects.toThrow();
    expect((await rowsOf(ids.task))[0]).toEqual(row);
  });

  it("a withdrawal is a row naming nobody: the task is then without a person", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    expect(
      (await assign({ taskId: String(ids.task2), userId: "none", reason: "Chưa có ai" })).fieldErrors?.userId?.[0],
    ).toMatch(/chưa giao cho ai/);
    expect((await assign({ taskId: String(ids.task2) })).ok).toBe(true);
    const before = await count("Notification");
    const r = await assign({ taskId: String(ids.task2), userId: "none", reason: "Đợi phân công lại" });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect(await count("Notification")).toBe(before);
    expect((await rowsOf(ids.task2)).map((x) => x.userId)).toEqual([ids.owner, null]);
    expect((await currentTaskOwners(ids.hanoi)).some((o) => o.taskId === ids.task2)).toBe(false);
    const user = await currentUser();
    const list = await ledTasksWithOwners(user!, ids.hanoi, { without: true, skip: 0, take: 10_000 });
    expect(list.items.map((i) => i.task.id)).toContain(ids.task2);
    expect(list.items.map((i) => i.task.id)).not.toContain(ids.task);
    expect(list.listed).toBe(list.without);
    const all = await ledTasksWithOwners(user!, ids.hanoi, { without: false, skip: 0, take: 10_000 });
    expect(all.total).toBe(all.listed);
    expect(all.items.find((i) => i.task.id === ids.task)?.owner?.person.id).toBe(ids.viewer);
  });

  it("errors come back next to their fields in the page's language", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    const en = await assign({ taskId: String(ids.task2), internalDueOn: "31/02/2027", expectedResult: "", lang: "en" });
    expect(en.ok).toBe(false);
    expect(en.fieldErrors?.internalDueOn?.[0]).toMatch(/must be a real day/);
    expect(en.fieldErrors?.expectedResult?.[0]).toMatch(/expected result/);
    const vi = await assign({ taskId: String(ids.task2), internalDueOn: "31/02/2027", lang: "vi" });
    expect(vi.fieldErrors?.internalDueOn?.[0]).toMatch(/ngày có thật/);
  });

  it("a deactivated person holds nothing, and cannot be named", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    const r = await assign({ taskId: String(ids.task2), userId: String(ids.inactive) });
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.userId?.[0]).toMatch(/không phải cán bộ/);
  });
});

describe("who may assign", () => {
  const untouched = async (run: () => Promise<ActionResult>, message: RegExp, field?: string) => {
    const before = { owners: await count("TaskOwner"), notes: await count("Notification") };
    const r = await run();
    expect(r.ok, JSON.stringify(r)).toBe(false);
    if (field) expect(r.fieldErrors?.[field]?.[0], JSON.stringify(r)).toMatch(message);
    else expect(JSON.stringify({ message: r.message, fieldErrors: r.fieldErrors })).toMatch(message);
    expect(await count("TaskOwner")).toBe(before.owners);
    expect(await count("Notification")).toBe(before.notes);
  };

  it("Hà Nội's reporter cannot assign a task Hồ Chí Minh City leads, even naming HCM's reporter", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    await untouched(() => assign({ taskId: String(ids.hcmTask), basedOn: "0" }), /không do cơ quan của bạn chủ trì/);
    await untouched(
      () => assign({ taskId: String(ids.hcmTask), userId: String(ids.hcmReporter), basedOn: "0" }),
      /không do cơ quan của bạn chủ trì/,
    );
    expect(await rowsOf(ids.hcmTask, ids.hcm)).toEqual([]);
  });

  it("Hà Nội's reporter cannot assign a task Hà Nội is only a partner on", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    await untouched(
      () => assign({ taskId: String(ids.partnerTask), basedOn: "0" }),
      /không do cơ quan của bạn chủ trì/,
    );
  });

  it("Hà Nội's reporter cannot name a user of another agency", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    await untouched(
      () => assign({ userId: String(ids.hcmReporter), reason: "Thử giao cho người ngoài" }),
      /không phải cán bộ/,
      "userId",
    );
  });

  it("HCM's reporter cannot assign Hà Nội's task, even one HCM also leads: it assigns only for HCM", async () => {
    await as("reporter.hcm@cds.gov.vn");
    const shared = await one(
      `SELECT a."taskId" FROM "TaskAssignment" a WHERE a."agencyId" = $1 AND a.role = 'LEAD'
         AND EXISTS (SELECT 1 FROM "TaskAssignment" x WHERE x."taskId" = a."taskId" AND x."agencyId" = $2 AND x.role = 'LEAD')
       ORDER BY a."taskId" LIMIT 1`,
      [ids.hanoi, ids.hcm],
    );
    await untouched(() => assign({ userId: String(ids.owner), basedOn: "0" }), /không do cơ quan|không phải cán bộ/);
    if (shared) {
      // HCM leads it too: naming a Hà Nội person for HCM's own assignment is refused.
      await untouched(
        () => assign({ taskId: String(shared.taskId), userId: String(ids.owner), basedOn: "0" }),
        /không phải cán bộ/,
        "userId",
      );
    }
  });

  it("a viewer, a national reviewer and an administrator cannot assign", async () => {
    for (const email of ["viewer.hanoi@cds.gov.vn", "reviewer@cds.gov.vn", "admin@cds.gov.vn"]) {
      await as(email);
      await untouched(() => assign({ reason: "Thử giao khi không có quyền" }), /không có quyền/);
    }
    await actAs(null);
    await untouched(() => assign({ reason: "Thử giao khi chưa đăng nhập" }), /đăng nhập/);
  });

  it("national roles see an agency's assignments but get no form; another agency sees nothing", async () => {
    const reviewer = await as("reviewer@cds.gov.vn");
    const panel = await taskOwnerPanel(reviewer, ids.task, ids.hanoi);
    expect(panel).toMatchObject({ canAssign: false, colleagues: [] });
    expect(panel!.history.length).toBeGreaterThanOrEqual(2);
    expect(panel!.history[0].by?.name).toBeTruthy();
    const hanoi = await as("reporter.hanoi@cds.gov.vn");
    const own = await taskOwnerPanel(hanoi, ids.task, ids.hanoi);
    expect(own!.canAssign).toBe(true);
    expect(own!.colleagues.map((u) => u.id)).toContain(ids.owner);
    expect(own!.colleagues.map((u) => u.id)).not.toContain(ids.inactive);
    expect(own!.colleagues.map((u) => u.id)).not.toContain(ids.hcmReporter);
    expect(await taskOwnerPanel(hanoi, ids.hcmTask, ids.hanoi)).toBeNull();
    const hcm = await as("reporter.hcm@cds.gov.vn");
    await expect(taskOwnerPanel(hcm, ids.task, ids.hanoi)).rejects.toThrow(/cơ quan mình/);
    await expect(ledTasksWithOwners(hcm, ids.hanoi, { without: true, skip: 0, take: 10 })).rejects.toThrow(
      /cơ quan mình/,
    );
  });
});

/** A page's whole HTML, its nested async server components included. */
async function html(el: ReactElement): Promise<string> {
  const stream = await renderToReadableStream(el);
  await stream.allReady;
  return new Response(stream).text();
}

describe("the pages", () => {
  const viewerName = async () => (await one(`SELECT name FROM "User" WHERE id = $1`, [ids.viewer])).name as string;
  const ownerPage = async (taskId: number, search: Record<string, string> = {}) =>
    html(
      await OwnerPage({
        params: Promise.resolve({ lang: "vi", taskId: String(taskId) }),
        searchParams: Promise.resolve(search),
      }),
    );
  const listPage = async (search: Record<string, string>) =>
    html(await OwnersPage({ params: Promise.resolve({ lang: "vi" }), searchParams: Promise.resolve(search) }));

  /** Every page of the list, following its "next" links. */
  const everyPage = async (search: Record<string, string>) => {
    const pages: string[] = [];
    for (let page = 1; page <= 20; page++) {
      const html = await listPage({ ...search, page: String(page) });
      pages.push(html);
      if (!html.includes(`page=${page + 1}`)) break;
    }
    return pages.join("\n");
  };

  it("the lead agency's reporter gets the form, the person now and the history", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    const page = await ownerPage(ids.task);
    expect(page).toContain('data-testid="task-owner-form"');
    expect(page).toContain(await viewerName());
    expect(page).toContain("Chị Phạm chuyển công tác khác");
    expect(page).toContain(OWNER.name); // the first assignment, in the history
  });

  it("a national reviewer sees the assignment of the agency named in the address, without a form", async () => {
    await as("reviewer@cds.gov.vn");
    const page = await ownerPage(ids.task, { agency: HN });
    expect(page).toContain(await viewerName());
    expect(page).not.toContain('data-testid="task-owner-form"');
  });

  it("another agency's reporter sees its own agency's assignment, whatever the address says", async () => {
    await as("reporter.hcm@cds.gov.vn");
    // Collective leads ("các bộ, ngành, địa phương") make HCM a lead of many of Hà Nội's tasks: it
    // then sees its own assignment of the task; otherwise the page does not exist for it.
    const hcmLeads = !!(await one(
      `SELECT 1 AS x FROM "TaskAssignment" WHERE "taskId" = $1 AND "agencyId" = $2 AND role = 'LEAD'`,
      [ids.task, ids.hcm],
    ));
    if (hcmLeads) {
      const page = await ownerPage(ids.task, { agency: HN });
      expect(page).toContain("Cơ quan: Thành phố Hồ Chí Minh");
      expect(page).not.toContain(await viewerName());
      expect(page).not.toContain(OWNER.name);
    } else {
      await expect(ownerPage(ids.task, { agency: HN })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    }
    await expect(ownerPage(ids.partnerTask, { agency: HN })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    const list = await listPage({ agency: HN });
    expect(list).toContain("Thành phố Hồ Chí Minh");
    expect(list).not.toContain(OWNER.name);
    expect(list).not.toContain(await viewerName());
  });

  it("the list filters the tasks without a person; the dashboard counts them for its agency's staff only", async () => {
    const hanoi = await as("reporter.hanoi@cds.gov.vn");
    const without = await everyPage({ without: "1" });
    expect(without).toContain(`data-task="${ids.task2}"`);
    expect(without).not.toContain(`data-task="${ids.task}"`);
    expect(without).not.toContain(`data-task="${ids.partnerTask}"`);
    const all = await everyPage({});
    expect(all).toContain(await viewerName());
    const hanoiAgency = { id: ids.hanoi, code: HN };
    const widget = await html(
      (await UnownedTasks({ lang: "vi", m: getMessages("vi"), user: hanoi, agency: hanoiAgency }))!,
    );
    expect(widget).toContain('data-testid="unowned-count"');
    const counts = await ledTasksWithOwners(hanoi, ids.hanoi, { without: true, skip: 0, take: 1 });
    expect(widget).toContain(`${counts.without} trên ${counts.total} nhiệm vụ`);
    expect(widget).toContain(`href="/vi/reporting/owners?without=1"`);
    expect(widget).not.toContain(`/vi/reporting/owners/${ids.task}"`);
    expect(widget).not.toContain(OWNER.name);
    const hcm = await as("reporter.hcm@cds.gov.vn");
    expect(await UnownedTasks({ lang: "vi", m: getMessages("vi"), user: hcm, agency: hanoiAgency })).toBeNull();
  });
});

describe("the person is never public", () => {
  const BASE = "http://localhost";
  const leaks = (text: string) => [OWNER.name, OWNER.email, "Phụ Trách", "phu-trach-"].filter((s) => text.includes(s));

  beforeAll(async () => {
    // The owner holds a task again (the earlier tests moved it to the viewer).
    await as("reporter.hanoi@cds.gov.vn");
    const r = await assign({ userId: String(ids.owner), reason: "Giao lại cho chị Phạm" });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    await actAs(null);
  });

  it("the open API, its CSV files and the sitemap", async () => {
    const doc = await one(`SELECT d.key FROM "Task" t JOIN "Document" d ON d.id = t."documentId" WHERE t.id = $1`, [
      ids.task,
    ]);
    const answers: [string, Response][] = [
      ["tasks", await tasksApi(new Request(`${BASE}/api/v1/tasks?pageSize=500`))],
      ["tasks agency", await tasksApi(new Request(`${BASE}/api/v1/tasks?agency=${HN}&pageSize=500`))],
      ["tasks.csv", await tasksCsv(new Request(`${BASE}/api/v1/tasks.csv?agency=${HN}`))],
      ["bulk tasks.csv", await bulkTasksCsv()],
      [
        "decision",
        await decisionApi(new Request(`${BASE}/api/v1/decisions/${doc.key}`), {
          params: Promise.resolve({ key: doc.key }),
        }),
      ],
    ];
    for (const [name, res] of answers) {
      expect(res.status, name).toBe(200);
      const text = await res.text();
      expect(text.length, name).toBeGreaterThan(100);
      expect(leaks(text), name).toEqual([]);
    }
    expect(leaks(JSON.stringify(await sitemap()))).toEqual([]);
  });

  it("the public task list and the decision page", async () => {
    const doc = await one(`SELECT d.key FROM "Task" t JOIN "Document" d ON d.id = t."documentId" WHERE t.id = $1`, [
      ids.task,
    ]);
    for (const lang of ["vi", "en"]) {
      const list = await html(
        await TasksPublicPage({ params: Promise.resolve({ lang }), searchParams: Promise.resolve({ agency: HN }) }),
      );
      expect(list.length).toBeGreaterThan(1000);
      expect(leaks(list)).toEqual([]);
      const page = await html(await DecisionPage({ params: Promise.resolve({ lang, key: doc.key }) }));
      expect(page.length).toBeGreaterThan(1000);
      expect(leaks(page)).toEqual([]);
    }
  });

  it("the signed-in dashboard's task downloads (CSV and XLSX) carry no person either", async () => {
    await as("reporter.hanoi@cds.gov.vn");
    const csv = await dashboardTasksCsv(new Request(`${BASE}/api/v1/dashboard/tasks.csv?agency=${HN}`));
    expect(csv.status).toBe(200);
    expect(leaks(await csv.text())).toEqual([]);
    const xlsx = await dashboardTasksXlsx(new Request(`${BASE}/api/v1/dashboard/tasks.xlsx?agency=${HN}`));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells.length).toBeGreaterThan(10);
    expect(leaks(cells.join("\n"))).toEqual([]);
  });
});
