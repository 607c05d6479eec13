// Bulk work through the server actions, against the real database: "submit everything ready"
// (what counts as ready, one transaction, nothing the reporter did not see), the review queue's
// filters and previous approved value, and returning many items with a comment each. It reports
// for a province of its own (Cần Thơ) with a reporter and assignments it creates, so no other
// test file's data moves under it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { reviewAction, saveIndicatorsAction, saveTasksAction, submitReadyAction } from "@/modules/reporting/actions";
import { readyItems, reviewQueue } from "@/modules/reporting/queries";
import { currentUser } from "@/server/current-user";
import { actAs } from "../support/session-mock";
import { form as flatForm } from "../support/forms";
import { previousQuarter } from "@/lib/periods";
import { openQuarter } from "../support/periods";

/** Like a browser: a list becomes one entry per element (several "item" checkboxes). */
function form(fields: Record<string, string | string[] | undefined>): FormData {
  const fd = flatForm({});
  for (const [k, v] of Object.entries(fields))
    for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

const url = inject("databaseUrl");
let c: pg.Client;
const q = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows;
const one = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0];
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const OPEN = openQuarter();
const PERIOD = OPEN.key;
const PREV = previousQuarter(OPEN);
const REPORTER = "reporter.bulk-test@cds.gov.vn";
const REVIEWER = "reviewer@cds.gov.vn";
const ids = { agency: 0, other: 0, ind: [] as number[], tasks: [] as number[], otherTask: 0 };

beforeAll(async () => {
  c = new pg.Client({ connectionString: url });
  await c.connect();
  ids.agency = (await one(`SELECT id FROM "Agency" WHERE code = 'T-CAN-THO'`)).id;
  ids.other = (await one(`SELECT id FROM "Agency" WHERE code = 'T-HA-NOI'`)).id;
  ids.ind = (
    await q(
      `SELECT id FROM "Indicator" WHERE kind = 'PERCENT' AND "minValue" IS NOT DISTINCT FROM 0 ORDER BY code LIMIT 3`,
    )
  ).map((r) => r.id);
  for (const i of ids.ind)
    await c.query(
      `INSERT INTO "IndicatorAssignment" ("indicatorId", "agencyId") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [i, ids.agency],
    );
  ids.tasks = (
    await q(`SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' ORDER BY "taskId" LIMIT 2`, [
      ids.agency,
    ])
  ).map((r) => r.taskId);
  ids.otherTask = (
    await one(
      `SELECT "taskId" FROM "TaskAssignment" t WHERE role = 'LEAD' AND NOT EXISTS (SELECT 1 FROM "TaskAssignment" u WHERE u."taskId" = t."taskId" AND u."agencyId" = $1) LIMIT 1`,
      [ids.agency],
    )
  ).taskId;
  const hash = (await one(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [REVIEWER])).passwordHash;
  await c.query(
    `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Bulk test reporter', $2, 'REPORTER', $3) ON CONFLICT (email) DO NOTHING`,
    [REPORTER, hash, ids.agency],
  );
  // The quarter before, approved: what the explanation rule and the queue's "previous" compare with.
  for (const i of ids.ind) {
    await c.query(
      `INSERT INTO "Observation" ("indicatorId", "agencyId", year, quarter, value, "approvedValue", state, "approvedAt", "updatedAt") VALUES ($1, $2, ${PREV.year}, ${PREV.quarter}, 50, 50, 'APPROVED', now(), now()) ON CONFLICT DO NOTHING`,
      [i, ids.agency],
    );
  }
});

afterAll(async () => {
  await c.end();
});

const ind = (n: number, f: string) => `ind.${ids.ind[n]}.${f}`;
const task = (n: number, f: string) => `task.${ids.tasks[n]}.${f}`;
const state = async (table: "Observation" | "TaskProgress", col: string, id: number) =>
  (await one(
    `SELECT state, version FROM "${table}" WHERE "agencyId" = $1 AND year = ${OPEN.year} AND quarter = ${OPEN.quarter} AND "${col}" = $2`,
    [ids.agency, id],
  )) as { state: string; version: number } | undefined;

describe("submit everything ready", () => {
  it("lists only complete drafts, then submits exactly the listed items in one action", async () => {
    await actAs(REPORTER);
    // 0: ready (small change); 1: large change without explanation (not ready); 2: ready after explaining.
    const saved = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        [ind(0, "value")]: "55",
        [ind(0, "version")]: "0",
        [ind(1, "value")]: "95",
        [ind(1, "version")]: "0",
        [ind(2, "value")]: "90",
        [ind(2, "explanation")]: "Mở rộng triển khai toàn thành phố",
        [ind(2, "version")]: "0",
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    // A started task without results is not ready; a not-started one is.
    const tsaved = await saveTasksAction(
      null,
      form({
        period: PERIOD,
        [task(0, "status")]: "IN_PROGRESS",
        [task(0, "percent")]: "20",
        [task(0, "version")]: "0",
        [task(1, "status")]: "NOT_STARTED",
        [task(1, "nextSteps")]: "Xây dựng kế hoạch",
        [task(1, "version")]: "0",
      }),
    );
    expect(tsaved).toMatchObject({ ok: true });

    const user = (await currentUser())!;
    const r = await readyItems(user, ids.agency, OPEN.year, OPEN.quarter);
    expect(r.ready.map((i) => `${i.kind}:${i.id}`).sort()).toEqual(
      [`ind:${ids.ind[0]}`, `ind:${ids.ind[2]}`, `task:${ids.tasks[1]}`].sort(),
    );
    expect(r.notReady).toBe(2);

    // A version the reporter did not see refuses everything.
    const items = r.ready.map((i) => `${i.kind}:${i.id}:${i.version}`);
    const stale = await submitReadyAction(
      null,
      form({
        period: PERIOD,
        item: [...items.slice(1), `${r.ready[0].kind}:${r.ready[0].id}:${r.ready[0].version + 1}`],
      }),
    );
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/đã thay đổi/) });
    expect((await state("Observation", "indicatorId", ids.ind[0]))!.state).toBe("DRAFT");

    // Another agency's task among them: refused, nothing submitted.
    const forged = await submitReadyAction(null, form({ period: PERIOD, item: [...items, `task:${ids.otherTask}:1`] }));
    expect(forged).toMatchObject({ ok: false });
    expect((await state("Observation", "indicatorId", ids.ind[2]))!.state).toBe("DRAFT");

    const done = await submitReadyAction(null, form({ period: PERIOD, item: items }));
    expect(done).toMatchObject({ ok: true, message: "Đã nộp 3 mục." });
    expect((await state("Observation", "indicatorId", ids.ind[0]))!.state).toBe("SUBMITTED");
    expect((await state("Observation", "indicatorId", ids.ind[2]))!.state).toBe("SUBMITTED");
    expect((await state("Observation", "indicatorId", ids.ind[1]))!.state).toBe("DRAFT");
    expect((await state("TaskProgress", "taskId", ids.tasks[1]))!.state).toBe("SUBMITTED");
    expect((await state("TaskProgress", "taskId", ids.tasks[0]))!.state).toBe("DRAFT");
    // Each submission is a revision and an audit row, like a form submission.
    const obs0 = await one(
      `SELECT id FROM "Observation" WHERE "agencyId" = $1 AND year = ${OPEN.year} AND quarter = ${OPEN.quarter} AND "indicatorId" = $2`,
      [ids.agency, ids.ind[0]],
    );
    expect(
      (await q(`SELECT state FROM "ObservationRevision" WHERE "observationId" = $1 ORDER BY version`, [obs0.id])).map(
        (x) => x.state,
      ),
    ).toEqual(["DRAFT", "SUBMITTED"]);
    expect(
      (
        await q(`SELECT action FROM "AuditLog" WHERE "entityType" = 'Observation' AND "entityId" = $1 ORDER BY id`, [
          String(obs0.id),
        ])
      ).map((x) => x.action),
    ).toEqual(["observation.save", "observation.submit"]);

    const after = await readyItems(user, ids.agency, OPEN.year, OPEN.quarter);
    expect(after.ready).toEqual([]);
  });

  it("is refused to a reviewer and a signed-out visitor", async () => {
    await actAs(REVIEWER);
    expect(await submitReadyAction(null, form({ period: PERIOD, item: `ind:${ids.ind[1]}:1` }))).toMatchObject({
      ok: false,
    });
    await actAs(null);
    expect(await submitReadyAction(null, form({ period: PERIOD, item: `ind:${ids.ind[1]}:1` }))).toMatchObject({
      ok: false,
    });
    expect((await state("Observation", "indicatorId", ids.ind[1]))!.state).toBe("DRAFT");
  });
});

describe("the review queue", () => {
  it("filters by agency, quarter, kind and indicator, and shows the value approved before", async () => {
    const all = await reviewQueue({ agencyId: ids.agency, skip: 0, take: 100 });
    expect(all.obsTotal).toBe(2);
    expect(all.taskTotal).toBe(1);
    for (const o of all.observations) {
      expect(o.agencyId).toBe(ids.agency);
      expect(o.previousApproved).toBe(50);
      expect(o.previousPeriod).toEqual({ year: PREV.year, quarter: PREV.quarter });
    }
    expect((await reviewQueue({ agencyId: ids.agency, kind: "task", skip: 0, take: 100 })).obsTotal).toBe(0);
    expect((await reviewQueue({ agencyId: ids.agency, kind: "obs", skip: 0, take: 100 })).taskTotal).toBe(0);
    const byIndicator = await reviewQueue({ agencyId: ids.agency, indicatorId: ids.ind[2], skip: 0, take: 100 });
    expect(byIndicator.observations.map((o) => o.indicatorId)).toEqual([ids.ind[2]]);
    expect(byIndicator.taskTotal).toBe(0);
    expect(
      (await reviewQueue({ agencyId: ids.agency, year: PREV.year, quarter: PREV.quarter, skip: 0, take: 100 }))
        .obsTotal,
    ).toBe(0);
  });

  it("returns several items with a comment each, or refuses when one has none", async () => {
    const queue = await reviewQueue({ agencyId: ids.agency, skip: 0, take: 100 });
    const [a, b] = queue.observations;
    const t = queue.tasks[0];
    await actAs(REVIEWER);
    const refused = await reviewAction(
      null,
      form({
        decision: "RETURN",
        item: [`obs:${a.id}:${a.version}`, `obs:${b.id}:${b.version}`],
        [`comment.obs.${a.id}`]: "Thiếu nguồn số liệu",
        [`comment.obs.${b.id}`]: "\u200b ",
      }),
    );
    expect(refused).toMatchObject({ ok: false });
    expect(refused.fieldErrors?.[`comment.obs.${b.id}`]).toBeDefined();
    expect(refused.fieldErrors?.[`comment.obs.${a.id}`]).toBeUndefined();
    expect((await one(`SELECT state FROM "Observation" WHERE id = $1`, [a.id])).state).toBe("SUBMITTED");

    const ok = await reviewAction(
      null,
      form({
        decision: "RETURN",
        item: [`obs:${a.id}:${a.version}`, `obs:${b.id}:${b.version}`],
        [`comment.obs.${a.id}`]: "Thiếu nguồn số liệu",
        comment: "Đề nghị kiểm tra lại",
      }),
    );
    expect(ok).toMatchObject({ ok: true, message: "Đã trả lại 2 mục." });
    expect((await one(`SELECT "reviewComment" FROM "Observation" WHERE id = $1`, [a.id])).reviewComment).toBe(
      "Thiếu nguồn số liệu",
    );
    expect((await one(`SELECT "reviewComment" FROM "Observation" WHERE id = $1`, [b.id])).reviewComment).toBe(
      "Đề nghị kiểm tra lại",
    );

    const approved = await reviewAction(null, form({ decision: "APPROVE", item: `task:${t.id}:${t.version}` }));
    expect(approved).toMatchObject({ ok: true, message: "Đã duyệt 1 mục." });
  });

  it("a returned item is ready again only after the reporter saves it", async () => {
    await actAs(REPORTER);
    const user = (await currentUser())!;
    expect((await readyItems(user, ids.agency, OPEN.year, OPEN.quarter)).ready.filter((i) => i.kind === "ind")).toEqual(
      [],
    );
    const o = (await state("Observation", "indicatorId", ids.ind[0]))!;
    expect(o.state).toBe("RETURNED");
    const saved = await saveIndicatorsAction(
      null,
      form({
        period: PERIOD,
        [ind(0, "value")]: "56",
        [ind(0, "source")]: "Sở KH&CN",
        [ind(0, "version")]: String(o.version),
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    expect((await readyItems(user, ids.agency, OPEN.year, OPEN.quarter)).ready.map((i) => i.id)).toContain(ids.ind[0]);
  });
});
