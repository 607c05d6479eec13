import "server-only";
import { clockNow } from "@/server/clock";
import type { Prisma } from "@/generated/prisma/client";
// Changes made from the admin screens. Each function checks the permission itself (it may be called
// from anywhere, not only from its action), validates against the database, and writes the change
// together with its audit row in one transaction. Passwords and their hashes never reach the log.
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/server/errors";
import { hashPassword, passwordProblems } from "@/server/password";
import { assertCan } from "./policy";
import { endAllSessions } from "@/server/sessions";
import { msg, type Msg } from "@/i18n/translate";
import { isCurrentAgency, keepTimeIfSameDay, parseDay, periodDateErrors } from "./rules";
import type {
  AddAssignmentInput,
  CreateUserInput,
  PeriodInput,
  RemoveAssignmentInput,
  ResetPasswordInput,
  SetActiveInput,
  UpdateUserInput,
} from "./schemas";

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

const clean = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** The agency, if it exists today; a user or an assignment cannot be given a merged-away body. */
async function currentAgencyOrFail(agencyId: number, now: Date) {
  const agency = await db.agency.findUnique({
    where: { id: agencyId },
    select: { id: true, code: true, validFrom: true, validTo: true },
  });
  if (!agency || !isCurrentAgency(agency, now))
    throw new ValidationError({ agencyId: [msg("admin.server.agencyNotCurrent")] });
  return agency;
}

const targetSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  agencyId: true,
  sessionVersion: true,
  agency: { select: { code: true } },
} as const;

async function targetUser(id: number) {
  const u = await db.user.findUnique({ where: { id }, select: targetSelect });
  if (!u) throw new NotFoundError(msg("admin.server.userNotFound"));
  return u;
}

/** What a mutation reports: whether it changed anything, or the id of what it created. */
type Changed = { changed: boolean };
type Created = { id: number };

export async function createUser(user: SessionUser, input: CreateUserInput, now = clockNow()): Promise<Created> {
  assertCan(user, "admin.users");
  const email = input.email.trim().toLowerCase();
  const problems = passwordProblems(input.password);
  if (problems.length) throw new ValidationError({ password: problems });
  const agency = await currentAgencyOrFail(input.agencyId, now);
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new ValidationError({ email: [msg("admin.server.emailTaken")] });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email,
          name: input.name.trim(),
          role: input.role,
          agencyId: agency.id,
          passwordHash,
          passwordChangedAt: now,
        },
        select: { id: true, email: true, name: true, role: true, active: true },
      });
      await audit(tx, {
        actor: user,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        agencyId: agency.id,
        after: {
          email: created.email,
          name: created.name,
          role: created.role,
          agency: agency.code,
          active: created.active,
        },
      });
      return { id: created.id };
    });
  } catch (e) {
    // Two admins creating the same address at once: the unique index decides.
    if (isUniqueViolation(e)) throw new ValidationError({ email: [msg("admin.server.emailTaken")] });
    throw e;
  }
}

export async function updateUser(user: SessionUser, input: UpdateUserInput, now = clockNow()): Promise<Changed> {
  assertCan(user, "admin.users");
  const target = await targetUser(input.id);
  // An admin who demotes themself could leave the portal without any admin.
  if (target.id === user.id && input.role !== target.role)
    throw new ValidationError({ role: [msg("admin.server.selfRole")] });
  const name = input.name.trim();
  let agencyCode = target.agency.code;
  if (input.agencyId !== target.agencyId) agencyCode = (await currentAgencyOrFail(input.agencyId, now)).code;

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (name !== target.name) [before.name, after.name] = [target.name, name];
  if (input.role !== target.role) [before.role, after.role] = [target.role, input.role];
  if (input.agencyId !== target.agencyId) [before.agency, after.agency] = [target.agency.code, agencyCode];
  if (Object.keys(after).length === 0) return { changed: false };

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { name, role: input.role, agencyId: input.agencyId } });
    await audit(tx, {
      actor: user,
      action: "user.update",
      entityType: "User",
      entityId: target.id,
      agencyId: input.agencyId,
      before,
      after,
    });
  });
  return { changed: true };
}

/**
 * Deactivates or reactivates an account. Deactivation also bumps the session version, so that
 * reactivating later does not bring the old sessions back to life.
 */
export async function setUserActive(
  user: SessionUser,
  input: Pick<SetActiveInput, "id" | "active" | "reason">,
): Promise<Changed> {
  assertCan(user, "admin.users");
  if (input.id === user.id && !input.active) throw new ForbiddenError(msg("admin.server.selfDeactivate"));
  const target = await targetUser(input.id);
  if (target.active === input.active) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: target.id },
      data: input.active ? { active: true } : { active: false, sessionVersion: { increment: 1 } },
    });
    if (!input.active) await endAllSessions(target.id, "deactivated", tx);
    await auditUser(
      tx,
      user,
      target,
      input.active ? "user.reactivate" : "user.deactivate",
      { active: target.active },
      { active: input.active },
      input.reason,
    );
  });
  return { changed: true };
}

/** The audit row of a change to an account, filed under the account's agency. */
function auditUser(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  target: { id: number; agencyId: number | null },
  action: string,
  before: unknown,
  after: unknown,
  reason: string | undefined,
) {
  return audit(tx, {
    actor: user,
    action,
    entityType: "User",
    entityId: target.id,
    agencyId: target.agencyId,
    before,
    after,
    reason: clean(reason),
  });
}

/** Sets a new password and signs out every existing session of the account. */
export async function resetPassword(user: SessionUser, input: ResetPasswordInput, now = clockNow()): Promise<void> {
  assertCan(user, "admin.users");
  const problems = passwordProblems(input.password);
  if (problems.length) throw new ValidationError({ password: problems });
  const target = await targetUser(input.id);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await endAllSessions(target.id, "password", tx);
    await auditUser(
      tx,
      user,
      target,
      "user.resetPassword",
      { sessionVersion: target.sessionVersion },
      { sessionVersion: updated.sessionVersion },
      input.reason,
    );
  });
}

/** Changes a period's dates (days, UTC); an unchanged day keeps its stored time. */
export async function updatePeriod(user: SessionUser, input: PeriodInput): Promise<Changed> {
  assertCan(user, "admin.periods");
  const days = { opensAt: parseDay(input.opensAt), dueAt: parseDay(input.dueAt), locksAt: parseDay(input.locksAt) };
  const bad: Record<string, Msg[]> = {};
  for (const [k, v] of Object.entries(days)) if (!v) bad[k] = [msg("admin.server.dateInvalid")];
  if (Object.keys(bad).length) throw new ValidationError(bad);
  const period = await db.reportingPeriod.findUnique({ where: { id: input.id } });
  if (!period) throw new NotFoundError(msg("admin.server.periodNotFound"));
  const next = {
    opensAt: keepTimeIfSameDay(period.opensAt, days.opensAt!),
    dueAt: keepTimeIfSameDay(period.dueAt, days.dueAt!),
    locksAt: keepTimeIfSameDay(period.locksAt, days.locksAt!),
  };
  const errors = periodDateErrors(next);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const changed = (["opensAt", "dueAt", "locksAt"] as const).filter((k) => next[k].getTime() !== period[k].getTime());
  if (changed.length === 0) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.reportingPeriod.update({ where: { id: period.id }, data: next });
    await audit(tx, {
      actor: user,
      action: "period.update",
      entityType: "ReportingPeriod",
      entityId: period.id,
      before: {
        period: `${period.year}-Q${period.quarter}`,
        ...Object.fromEntries(changed.map((k) => [k, period[k].toISOString()])),
      },
      after: {
        period: `${period.year}-Q${period.quarter}`,
        ...Object.fromEntries(changed.map((k) => [k, next[k].toISOString()])),
      },
    });
  });
  return { changed: true };
}

/** Assigns an indicator to a current agency; at most one agency reports an indicator's national figure. */
export async function addAssignment(user: SessionUser, input: AddAssignmentInput, now = clockNow()): Promise<Created> {
  assertCan(user, "admin.assignments");
  const indicator = await db.indicator.findUnique({
    where: { id: input.indicatorId },
    select: { id: true, code: true },
  });
  if (!indicator) throw new ValidationError({ indicatorId: [msg("admin.server.indicatorNotFound")] });
  const agency = await currentAgencyOrFail(input.agencyId, now);
  const existing = await db.indicatorAssignment.findMany({
    where: { indicatorId: indicator.id },
    select: { agencyId: true, national: true },
  });
  if (existing.some((a) => a.agencyId === agency.id))
    throw new ValidationError({ agencyId: [msg("admin.server.alreadyAssigned")] });
  if (input.national && existing.some((a) => a.national))
    throw new ValidationError({ national: [msg("admin.server.nationalTaken")] });
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.indicatorAssignment.create({
        data: { indicatorId: indicator.id, agencyId: agency.id, national: input.national },
        select: { id: true },
      });
      await audit(tx, {
        actor: user,
        action: "indicatorAssignment.create",
        entityType: "IndicatorAssignment",
        entityId: created.id,
        agencyId: agency.id,
        after: { indicator: indicator.code, agency: agency.code, national: input.national },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError({ agencyId: [msg("admin.server.alreadyAssigned")] });
    throw e;
  }
}

/** Removes an assignment. Values the agency already reported stay where they are. */
export async function removeAssignment(
  user: SessionUser,
  input: Pick<RemoveAssignmentInput, "id" | "reason">,
): Promise<void> {
  assertCan(user, "admin.assignments");
  const a = await db.indicatorAssignment.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      agencyId: true,
      national: true,
      indicator: { select: { code: true } },
      agency: { select: { code: true } },
    },
  });
  if (!a) throw new NotFoundError(msg("admin.server.assignmentNotFound"));
  await db.$transaction(async (tx) => {
    const r = await tx.indicatorAssignment.deleteMany({ where: { id: a.id } });
    if (r.count === 0) throw new NotFoundError(msg("admin.server.assignmentNotFound"));
    await audit(tx, {
      actor: user,
      action: "indicatorAssignment.delete",
      entityType: "IndicatorAssignment",
      entityId: a.id,
      agencyId: a.agencyId,
      before: { indicator: a.indicator.code, agency: a.agency.code, national: a.national },
      reason: clean(input.reason),
    });
  });
}
