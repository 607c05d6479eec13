// The administration screens' server actions, called as a browser's form would call them, against
// the real database: who may do what, what is written (and what is not), and the audit trail.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("@/server/session", () => import("../support/session-mock"));

import { actAs, setClaims } from "../support/session-mock";
import {
  addAssignmentAction,
  createUserAction,
  removeAssignmentAction,
  resetPasswordAction,
  setUserActiveAction,
  updatePeriodAction,
  updateUserAction,
} from "@/modules/admin/actions";
import {
  addAssignment,
  createUser,
  removeAssignment,
  resetPassword,
  setUserActive,
  updatePeriod,
  updateUser,
} from "@/modules/admin/mutations";
import { listAudit, listUsers } from "@/modules/admin/queries";
import AdminAssignmentsRoute from "@/app/[lang]/admin/assignments/page";
import AdminUsersRoute from "@/app/[lang]/admin/users/page";
import { auditQuery } from "@/modules/admin/schemas";
import { adminVi } from "@/messages/admin";
import { checkCredentials } from "@/server/auth";
import { currentUser, type SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { ForbiddenError } from "@/server/errors";
import { verifyPassword } from "@/server/password";

const S = adminVi.server;
const FORBIDDEN = "Bạn không có quyền thực hiện thao tác này.";
const SIGN_IN = "Vui lòng đăng nhập để tiếp tục.";
const ADMIN = "admin@cds.gov.vn";
const REVIEWER = "reviewer@cds.gov.vn";
const REPORTER = "reporter.hanoi@cds.gov.vn";
const VIEWER = "viewer.hanoi@cds.gov.vn";
const GOOD_PASSWORD = "Matkhau2026an";
const stamp = `${Date.now()}${process.pid}`;
const email = (tag: string) => `test-admin-${stamp}-${tag}@example.vn`;

/** FormData as a browser builds it: strings only, unchecked boxes absent. */
function form(fields: Record<string, string | number | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, String(v));
  return fd;
}

/** An audit row as text (its id is a BigInt), to prove a secret is nowhere in it. */
const text = (row: unknown) => JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));

async function agencyId(code: string): Promise<number> {
  return (await db.agency.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

async function userRow(id: number) {
  return db.user.findUniqueOrThrow({ where: { id } });
}

async function signedIn(who: string): Promise<SessionUser> {
  await actAs(who);
  const u = await currentUser();
  if (!u) throw new Error(`cannot act as ${who}`);
  return u;
}

/** Creates a user through the action, as an admin; returns its id. */
async function createAs(tag: string, agency = "T-HA-NOI", role = "REPORTER"): Promise<{ id: number; email: string }> {
  await actAs(ADMIN);
  const e = email(tag);
  const r = await createUserAction(
    null,
    form({ email: e, name: `Người thử ${tag}`, role, agencyId: await agencyId(agency), password: GOOD_PASSWORD }),
  );
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return { id: (r.data as { id: number }).id, email: e };
}

let hanoi: number;
let hcm: number;
let formerMinistry: number;
beforeAll(async () => {
  hanoi = await agencyId("T-HA-NOI");
  hcm = await agencyId("T-HO-CHI-MINH");
  formerMinistry = await agencyId("BTTTT"); // merged into BKHCN in 2025: not current
});

describe("user accounts", () => {
  it("lets an admin create a user: email normalised, password hashed, an audit row without secrets", async () => {
    const before = await db.auditLog.count();
    await actAs(ADMIN);
    const e = email("create");
    const r = await createUserAction(
      null,
      form({
        email: `  ${e.toUpperCase()} `,
        name: " Nguyễn Văn Thử ",
        role: "REPORTER",
        agencyId: hanoi,
        password: GOOD_PASSWORD,
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.message).toBe(S.userCreated);
    const id = (r.data as { id: number }).id;

    const u = await userRow(id);
    expect(u).toMatchObject({
      email: e,
      name: "Nguyễn Văn Thử",
      role: "REPORTER",
      agencyId: hanoi,
      active: true,
      sessionVersion: 0,
    });
    expect(u.passwordHash).toMatch(/^scrypt\$/);
    expect(u.passwordHash).not.toContain(GOOD_PASSWORD);
    expect(await verifyPassword(GOOD_PASSWORD, u.passwordHash)).toBe(true);
    expect(await checkCredentials({ email: e, password: GOOD_PASSWORD })).toMatchObject({ id: String(id), email: e });

    const rows = await db.auditLog.findMany({ where: { entityType: "User", entityId: String(id) } });
    expect(await db.auditLog.count()).toBe(before + 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "user.create", actorEmail: ADMIN, agencyId: hanoi });
    expect(rows[0].after).toMatchObject({ email: e, role: "REPORTER", agency: "T-HA-NOI", active: true });
    expect(text(rows[0])).not.toContain(GOOD_PASSWORD);
    expect(text(rows[0])).not.toContain("scrypt");
  });

  it("refuses a duplicate email (any case) with a message next to the email field, keeping what was typed but not the password", async () => {
    const { email: e } = await createAs("dup");
    const before = await db.auditLog.count();
    const r = await createUserAction(
      null,
      form({ email: e.toUpperCase(), name: "Bản sao", role: "VIEWER", agencyId: hcm, password: GOOD_PASSWORD }),
    );
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.email).toEqual([S.emailTaken]);
    expect(S.emailTaken).toMatch(/đã được dùng/);
    expect(r.values).toMatchObject({ email: e.toUpperCase(), name: "Bản sao", role: "VIEWER" });
    expect(r.values?.password).toBeUndefined();
    expect(await db.user.count({ where: { email: e } })).toBe(1);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("refuses weak passwords, bad emails and agencies that no longer exist, writing nothing", async () => {
    await actAs(ADMIN);
    const before = { users: await db.user.count(), audit: await db.auditLog.count() };
    const short = await createUserAction(
      null,
      form({ email: email("weak1"), name: "Yếu", role: "VIEWER", agencyId: hanoi, password: "abc123" }),
    );
    expect(short.ok).toBe(false);
    expect(short.fieldErrors?.password).toContain("Mật khẩu phải có ít nhất 10 ký tự.");

    const lettersOnly = await createUserAction(
      null,
      form({ email: email("weak2"), name: "Yếu", role: "VIEWER", agencyId: hanoi, password: "chicochuthoi" }),
    );
    expect(lettersOnly.fieldErrors?.password).toEqual(["Mật khẩu phải có cả chữ và số."]);

    const badEmail = await createUserAction(
      null,
      form({ email: "khong-phai-email", name: "", role: "KING", agencyId: "", password: GOOD_PASSWORD }),
    );
    expect(badEmail.ok).toBe(false);
    expect(badEmail.fieldErrors).toMatchObject({
      email: [S.emailInvalid],
      name: [S.nameRequired],
      role: [S.roleInvalid],
      agencyId: [S.agencyRequired],
    });

    const merged = await createUserAction(
      null,
      form({
        email: email("merged"),
        name: "Cơ quan cũ",
        role: "REPORTER",
        agencyId: formerMinistry,
        password: GOOD_PASSWORD,
      }),
    );
    expect(merged.ok).toBe(false);
    expect(merged.fieldErrors?.agencyId).toEqual([S.agencyNotCurrent]);

    expect(await db.user.count()).toBe(before.users);
    expect(await db.auditLog.count()).toBe(before.audit);
  });

  it("refuses reporters, reviewers, viewers and anonymous visitors every user action, and nothing changes", async () => {
    const target = await createAs("victim");
    const snapshot = await userRow(target.id);
    const auditBefore = await db.auditLog.count();
    const usersBefore = await db.user.count();
    for (const who of [REPORTER, REVIEWER, VIEWER, null]) {
      await actAs(who);
      const expected = who ? FORBIDDEN : SIGN_IN;
      const results = [
        await createUserAction(
          null,
          form({
            email: email(`intruder-${who ?? "anon"}`),
            name: "X",
            role: "ADMIN",
            agencyId: hanoi,
            password: GOOD_PASSWORD,
          }),
        ),
        await updateUserAction(null, form({ id: target.id, name: "Đổi tên trái phép", role: "ADMIN", agencyId: hcm })),
        await resetPasswordAction(null, form({ id: target.id, password: "Trai-phep-2026" })),
        await setUserActiveAction(null, form({ id: target.id, active: "false", confirm: "on" })),
      ];
      for (const r of results)
        expect(r, `${who}: ${JSON.stringify(r)}`).toMatchObject({ ok: false, message: expected });
    }
    expect(await userRow(target.id)).toEqual(snapshot);
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.user.count({ where: { email: { startsWith: `test-admin-${stamp}-intruder` } } })).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("checks the permission inside every mutation too, not only in the action wrapper", async () => {
    const target = await createAs("direct");
    const snapshot = await userRow(target.id);
    const auditBefore = await db.auditLog.count();
    const reporter = await signedIn(REPORTER);
    const reviewer = await signedIn(REVIEWER);
    const period = await db.reportingPeriod.findFirstOrThrow({ select: { id: true } });
    const attempts = [
      () =>
        createUser(reviewer, {
          email: email("direct-2"),
          name: "X",
          role: "ADMIN",
          agencyId: hanoi,
          password: GOOD_PASSWORD,
        }),
      () => updateUser(reviewer, { id: target.id, name: "X", role: "ADMIN", agencyId: hanoi }),
      () => resetPassword(reviewer, { id: target.id, password: GOOD_PASSWORD, reason: "" }),
      () => setUserActive(reviewer, { id: target.id, active: false, reason: "" }),
      () =>
        updatePeriod(reviewer, { id: period.id, opensAt: "2020-01-01", dueAt: "2020-02-01", locksAt: "2020-03-01" }),
      () => addAssignment(reporter, { indicatorId: 1, agencyId: hanoi, national: false }),
      () => removeAssignment(reporter, { id: 1, reason: "" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
    expect(await userRow(target.id)).toEqual(snapshot);
    expect(await db.user.count({ where: { email: email("direct-2") } })).toBe(0);
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it("edits name, role and agency with a before/after audit row; saving unchanged values writes nothing", async () => {
    const target = await createAs("edit");
    await actAs(ADMIN);
    const r = await updateUserAction(null, form({ id: target.id, name: "Tên mới", role: "VIEWER", agencyId: hcm }));
    expect(r).toMatchObject({ ok: true, message: S.userUpdated });
    expect(await userRow(target.id)).toMatchObject({ name: "Tên mới", role: "VIEWER", agencyId: hcm });
    const row = await db.auditLog.findFirstOrThrow({
      where: { entityType: "User", entityId: String(target.id), action: "user.update" },
    });
    expect(row.before).toEqual({ name: `Người thử edit`, role: "REPORTER", agency: "T-HA-NOI" });
    expect(row.after).toEqual({ name: "Tên mới", role: "VIEWER", agency: "T-HO-CHI-MINH" });

    const auditBefore = await db.auditLog.count();
    const same = await updateUserAction(null, form({ id: target.id, name: "Tên mới", role: "VIEWER", agencyId: hcm }));
    expect(same).toMatchObject({ ok: true, message: S.nothingChanged });
    expect(await db.auditLog.count()).toBe(auditBefore);

    const merged = await updateUserAction(
      null,
      form({ id: target.id, name: "Tên mới", role: "VIEWER", agencyId: formerMinistry }),
    );
    expect(merged.fieldErrors?.agencyId).toEqual([S.agencyNotCurrent]);
    expect((await userRow(target.id)).agencyId).toBe(hcm);
  });

  it("does not let an admin change their own role", async () => {
    const admin = await signedIn(ADMIN);
    const r = await updateUserAction(
      null,
      form({ id: admin.id, name: admin.name, role: "VIEWER", agencyId: admin.agencyId }),
    );
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.role).toEqual([S.selfRole]);
    expect((await userRow(admin.id)).role).toBe("ADMIN");
  });

  it("resets a password: the new one works, the session version is bumped and the old session is refused", async () => {
    const target = await createAs("reset");
    await actAs(target.email);
    const me = await currentUser();
    expect(me?.email).toBe(target.email);
    const oldSv = (await userRow(target.id)).sessionVersion;

    await actAs(ADMIN);
    const weak = await resetPasswordAction(null, form({ id: target.id, password: "12345678901" }));
    expect(weak.fieldErrors?.password).toEqual(["Mật khẩu phải có cả chữ và số."]);
    expect(weak.values?.password).toBeUndefined();
    expect((await userRow(target.id)).sessionVersion).toBe(oldSv);

    const newPassword = "DoiMatKhau2027";
    const r = await resetPasswordAction(
      null,
      form({ id: target.id, password: newPassword, reason: "Người dùng quên mật khẩu" }),
    );
    expect(r).toMatchObject({ ok: true, message: S.passwordReset });
    const after = await userRow(target.id);
    expect(after.sessionVersion).toBe(oldSv + 1);
    expect(await verifyPassword(newPassword, after.passwordHash)).toBe(true);
    expect(await verifyPassword(GOOD_PASSWORD, after.passwordHash)).toBe(false);

    setClaims({ uid: target.id, sv: oldSv });
    expect(await currentUser()).toBeNull();
    setClaims({ uid: target.id, sv: oldSv + 1 });
    expect((await currentUser())?.id).toBe(target.id);

    const row = await db.auditLog.findFirstOrThrow({
      where: { entityType: "User", entityId: String(target.id), action: "user.resetPassword" },
    });
    expect(row).toMatchObject({
      actorEmail: ADMIN,
      reason: "Người dùng quên mật khẩu",
      before: { sessionVersion: oldSv },
      after: { sessionVersion: oldSv + 1 },
    });
    expect(text(row)).not.toContain(newPassword);
    expect(text(row)).not.toContain(after.passwordHash);
  });

  it("deactivates only after confirmation, signs the user out, refuses self-deactivation, and reactivates", async () => {
    const target = await createAs("deactivate");
    const sv = (await userRow(target.id)).sessionVersion;
    await actAs(ADMIN);

    const unconfirmed = await setUserActiveAction(null, form({ id: target.id, active: "false" }));
    expect(unconfirmed.ok).toBe(false);
    expect(unconfirmed.fieldErrors?.confirm).toEqual([S.confirmDeactivate]);
    expect((await userRow(target.id)).active).toBe(true);

    const r = await setUserActiveAction(
      null,
      form({ id: target.id, active: "false", confirm: "on", reason: "Chuyển công tác" }),
    );
    expect(r).toMatchObject({ ok: true, message: S.userDeactivated });
    const off = await userRow(target.id);
    expect(off.active).toBe(false);
    expect(off.sessionVersion).toBe(sv + 1);
    setClaims({ uid: target.id, sv: off.sessionVersion });
    expect(await currentUser()).toBeNull();
    expect(await checkCredentials({ email: target.email, password: GOOD_PASSWORD })).toBeNull();

    const admin = await signedIn(ADMIN);
    const self = await setUserActiveAction(null, form({ id: admin.id, active: "false", confirm: "on" }));
    expect(self).toMatchObject({ ok: false, message: S.selfDeactivate });
    expect((await userRow(admin.id)).active).toBe(true);

    const back = await setUserActiveAction(null, form({ id: target.id, active: "true" }));
    expect(back).toMatchObject({ ok: true, message: S.userReactivated });
    expect((await userRow(target.id)).active).toBe(true);
    // Sessions from before the deactivation stay dead after reactivation.
    setClaims({ uid: target.id, sv });
    expect(await currentUser()).toBeNull();

    const actions = (
      await db.auditLog.findMany({ where: { entityType: "User", entityId: String(target.id) }, orderBy: { id: "asc" } })
    ).map((a) => [a.action, a.reason]);
    expect(actions).toEqual([
      ["user.create", null],
      ["user.deactivate", "Chuyển công tác"],
      ["user.reactivate", null],
    ]);
  });

  it("lists users 25 per page with search, never exposing the password hash", async () => {
    await createAs("list");
    const admin = await signedIn(ADMIN);
    const all = await listUsers(admin, { page: 1 });
    expect(all.items.length).toBeLessThanOrEqual(25);
    expect(all.total).toBeGreaterThanOrEqual(6);
    for (const u of all.items) expect(Object.keys(u)).not.toContain("passwordHash");

    const found = await listUsers(admin, { q: `TEST-ADMIN-${stamp}-LIST`, page: 1 });
    expect(found.items.map((u) => u.email)).toEqual([email("list")]);
    const byName = await listUsers(admin, { q: "báo cáo hà nội", page: 1 });
    expect(byName.items.map((u) => u.email)).toContain(REPORTER);

    await expect(listUsers(await signedIn(REVIEWER), { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("reporting periods", () => {
  let period: { id: number; opensAt: Date; dueAt: Date; locksAt: Date };
  beforeAll(async () => {
    period = await db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2020, quarter: 1 } } });
  });
  afterAll(async () => {
    // Put the seeded dates back for the other test files.
    await db.reportingPeriod.update({
      where: { id: period.id },
      data: { opensAt: period.opensAt, dueAt: period.dueAt, locksAt: period.locksAt },
    });
  });

  const day = (d: Date) => d.toISOString().slice(0, 10);

  it("refuses reporters and reviewers", async () => {
    for (const who of [REPORTER, REVIEWER]) {
      await actAs(who);
      const r = await updatePeriodAction(
        null,
        form({ id: period.id, opensAt: "2020-04-01", dueAt: "2020-05-01", locksAt: "2020-06-01" }),
      );
      expect(r).toMatchObject({ ok: false, message: FORBIDDEN });
    }
    expect(await db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } })).toEqual(period);
  });

  it("requires opens < due ≤ locks, with the message next to the offending date", async () => {
    await actAs(ADMIN);
    const dueBeforeOpen = await updatePeriodAction(
      null,
      form({ id: period.id, opensAt: "2020-04-10", dueAt: "2020-04-10", locksAt: "2020-08-01" }),
    );
    expect(dueBeforeOpen.ok).toBe(false);
    expect(dueBeforeOpen.fieldErrors).toEqual({ dueAt: [S.dueAfterOpens] });
    expect(dueBeforeOpen.values).toMatchObject({ opensAt: "2020-04-10", dueAt: "2020-04-10" });

    const lockBeforeDue = await updatePeriodAction(
      null,
      form({ id: period.id, opensAt: "2020-04-01", dueAt: "2020-06-01", locksAt: "2020-05-31" }),
    );
    expect(lockBeforeDue.fieldErrors).toEqual({ locksAt: [S.locksAfterDue] });

    const notADay = await updatePeriodAction(
      null,
      form({ id: period.id, opensAt: "2020-02-30", dueAt: "2020-06-01", locksAt: "2020-07-01" }),
    );
    expect(notADay.fieldErrors).toEqual({ opensAt: [S.dateInvalid] });

    expect(await db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } })).toEqual(period);
  });

  it("saves valid dates (due = lock is allowed), keeps unchanged ones exactly, and logs the change", async () => {
    await actAs(ADMIN);
    const r = await updatePeriodAction(
      null,
      form({ id: period.id, opensAt: day(period.opensAt), dueAt: "2020-06-15", locksAt: "2020-06-15" }),
    );
    expect(r).toMatchObject({ ok: true, message: S.periodUpdated });
    const saved = await db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(saved.opensAt.getTime()).toBe(period.opensAt.getTime());
    expect(saved.dueAt.toISOString()).toBe("2020-06-15T00:00:00.000Z");
    expect(saved.locksAt.toISOString()).toBe("2020-06-15T00:00:00.000Z");
    const row = await db.auditLog.findFirstOrThrow({
      where: { entityType: "ReportingPeriod", entityId: String(period.id), action: "period.update" },
      orderBy: { id: "desc" },
    });
    expect(row.actorEmail).toBe(ADMIN);
    expect(row.before).toEqual({
      period: "2020-Q1",
      dueAt: period.dueAt.toISOString(),
      locksAt: period.locksAt.toISOString(),
    });
    expect(row.after).toEqual({
      period: "2020-Q1",
      dueAt: "2020-06-15T00:00:00.000Z",
      locksAt: "2020-06-15T00:00:00.000Z",
    });
  });
});

describe("indicator assignments", () => {
  let indicator: { id: number; code: string };
  let free: { id: number; code: string }[];
  const created: number[] = [];

  beforeAll(async () => {
    // An indicator with no national reporter yet, and current provinces not assigned to it.
    indicator = await db.indicator.findFirstOrThrow({
      where: { assignments: { none: {} } },
      orderBy: { code: "asc" },
      select: { id: true, code: true },
    });
    free = await db.agency.findMany({
      where: { kind: "PROVINCE", validTo: null, indicatorAssignments: { none: { indicatorId: indicator.id } } },
      orderBy: { code: "asc" },
      take: 2,
      select: { id: true, code: true },
    });
    expect(free).toHaveLength(2);
  });
  afterAll(async () => {
    await db.indicatorAssignment.deleteMany({ where: { id: { in: created } } });
  });

  it("refuses reporters and viewers, writing nothing", async () => {
    const before = await db.indicatorAssignment.count();
    for (const who of [REPORTER, VIEWER, null]) {
      await actAs(who);
      const r = await addAssignmentAction(
        null,
        form({ indicatorId: indicator.id, agencyId: free[0].id, national: "on" }),
      );
      expect(r.ok).toBe(false);
    }
    expect(await db.indicatorAssignment.count()).toBe(before);
  });

  it("lets a reviewer assign, refuses duplicates, a second national reporter and former agencies; removes only after confirmation", async () => {
    await actAs(REVIEWER);
    const r = await addAssignmentAction(
      null,
      form({ indicatorId: indicator.id, agencyId: free[0].id, national: "on" }),
    );
    expect(r).toMatchObject({ ok: true, message: S.assignmentAdded });
    const a = await db.indicatorAssignment.findUniqueOrThrow({
      where: { indicatorId_agencyId: { indicatorId: indicator.id, agencyId: free[0].id } },
    });
    created.push(a.id);
    expect(a.national).toBe(true);

    const dup = await addAssignmentAction(null, form({ indicatorId: indicator.id, agencyId: free[0].id }));
    expect(dup.fieldErrors?.agencyId).toEqual([S.alreadyAssigned]);

    const secondNational = await addAssignmentAction(
      null,
      form({ indicatorId: indicator.id, agencyId: free[1].id, national: "on" }),
    );
    expect(secondNational.fieldErrors?.national).toEqual([S.nationalTaken]);
    expect(secondNational.values?.national).toBe("on");

    const former = await addAssignmentAction(null, form({ indicatorId: indicator.id, agencyId: formerMinistry }));
    expect(former.fieldErrors?.agencyId).toEqual([S.agencyNotCurrent]);
    expect(await db.indicatorAssignment.count({ where: { indicatorId: indicator.id } })).toBe(1);

    const plain = await addAssignmentAction(null, form({ indicatorId: indicator.id, agencyId: free[1].id }));
    expect(plain.ok).toBe(true);
    const b = await db.indicatorAssignment.findUniqueOrThrow({
      where: { indicatorId_agencyId: { indicatorId: indicator.id, agencyId: free[1].id } },
    });
    created.push(b.id);
    expect(b.national).toBe(false);

    const unconfirmed = await removeAssignmentAction(null, form({ id: a.id }));
    expect(unconfirmed.fieldErrors?.confirm).toEqual([S.confirmRemove]);
    await actAs(REPORTER);
    const intruder = await removeAssignmentAction(null, form({ id: a.id, confirm: "yes" }));
    expect(intruder).toMatchObject({ ok: false, message: FORBIDDEN });
    expect(await db.indicatorAssignment.count({ where: { id: a.id } })).toBe(1);

    await actAs(ADMIN);
    for (const id of [a.id, b.id]) {
      const removed = await removeAssignmentAction(null, form({ id, confirm: "yes", reason: "Giao nhầm" }));
      expect(removed).toMatchObject({ ok: true, message: S.assignmentRemoved });
    }
    expect(await db.indicatorAssignment.count({ where: { indicatorId: indicator.id } })).toBe(0);
    const again = await removeAssignmentAction(null, form({ id: a.id, confirm: "yes" }));
    expect(again).toMatchObject({ ok: false, message: S.assignmentNotFound });

    const log = await db.auditLog.findMany({
      where: { entityType: "IndicatorAssignment", entityId: String(a.id) },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => [l.action, l.actorEmail, l.agencyId])).toEqual([
      ["indicatorAssignment.create", REVIEWER, free[0].id],
      ["indicatorAssignment.delete", ADMIN, free[0].id],
    ]);
    expect(log[0].after).toEqual({ indicator: indicator.code, agency: free[0].code, national: true });
    expect(log[1].before).toEqual({ indicator: indicator.code, agency: free[0].code, national: true });
    expect(log[1].reason).toBe("Giao nhầm");
  });
});

describe("audit log viewer", () => {
  let target: { id: number; email: string };
  const vnDay = (offsetDays: number) =>
    new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const q = (raw: Record<string, string>) => auditQuery.parse(raw);

  beforeAll(async () => {
    target = await createAs("audit", "T-HO-CHI-MINH", "VIEWER");
    await actAs(ADMIN);
    const r = await resetPasswordAction(null, form({ id: target.id, password: "KiemTraNhatKy9" }));
    expect(r.ok).toBe(true);
  });

  it("filters by item (type + id), newest first", async () => {
    const admin = await signedIn(ADMIN);
    const r = await listAudit(admin, q({ type: "User", id: String(target.id) }));
    expect(r.items.map((i) => i.action)).toEqual(["user.resetPassword", "user.create"]);
    expect(r.items.every((i) => i.entityType === "User" && i.entityId === String(target.id))).toBe(true);
    expect(r.items[0].agencyCode).toBe("T-HO-CHI-MINH");
    expect(r.items[0].before).toBe('{"sessionVersion":0}');
    expect(r.items[1].before).toBe("—");
  });

  it("filters by actor email and by agency code", async () => {
    const reviewer = await signedIn(REVIEWER);
    const byAdmin = await listAudit(reviewer, q({ actor: "ADMIN@cds" }));
    expect(byAdmin.total).toBeGreaterThan(0);
    expect(byAdmin.items.every((i) => i.actorEmail === ADMIN)).toBe(true);
    const byReviewer = await listAudit(reviewer, q({ actor: REVIEWER, type: "User", id: String(target.id) }));
    expect(byReviewer.total).toBe(0);

    const hcmRows = await listAudit(reviewer, q({ agency: "t-ho-chi-minh", type: "User", id: String(target.id) }));
    expect(hcmRows.total).toBe(2);
    const hanoiRows = await listAudit(reviewer, q({ agency: "T-HA-NOI", type: "User", id: String(target.id) }));
    expect(hanoiRows.total).toBe(0);
    const unknown = await listAudit(reviewer, q({ agency: "KHONG-CO" }));
    expect(unknown.total).toBe(0);
  });

  it("filters by Viet Nam calendar days; an invalid date is ignored", async () => {
    const admin = await signedIn(ADMIN);
    const item = { type: "User", id: String(target.id) };
    expect((await listAudit(admin, q({ ...item, from: vnDay(0), to: vnDay(0) }))).total).toBe(2);
    expect((await listAudit(admin, q({ ...item, from: vnDay(1) }))).total).toBe(0);
    expect((await listAudit(admin, q({ ...item, to: vnDay(-1) }))).total).toBe(0);
    const bad = q({ ...item, from: "2026-13-45" });
    expect(bad.from).toBe("invalid");
    expect((await listAudit(admin, bad)).total).toBe(2);
  });

  it("pages 50 rows at a time, newest first, and is closed to reporters", async () => {
    const admin = await signedIn(ADMIN);
    const r = await listAudit(admin, q({}));
    expect(r.items.length).toBeLessThanOrEqual(50);
    expect(r.items.length).toBe(Math.min(50, r.total));
    const times = r.items.map((i) => i.at.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    await expect(listAudit(await signedIn(REPORTER), q({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("admin routes", () => {
  const props = (lang: string) => ({ params: Promise.resolve({ lang }), searchParams: Promise.resolve({}) });
  const rendered = async (route: (p: ReturnType<typeof props>) => Promise<unknown>, lang = "vi") =>
    (await route(props(lang))) as { type: unknown };

  it("sends anonymous visitors to the sign-in page of their language, which comes back to the page asked for", async () => {
    await actAs(null);
    await expect(AdminUsersRoute(props("en"))).rejects.toMatchObject({
      digest: expect.stringContaining("/en/login?next=%2Fen%2Fadmin%2Fusers;"),
    });
    await expect(AdminAssignmentsRoute(props("vi"))).rejects.toMatchObject({
      digest: expect.stringContaining("/vi/login?next=%2Fvi%2Fadmin%2Fassignments;"),
    });
  });

  it("refuses roles without the permission with a 403 (forbidden()), and shows the page to those with it", async () => {
    const refused = (route: (p: ReturnType<typeof props>) => Promise<unknown>) =>
      expect(route(props("vi"))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    await actAs(REPORTER);
    await refused(AdminUsersRoute);
    await refused(AdminAssignmentsRoute);
    await actAs(REVIEWER);
    await refused(AdminUsersRoute);
    expect((await rendered(AdminAssignmentsRoute)).type).toBeDefined();
    await actAs(ADMIN);
    expect((await rendered(AdminUsersRoute)).type).toBeDefined();
  });
});
