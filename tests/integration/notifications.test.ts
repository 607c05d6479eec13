// Notifications and conversations through their server actions, against the real database: who is
// told of a return, an approval, a reopening and a resubmission; the item's thread with mentions
// and followers; the bell's count; and, across agencies, that nobody reads, writes, receives or is
// mentioned in anything about another agency's items.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET as meGET } from "@/app/api/me/route";
import { addCommentAction } from "@/modules/conversations/actions";
import { itemThread } from "@/modules/conversations/queries";
import { markAllReadAction, openNotificationAction, savePreferencesAction } from "@/modules/notifications/actions";
import { notificationsPage, preferencesOf } from "@/modules/notifications/queries";
import { notificationText } from "@/modules/notifications/text";
import { reopenAction, reviewAction, saveTasksAction, submitReadyAction } from "@/modules/reporting/actions";
import { taskProgressDetail } from "@/modules/reporting/queries";
import { currentUser, type SessionUser } from "@/server/current-user";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";
import { openQuarter } from "../support/periods";

const url = inject("databaseUrl");
let c: pg.Client;
const q = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows;
const one = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0];
const PERIOD = openQuarter().key;
const { year: YEAR, quarter: QUARTER } = openQuarter();

const HANOI = "reporter.hanoi@cds.gov.vn";
const HCM = "reporter.hcm@cds.gov.vn";
const REVIEWER = "reviewer@cds.gov.vn";
const VIEWER = "viewer.hanoi@cds.gov.vn";
const stamp = `${process.pid}${Date.now()}`;

const ids = {} as Record<
  "hanoi" | "hcm" | "hanoiTask" | "hanoiTask2" | "hcmTask" | "hanoiUser" | "hcmUser" | "reviewer" | "viewer" | "mover",
  number
>;
let moverEmail = "";

async function as(email: string): Promise<SessionUser> {
  await actAs(email);
  return (await currentUser())!;
}

/** Notifications of a user about one item, oldest first. */
const notes = (userId: number, itemId: number, kind?: string) =>
  q(
    `SELECT id, kind, params, href, "readAt", "agencyId" FROM "Notification" WHERE "userId" = $1 AND "itemId" = $2 ${kind ? "AND kind = $3" : ""} ORDER BY id`,
    kind ? [userId, itemId, kind] : [userId, itemId],
  );
const tp = (agencyId: number, taskId: number) =>
  one(
    `SELECT id, version, state FROM "TaskProgress" WHERE "agencyId" = $1 AND "taskId" = $2 AND year = $3 AND quarter = $4`,
    [agencyId, taskId, YEAR, QUARTER],
  ) as Promise<{ id: number; version: number; state: string }>;
const commentCount = async () => Number((await one(`SELECT count(*) FROM "ItemComment"`)).count);
const noteCount = async () => Number((await one(`SELECT count(*) FROM "Notification"`)).count);

async function submitTask(taskId: number, achieved: string, intent: "submit" | "draft" = "submit") {
  const agencyId = ids.hanoi;
  const current = await tp(agencyId, taskId);
  const r = await saveTasksAction(
    null,
    form({
      period: PERIOD,
      intent,
      [`task.${taskId}.status`]: "IN_PROGRESS",
      [`task.${taskId}.percent`]: "40",
      [`task.${taskId}.achieved`]: achieved,
      [`task.${taskId}.version`]: current?.version ?? 0,
      [`task.${taskId}.select`]: "on",
    }),
  );
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return tp(agencyId, taskId);
}

async function redirectOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw e;
  }
  throw new Error("no redirect");
}

beforeAll(async () => {
  c = new pg.Client({ connectionString: url });
  await c.connect();
  const ag = async (code: string) => (await one(`SELECT id FROM "Agency" WHERE code = $1`, [code])).id as number;
  const user = async (email: string) => (await one(`SELECT id FROM "User" WHERE email = $1`, [email])).id as number;
  ids.hanoi = await ag("T-HA-NOI");
  ids.hcm = await ag("T-HO-CHI-MINH");
  ids.hanoiUser = await user(HANOI);
  ids.hcmUser = await user(HCM);
  ids.reviewer = await user(REVIEWER);
  ids.viewer = await user(VIEWER);
  // Tasks at the far end of each city's list, which the other test files leave alone.
  const lastLed = async (agencyId: number, not: number) =>
    (
      await one(
        `SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' AND "taskId" <> $2 ORDER BY "taskId" DESC LIMIT 1`,
        [agencyId, not],
      )
    ).taskId as number;
  ids.hanoiTask = await lastLed(ids.hanoi, 0);
  ids.hcmTask = await lastLed(ids.hcm, ids.hanoiTask);
  ids.hanoiTask2 = (
    await one(
      `SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' AND "taskId" NOT IN ($2, $3) ORDER BY "taskId" DESC LIMIT 1`,
      [ids.hanoi, ids.hanoiTask, ids.hcmTask],
    )
  ).taskId;
  // A Hà Nội viewer who will follow an item and then move to Hồ Chí Minh City.
  const hash = (await one(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [ids.viewer])).passwordHash;
  moverEmail = `mover-${stamp}@example.vn`;
  ids.mover = (
    await one(
      `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Người chuyển', $2, 'VIEWER', $3) RETURNING id`,
      [moverEmail, hash, ids.hanoi],
    )
  ).id;
});
afterAll(async () => c.end());

describe("the reporting workflow tells people", () => {
  let item: { id: number; version: number; state: string };

  it("tells nobody of a first submission", async () => {
    await as(HANOI);
    item = await submitTask(ids.hanoiTask, "Đã triển khai thí điểm");
    expect(item.state).toBe("SUBMITTED");
    expect(await q(`SELECT id FROM "Notification" WHERE "itemId" = $1 AND "itemKind" = 'task'`, [item.id])).toEqual([]);
  });

  it("tells the agency's reporters of a return, with the item, the quarter and the comment", async () => {
    await as(REVIEWER);
    const comment = "Đề nghị bổ sung minh chứng cho kết quả thí điểm.";
    const r = await reviewAction(
      null,
      form({ decision: "RETURN", item: `task:${item.id}:${item.version}`, [`comment.task.${item.id}`]: comment }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const [n] = await notes(ids.hanoiUser, item.id, "RETURNED");
    expect(n).toMatchObject({ href: `/reporting/tasks/${item.id}`, agencyId: ids.hanoi, readAt: null });
    expect(n.params).toMatchObject({ comment, year: YEAR, quarter: QUARTER, agency: "Thành phố Hà Nội" });
    expect(notificationText("vi", "RETURNED", n.params)).toContain(comment);
    // Nobody else: not the other city, not the reviewer who did it, not the viewer.
    for (const u of [ids.hcmUser, ids.reviewer, ids.viewer]) expect(await notes(u, item.id)).toEqual([]);
    // The reviewer now follows the item: the agency's reply reaches them.
    expect(
      await q(`SELECT 1 FROM "ItemFollower" WHERE "itemKind" = 'task' AND "itemId" = $1 AND "userId" = $2`, [
        item.id,
        ids.reviewer,
      ]),
    ).toHaveLength(1);
  });

  it("counts it on the bell of that reporter only", async () => {
    await as(HANOI);
    const mine = (await (await meGET()).json()).user;
    expect(mine.unread).toBeGreaterThanOrEqual(1);
    const unread = Number(
      (await one(`SELECT count(*) FROM "Notification" WHERE "userId" = $1 AND "readAt" IS NULL`, [ids.hanoiUser]))
        .count,
    );
    expect(mine.unread).toBe(unread);
    await actAs(null);
    expect((await (await meGET()).json()).user).toBeNull();
  });

  it("lets the reporter reply in the thread, mentioning the reviewer, who is told once", async () => {
    await as(HANOI);
    const r = await addCommentAction(
      null,
      form({ kind: "task", id: item.id, body: "@reviewer@cds.gov.vn đã bổ sung biên bản nghiệm thu." }),
    );
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, message: "Đã gửi bình luận." });
    const row = await one(
      `SELECT "agencyId", "authorId", mentions FROM "ItemComment" WHERE "itemId" = $1 AND "itemKind" = 'task'`,
      [item.id],
    );
    expect(row).toEqual({ agencyId: ids.hanoi, authorId: ids.hanoiUser, mentions: [ids.reviewer] });
    expect((await notes(ids.reviewer, item.id)).map((n) => n.kind)).toEqual(["MENTION"]);
    // The author follows the item; they are not told of their own comment.
    expect((await notes(ids.hanoiUser, item.id)).map((n) => n.kind)).toEqual(["RETURNED"]);
  });

  it("tells the followers of a comment by someone else of the agency", async () => {
    await as(moverEmail);
    expect((await addCommentAction(null, form({ kind: "task", id: item.id, body: "Tôi theo dõi mục này." }))).ok).toBe(
      true,
    );
    expect((await notes(ids.reviewer, item.id)).map((n) => n.kind)).toEqual(["MENTION", "COMMENT"]);
    expect((await notes(ids.hanoiUser, item.id)).map((n) => n.kind)).toEqual(["RETURNED", "COMMENT"]);
    const thread = await itemThread(await as(REVIEWER), { kind: "task", id: item.id, agencyId: ids.hanoi });
    expect(thread?.comments.map((x) => x.body)).toEqual([
      "@reviewer@cds.gov.vn đã bổ sung biên bản nghiệm thu.",
      "Tôi theo dõi mục này.",
    ]);
    expect(thread?.following).toBe(true);
    const reviewerName = (await one(`SELECT name FROM "User" WHERE id = $1`, [ids.reviewer])).name;
    expect(thread?.comments.map((x) => x.mentioned)).toEqual([[reviewerName], []]);
  });

  it("tells the reviewers of a resubmission after a return, and nobody in another agency", async () => {
    await as(HANOI);
    item = await submitTask(ids.hanoiTask, "Đã triển khai thí điểm, có biên bản nghiệm thu");
    const [n] = await notes(ids.reviewer, item.id, "RESUBMITTED");
    expect(n).toMatchObject({ href: `/reporting/tasks/${item.id}` });
    expect(notificationText("vi", "RESUBMITTED", n.params)).toMatch(/^Thành phố Hà Nội đã nộp lại mục/);
    expect(await notes(ids.hcmUser, item.id)).toEqual([]);
  });

  it("tells the agency of an approval and of a reopening", async () => {
    await as(REVIEWER);
    expect((await reviewAction(null, form({ decision: "APPROVE", item: `task:${item.id}:${item.version}` }))).ok).toBe(
      true,
    );
    expect(
      (await reopenAction(null, form({ kind: "task", id: item.id, comment: "Cần sửa tỷ lệ hoàn thành." }))).ok,
    ).toBe(true);
    const kinds = (await notes(ids.hanoiUser, item.id)).map((n) => n.kind);
    expect(kinds).toEqual(["RETURNED", "COMMENT", "APPROVED", "REOPENED"]);
    expect((await notes(ids.hanoiUser, item.id, "REOPENED"))[0].params.comment).toBe("Cần sửa tỷ lệ hoàn thành.");
    expect(await notes(ids.hcmUser, item.id)).toEqual([]);
  });

  it("opens a notification: marks it read and goes to the item, in the reader's language", async () => {
    await as(HANOI);
    const [n] = await notes(ids.hanoiUser, item.id, "APPROVED");
    expect(await redirectOf(openNotificationAction(null, form({ id: n.id, lang: "en" })))).toBe(
      `/en/reporting/tasks/${item.id}`,
    );
    expect((await notes(ids.hanoiUser, item.id, "APPROVED"))[0].readAt).not.toBeNull();
    // Opening it again still goes there, and changes nothing.
    expect(await redirectOf(openNotificationAction(null, form({ id: n.id, lang: "vi" })))).toBe(
      `/vi/reporting/tasks/${item.id}`,
    );
  });

  it("lists the user's notifications newest first, unread counted, and marks all read", async () => {
    const user = await as(HANOI);
    const page = await notificationsPage(user, 1);
    expect(page.rows.length).toBeGreaterThan(0);
    const times = page.rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.unread).toBeGreaterThan(0);
    const r = await markAllReadAction(null, form({}));
    expect(r.ok).toBe(true);
    expect((await notificationsPage(user, 1)).unread).toBe(0);
    expect((await (await meGET()).json()).user.unread).toBe(0);
  });
});

describe("resubmitting through “submit everything ready”", () => {
  it("tells the reviewers of the returned item only", async () => {
    await as(HANOI);
    let item = await submitTask(ids.hanoiTask2, "Đã xây dựng kế hoạch");
    await as(REVIEWER);
    const returned = await reviewAction(
      null,
      form({ decision: "RETURN", item: `task:${item.id}:${item.version}`, comment: "Thiếu kế hoạch chi tiết." }),
    );
    expect(returned.ok).toBe(true);
    await as(HANOI);
    // A returned item is ready once saved again (src/modules/reporting/rules.ts).
    item = await submitTask(ids.hanoiTask2, "Đã xây dựng kế hoạch chi tiết", "draft");
    expect(item.state).toBe("RETURNED");
    const r = await submitReadyAction(null, form({ period: PERIOD, item: `task:${ids.hanoiTask2}:${item.version}` }));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect((await notes(ids.reviewer, item.id, "RESUBMITTED")).length).toBe(1);
    expect(await notes(ids.hcmUser, item.id)).toEqual([]);
  });
});

describe("across agencies", () => {
  let hanoiItem: { id: number };
  let hcmItem: { id: number; version: number };

  beforeAll(async () => {
    hanoiItem = await tp(ids.hanoi, ids.hanoiTask);
    // An item of Hồ Chí Minh City, returned by the reviewer: its reporter is told, Hà Nội's is not.
    await as(HCM);
    const r = await saveTasksAction(
      null,
      form({
        period: PERIOD,
        intent: "submit",
        [`task.${ids.hcmTask}.status`]: "IN_PROGRESS",
        [`task.${ids.hcmTask}.percent`]: "10",
        [`task.${ids.hcmTask}.achieved`]: "Khởi động",
        [`task.${ids.hcmTask}.version`]: 0,
        [`task.${ids.hcmTask}.select`]: "on",
      }),
    );
    expect(r.ok, JSON.stringify(r)).toBe(true);
    hcmItem = await one(
      `SELECT id, version FROM "TaskProgress" WHERE "agencyId" = $1 AND "taskId" = $2 AND year = $3 AND quarter = $4`,
      [ids.hcm, ids.hcmTask, YEAR, QUARTER],
    );
    await as(REVIEWER);
    expect(
      (
        await reviewAction(
          null,
          form({ decision: "RETURN", item: `task:${hcmItem.id}:${hcmItem.version}`, comment: "Thiếu số liệu." }),
        )
      ).ok,
    ).toBe(true);
  });

  it("tells the other agency's reporter nothing", async () => {
    expect(await notes(ids.hcmUser, hcmItem.id, "RETURNED")).toHaveLength(1);
    expect(await notes(ids.hanoiUser, hcmItem.id)).toEqual([]);
  });

  it("does not let a Hà Nội reporter read or comment on a Hồ Chí Minh City item", async () => {
    const hanoi = await as(HANOI);
    expect(await taskProgressDetail(hanoi, hcmItem.id)).toBeNull();
    expect(await itemThread(hanoi, { kind: "task", id: hcmItem.id, agencyId: ids.hcm })).toBeNull();
    const before = [await commentCount(), await noteCount()];
    const r = await addCommentAction(null, form({ kind: "task", id: hcmItem.id, body: "Xin chào" }));
    expect(r).toMatchObject({ ok: false, message: "Không tìm thấy mục báo cáo này." });
    // A forged agency in the form changes nothing: the agency comes from the item.
    const forged = await addCommentAction(
      null,
      form({ kind: "task", id: hcmItem.id, body: "Xin chào", agencyId: ids.hanoi, agency: "T-HA-NOI" }),
    );
    expect(forged.ok).toBe(false);
    expect([await commentCount(), await noteCount()]).toEqual(before);
  });

  it("does not let a Hà Nội reporter mention a Hồ Chí Minh City user, and keeps the text", async () => {
    await as(HANOI);
    const before = [await commentCount(), await noteCount()];
    const body = "Nhờ @reporter.hcm@cds.gov.vn và @reviewer@cds.gov.vn xem giúp.";
    const r = await addCommentAction(null, form({ kind: "task", id: hanoiItem.id, body }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.body?.[0]).toBe(
      "Không thể nhắc đến reporter.hcm@cds.gov.vn: chỉ nhắc được người của cơ quan này hoặc cán bộ thẩm định quốc gia.",
    );
    expect(r.values?.body).toBe(body);
    // An address nobody has, and a deactivated account, read the same.
    await c.query(`UPDATE "User" SET active = false WHERE id = $1`, [ids.mover]);
    const ghost = await addCommentAction(
      null,
      form({ kind: "task", id: hanoiItem.id, body: `@nobody-${stamp}@cds.gov.vn @${moverEmail}` }),
    );
    await c.query(`UPDATE "User" SET active = true WHERE id = $1`, [ids.mover]);
    expect(ghost.fieldErrors?.body?.[0]).toMatch(/^Không thể nhắc đến nobody-.*, mover-/);
    expect([await commentCount(), await noteCount()]).toEqual(before);
  });

  it("does not let anyone mark another user's notification read", async () => {
    const [theirs] = await notes(ids.hcmUser, hcmItem.id, "RETURNED");
    await as(HANOI);
    const r = await openNotificationAction(null, form({ id: theirs.id }));
    expect(r).toMatchObject({ ok: false, message: "Không tìm thấy thông báo này." });
    // Marking all read is about one's own only.
    expect((await markAllReadAction(null, form({ userId: ids.hcmUser }))).ok).toBe(true);
    expect((await notes(ids.hcmUser, hcmItem.id, "RETURNED"))[0].readAt).toBeNull();
    // Even the reviewer, who may read the item, cannot open someone else's notification.
    await as(REVIEWER);
    expect((await openNotificationAction(null, form({ id: theirs.id }))).ok).toBe(false);
    expect((await notes(ids.hcmUser, hcmItem.id, "RETURNED"))[0].readAt).toBeNull();
  });

  it("stops telling a follower who moved to another agency, and hides what they were told", async () => {
    const moverNotes = await q(`SELECT id FROM "Notification" WHERE "userId" = $1`, [ids.mover]);
    await c.query(`UPDATE "User" SET "agencyId" = $1 WHERE id = $2`, [ids.hcm, ids.mover]);
    try {
      await as(HANOI);
      expect((await addCommentAction(null, form({ kind: "task", id: hanoiItem.id, body: "Đã cập nhật." }))).ok).toBe(
        true,
      );
      expect(await q(`SELECT id FROM "Notification" WHERE "userId" = $1`, [ids.mover])).toEqual(moverNotes);
      // What they were told while in Hà Nội is no longer theirs to read.
      await c.query(
        `INSERT INTO "Notification" ("userId", kind, category, "itemKind", "itemId", "agencyId", params, href) VALUES ($1, 'COMMENT', 'comment', 'task', $2, $3, '{}', $4)`,
        [ids.mover, hanoiItem.id, ids.hanoi, `/reporting/tasks/${hanoiItem.id}`],
      );
      const mover = await as(moverEmail);
      const page = await notificationsPage(mover, 1);
      expect(page.rows.filter((r) => r.href === `/reporting/tasks/${hanoiItem.id}`)).toEqual([]);
      expect((await (await meGET()).json()).user.unread).toBe(0);
      // Nor can they mention or be mentioned there.
      await as(HANOI);
      const r = await addCommentAction(null, form({ kind: "task", id: hanoiItem.id, body: `@${moverEmail} ơi` }));
      expect(r.fieldErrors?.body).toHaveLength(1);
    } finally {
      await c.query(`UPDATE "User" SET "agencyId" = $1 WHERE id = $2`, [ids.hanoi, ids.mover]);
    }
  });
});

describe("the comment box", () => {
  it("refuses an empty or too long comment next to the field, keeping the text", async () => {
    await as(HANOI);
    const item = await tp(ids.hanoi, ids.hanoiTask);
    const before = await commentCount();
    for (const body of ["", "   \n ", "\u200b"]) {
      const r = await addCommentAction(null, form({ kind: "task", id: item.id, body }));
      expect(r.fieldErrors?.body).toEqual(["Vui lòng nhập nội dung bình luận."]);
    }
    const long = "ạ".repeat(2001);
    const r = await addCommentAction(null, form({ kind: "task", id: item.id, body: long }));
    expect(r.fieldErrors?.body).toEqual(["Bình luận tối đa 2.000 ký tự (hiện có 2.001)."]);
    expect(r.values?.body).toBe(long);
    expect(await commentCount()).toBe(before);
    // 2,000 characters, emoji counted as one each, is accepted.
    expect((await addCommentAction(null, form({ kind: "task", id: item.id, body: "👍".repeat(2000) }))).ok).toBe(true);
  });
});

describe("preferences", () => {
  it("starts from the defaults and saves each category for the signed-in user only", async () => {
    const viewer = await as(VIEWER);
    expect(await preferencesOf(viewer.id)).toEqual([
      { category: "review", email: true, cadence: "daily" },
      { category: "deadline", email: true, cadence: "instant" },
      { category: "comment", email: true, cadence: "daily" },
      { category: "queue", email: true, cadence: "daily" },
      { category: "assignment", email: true, cadence: "daily" },
    ]);
    const fields = {
      "review.email": "on",
      "review.cadence": "instant",
      "deadline.cadence": "daily",
      "comment.email": "on",
      "comment.cadence": "daily",
      "queue.cadence": "daily",
      "assignment.cadence": "instant",
      userId: ids.hcmUser,
    };
    expect((await savePreferencesAction(null, form(fields))).ok).toBe(true);
    expect(await preferencesOf(viewer.id)).toEqual([
      { category: "review", email: true, cadence: "instant" },
      { category: "deadline", email: false, cadence: "daily" },
      { category: "comment", email: true, cadence: "daily" },
      { category: "queue", email: false, cadence: "daily" },
      { category: "assignment", email: false, cadence: "instant" },
    ]);
    // A second save overwrites (upsert), and the other user named in the form got nothing.
    expect((await savePreferencesAction(null, form({ ...fields, "deadline.email": "on" }))).ok).toBe(true);
    expect((await preferencesOf(viewer.id))[1]).toEqual({ category: "deadline", email: true, cadence: "daily" });
    expect(await q(`SELECT * FROM "NotificationPreference" WHERE "userId" = $1`, [ids.hcmUser])).toEqual([]);
    const bad = await savePreferencesAction(null, form({ ...fields, "queue.cadence": "weekly" }));
    expect(bad.fieldErrors?.["queue.cadence"]).toEqual(["Chọn “Gửi ngay” hoặc “Gộp mỗi ngày”."]);
  });
});
