// Evidence files cannot fill the disk or leak: a quota per item and per agency, a draft's replaced
// file removed (a submitted one kept, so what a reviewer saw stays answerable), and files stored
// readable by the portal's own user only. Reports for Nghệ An with a reporter of its own.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { saveTasksAction, uploadEvidenceAction } from "@/modules/reporting/actions";
import { MAX_AGENCY_EVIDENCE_BYTES, MAX_FILES_PER_ITEM } from "@/modules/reporting/evidence";
import { env } from "@/server/env";
import { actAs } from "../support/session-mock";
import { form } from "../support/forms";
import { openQuarter } from "../support/periods";

const url = inject("databaseUrl");
let c: pg.Client;
const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
const REPORTER = "reporter.evidence-test@cds.gov.vn";
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const OPEN = openQuarter();
const PERIOD = OPEN.key;
let agency = 0;
let tasks: number[] = [];

beforeAll(async () => {
  c = new pg.Client({ connectionString: url });
  await c.connect();
  agency = (await one(`SELECT id FROM "Agency" WHERE code = 'T-NGHE-AN'`)).id;
  tasks = (
    await c.query(
      `SELECT "taskId" FROM "TaskAssignment" WHERE "agencyId" = $1 AND role = 'LEAD' ORDER BY "taskId" LIMIT 3`,
      [agency],
    )
  ).rows.map((r) => r.taskId);
  const hash = (await one(`SELECT "passwordHash" FROM "User" WHERE email = 'reviewer@cds.gov.vn'`)).passwordHash;
  await c.query(
    `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, 'Evidence test reporter', $2, 'REPORTER', $3) ON CONFLICT (email) DO NOTHING`,
    [REPORTER, hash, agency],
  );
  await actAs(REPORTER);
  for (const t of tasks) {
    const r = await saveTasksAction(
      null,
      form({
        period: PERIOD,
        [`task.${t}.status`]: "IN_PROGRESS",
        [`task.${t}.achieved`]: "Đang làm",
        [`task.${t}.version`]: "0",
      }),
    );
    expect(r.ok).toBe(true);
  }
});

afterAll(async () => {
  await c.end();
});

const progressOf = (taskId: number) =>
  one(
    `SELECT id, "evidenceFileId", version, state FROM "TaskProgress" WHERE "taskId" = $1 AND "agencyId" = $2 AND year = ${OPEN.year} AND quarter = ${OPEN.quarter}`,
    [taskId, agency],
  );

async function upload(taskId: number, name = "bien-ban.pdf") {
  const p = await progressOf(taskId);
  const fd = new FormData();
  fd.append("kind", "task");
  fd.append("id", String(p.id));
  fd.append("file", new File([new TextEncoder().encode(`%PDF-1.4 ${name} ${Math.random()}`)], name));
  return uploadEvidenceAction(null, fd);
}

describe("evidence storage", () => {
  it("stores files readable by the portal's user only", async () => {
    expect(await upload(tasks[0])).toMatchObject({ ok: true });
    const { evidenceFileId } = await progressOf(tasks[0]);
    const mode = statSync(path.join(env.uploadDir, evidenceFileId)).mode & 0o777;
    expect(mode.toString(8)).toBe("600");
  });

  it("removes a draft's replaced file, and keeps one a reviewer was sent", async () => {
    const first = (await progressOf(tasks[0])).evidenceFileId as string;
    expect(await upload(tasks[0], "ban-sua.pdf")).toMatchObject({ ok: true });
    expect(existsSync(path.join(env.uploadDir, first))).toBe(false);
    expect(await one(`SELECT count(*)::int AS n FROM "EvidenceFile" WHERE id = $1`, [first])).toEqual({ n: 0 });
    expect(
      (
        await one(
          `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'evidence.discard' AND before::text LIKE $1`,
          [`%${first}%`],
        )
      ).n,
    ).toBe(1);

    // Submitted with the file, returned, then replaced: the submitted file stays.
    const p = await progressOf(tasks[0]);
    const sent = p.evidenceFileId as string;
    const sub = await saveTasksAction(
      null,
      form({
        period: PERIOD,
        intent: "submit",
        [`task.${tasks[0]}.status`]: "IN_PROGRESS",
        [`task.${tasks[0]}.achieved`]: "Đang làm",
        [`task.${tasks[0]}.select`]: "on",
        [`task.${tasks[0]}.version`]: String(p.version),
      }),
    );
    expect(sub).toMatchObject({ ok: true });
    await c.query(`UPDATE "TaskProgress" SET state = 'RETURNED', version = version + 1 WHERE id = $1`, [p.id]);
    expect(await upload(tasks[0], "ban-moi.pdf")).toMatchObject({ ok: true });
    expect(existsSync(path.join(env.uploadDir, sent))).toBe(true);
  });

  it(`refuses an item's ${MAX_FILES_PER_ITEM + 1}th stored file`, async () => {
    // Files that reached a reviewer are kept; here each upload follows a submission so none is removed.
    for (let i = 0; i < MAX_FILES_PER_ITEM; i++) {
      const p = await progressOf(tasks[1]);
      if (p.evidenceFileId)
        await c.query(
          `INSERT INTO "TaskProgressRevision" ("taskProgressId", version, status, state, "evidenceFileId") VALUES ($1, $2, 'IN_PROGRESS', 'SUBMITTED', $3)`,
          [p.id, 1000 + i, p.evidenceFileId],
        );
      expect(await upload(tasks[1], `tep-${i}.pdf`)).toMatchObject({ ok: true });
    }
    const refused = await upload(tasks[1], "them.pdf");
    expect(refused).toMatchObject({ ok: false });
    expect(refused.fieldErrors?.file?.[0]).toMatch(/tối đa/);
  });

  it("refuses a file past the agency's quota", async () => {
    const filler = "00000000-0000-4000-8000-00000000a9e1";
    await c.query(
      `INSERT INTO "EvidenceFile" (id, "agencyId", "originalName", "mimeType", size, sha256, "uploadedById") VALUES ($1, $2, 'lon.pdf', 'application/pdf', $3, '', 1) ON CONFLICT DO NOTHING`,
      [filler, agency, MAX_AGENCY_EVIDENCE_BYTES - 10],
    );
    const refused = await upload(tasks[2]);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.fieldErrors?.file?.[0]).toMatch(/dung lượng/);
    await c.query(`DELETE FROM "EvidenceFile" WHERE id = $1`, [filler]);
    expect(await upload(tasks[2])).toMatchObject({ ok: true });
  });
});
