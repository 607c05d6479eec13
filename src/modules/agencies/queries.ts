import "server-only";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const include = {
  parent: { select: { code: true } },
  successorsOf: { include: { to: { select: { code: true } } }, orderBy: { date: "asc" } },
  predecessors: { include: { from: { select: { code: true } } }, orderBy: { date: "asc" } },
} satisfies Prisma.AgencyInclude;

export async function listAgencies(opts: { skip: number; take: number; kind?: string; current?: boolean }) {
  const today = clockNow();
  const where: Prisma.AgencyWhereInput = {
    ...(opts.kind ? { kind: opts.kind as Prisma.AgencyWhereInput["kind"] } : {}),
    ...(opts.current
      ? {
          AND: [
            { OR: [{ validFrom: null }, { validFrom: { lte: today } }] },
            { OR: [{ validTo: null }, { validTo: { gte: today } }] },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.agency.findMany({
      where,
      orderBy: [{ kind: "asc" }, { code: "asc" }],
      skip: opts.skip,
      take: opts.take,
      include,
    }),
    db.agency.count({ where }),
  ]);
  return { items, total };
}

export type AgencyRow = Awaited<ReturnType<typeof listAgencies>>["items"][number];

const d = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : null);

export function agencyToApi(a: AgencyRow) {
  return {
    code: a.code,
    name: { vi: a.nameVi, en: a.nameEn },
    shortVi: a.shortVi,
    kind: a.kind,
    parent: a.parent?.code ?? null,
    validFrom: d(a.validFrom),
    validTo: d(a.validTo),
    aliases: a.aliases,
    successors: a.successorsOf.map((s) => ({
      code: s.to.code,
      date: d(s.date),
      kind: s.kind,
      legalBasis: s.legalBasis,
    })),
    predecessors: a.predecessors.map((s) => ({
      code: s.from.code,
      date: d(s.date),
      kind: s.kind,
      legalBasis: s.legalBasis,
    })),
  };
}

/** One agency by its code (codes are upper-case letters, digits and dashes), or null. */
export async function findAgencyByCode(code: string) {
  if (!/^[A-Z0-9-]{1,64}$/.test(code)) return null;
  return db.agency.findUnique({ where: { code }, select: { id: true, code: true, nameVi: true, nameEn: true } });
}

/** The agency id for a code, or undefined when there is no such agency. */
export async function agencyIdByCode(code: string | undefined | null): Promise<number | undefined> {
  return code ? (await findAgencyByCode(code))?.id : undefined;
}
