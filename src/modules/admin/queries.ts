import "server-only";
import { clockNow } from "@/server/clock";
// Reads of the admin screens. Every function takes the signed-in user and checks the permission
// itself, so a page that forgets its guard still shows nothing. User rows are read with an explicit
// `select`: the password hash never leaves the database.
import type { Prisma } from "@/generated/prisma/client";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { assertCan } from "./policy";
import type { AuditQuery } from "./schemas";
import {
  ASSIGNMENTS_PAGE_SIZE,
  AUDIT_PAGE_SIZE,
  PERIODS_PAGE_SIZE,
  USERS_PAGE_SIZE,
  compactJson,
  currentAgencyWhere,
  pageInfo,
  vnDayRange,
} from "./rules";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  passwordChangedAt: true,
  agencyId: true,
  agency: { select: { code: true, nameVi: true, nameEn: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export async function listUsers(user: SessionUser, opts: { q?: string; page: number }) {
  assertCan(user, "admin.users");
  const where: Prisma.UserWhereInput = opts.q
    ? {
        OR: [{ email: { contains: opts.q, mode: "insensitive" } }, { name: { contains: opts.q, mode: "insensitive" } }],
      }
    : {};
  const total = await db.user.count({ where });
  const p = pageInfo(total, USERS_PAGE_SIZE, opts.page);
  const items = await db.user.findMany({
    where,
    select: userSelect,
    orderBy: [{ email: "asc" }],
    skip: p.skip,
    take: USERS_PAGE_SIZE,
  });
  return { items, total, page: p.page, pages: p.pages };
}

export async function getUser(user: SessionUser, id: number): Promise<UserRow | null> {
  assertCan(user, "admin.users");
  return db.user.findUnique({ where: { id }, select: userSelect });
}

/** Agencies a user or an assignment can be given: those that exist today. */
export async function currentAgencies(now = clockNow()) {
  return db.agency.findMany({
    where: currentAgencyWhere(now),
    select: { id: true, code: true, nameVi: true, nameEn: true, kind: true },
    orderBy: [{ kind: "asc" }, { nameVi: "asc" }],
  });
}

export async function listPeriods(user: SessionUser, opts: { page: number }) {
  assertCan(user, "admin.periods");
  const total = await db.reportingPeriod.count();
  const p = pageInfo(total, PERIODS_PAGE_SIZE, opts.page);
  const items = await db.reportingPeriod.findMany({
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    skip: p.skip,
    take: PERIODS_PAGE_SIZE,
  });
  return { items, total, page: p.page, pages: p.pages };
}

/** Indicators with the agencies assigned to them, filtered by code or name. */
export async function listAssignments(user: SessionUser, opts: { q?: string; assignedOnly?: boolean; page: number }) {
  assertCan(user, "admin.assignments");
  const where: Prisma.IndicatorWhereInput = {
    ...(opts.q
      ? {
          OR: [
            { code: { contains: opts.q, mode: "insensitive" } },
            { nameVi: { contains: opts.q, mode: "insensitive" } },
            { nameEn: { contains: opts.q, mode: "insensitive" } },
          ],
        }
      : {}),
    ...(opts.assignedOnly ? { assignments: { some: {} } } : {}),
  };
  const total = await db.indicator.count({ where });
  const p = pageInfo(total, ASSIGNMENTS_PAGE_SIZE, opts.page);
  const items = await db.indicator.findMany({
    where,
    orderBy: [{ pillar: "asc" }, { code: "asc" }],
    skip: p.skip,
    take: ASSIGNMENTS_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      nameVi: true,
      nameEn: true,
      pillar: true,
      assignments: {
        select: { id: true, national: true, agency: { select: { code: true, nameVi: true, nameEn: true } } },
        orderBy: [{ national: "desc" }, { agency: { nameVi: "asc" } }],
      },
    },
  });
  return { items, total, page: p.page, pages: p.pages };
}

export async function indicatorOptions() {
  return db.indicator.findMany({
    select: { id: true, code: true, nameVi: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}

/** The entity types present in the log, for the filter's list. */
export async function auditEntityTypes(user: SessionUser): Promise<string[]> {
  assertCan(user, "audit.read");
  const rows = await db.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } });
  return rows.map((r) => r.entityType);
}

/**
 * The audit log, newest first, filtered by actor email (part of it), agency code, item type and
 * id, and Viet Nam calendar days. Read only: the table refuses updates and deletes.
 */
export async function listAudit(user: SessionUser, q: Omit<AuditQuery, "page"> & { page?: number }) {
  assertCan(user, "audit.read");
  const and: Prisma.AuditLogWhereInput[] = [];
  if (q.actor) and.push({ actorEmail: { contains: q.actor, mode: "insensitive" } });
  if (q.agency) {
    const agencies = await db.agency.findMany({
      where: { code: { equals: q.agency, mode: "insensitive" } },
      select: { id: true },
    });
    and.push({ agencyId: { in: agencies.map((a) => a.id) } });
  }
  if (q.type) and.push({ entityType: q.type });
  if (q.id) and.push({ entityId: q.id });
  const range = vnDayRange(q.from instanceof Date ? q.from : null, q.to instanceof Date ? q.to : null);
  if (range.gte || range.lt) and.push({ at: range });
  const where: Prisma.AuditLogWhereInput = and.length ? { AND: and } : {};

  const total = await db.auditLog.count({ where });
  const p = pageInfo(total, AUDIT_PAGE_SIZE, q.page ?? 1);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: p.skip,
    take: AUDIT_PAGE_SIZE,
  });
  const agencyIds = [...new Set(rows.map((r) => r.agencyId).filter((x): x is number => x != null))];
  const codes = new Map(
    (await db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, code: true } })).map((a) => [
      a.id,
      a.code,
    ]),
  );
  return {
    total,
    page: p.page,
    pages: p.pages,
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      action: r.action,
      actorEmail: r.actorEmail,
      entityType: r.entityType,
      entityId: r.entityId,
      agencyCode: r.agencyId != null ? (codes.get(r.agencyId) ?? String(r.agencyId)) : null,
      before: compactJson(r.before),
      after: compactJson(r.after),
      reason: r.reason,
    })),
  };
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["items"][number];
