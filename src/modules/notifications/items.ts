// Who hears about a progress item, and how a notification names it. Every recipient list is cut
// to the people who may read the item (its agency's users and the national team): nobody is told
// anything about another agency's items, whoever followed it before moving agency.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { PERMISSIONS } from "@/server/permissions";
import { notify } from "./mutations";
import type { NotificationKind } from "./categories";
import { quote } from "./text";

type Tx = Prisma.TransactionClient;
export type ItemKind = "obs" | "task";

const NATIONAL = PERMISSIONS["national.read"] as readonly Role[];

/** `where` for the active users allowed to read an item of `agencyId`. */
export function itemReadersWhere(agencyId: number) {
  return { active: true, OR: [{ agencyId }, { role: { in: [...NATIONAL] } }] };
}

/** The ids among `ids` of active users who may read an item of `agencyId`. */
export async function readersAmong(tx: Tx, agencyId: number, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await tx.user.findMany({
    where: { id: { in: [...new Set(ids)] }, ...itemReadersWhere(agencyId) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The active reporters of an agency: who corrects its items. */
export async function agencyReporters(tx: Tx, agencyId: number): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { agencyId, role: "REPORTER", active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The active national reviewers. */
export async function reviewers(tx: Tx): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { role: "REVIEWER", active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The item's followers who may still read it. */
export async function followersOf(tx: Tx, kind: ItemKind, itemId: number, agencyId: number): Promise<number[]> {
  const rows = await tx.itemFollower.findMany({ where: { itemKind: kind, itemId }, select: { userId: true } });
  return readersAmong(
    tx,
    agencyId,
    rows.map((r) => r.userId),
  );
}

/** Adds followers (idempotent). */
export async function follow(tx: Tx, kind: ItemKind, itemId: number, userIds: readonly number[]): Promise<void> {
  if (!userIds.length) return;
  await tx.itemFollower.createMany({
    data: [...new Set(userIds)].map((userId) => ({ itemKind: kind, itemId, userId })),
    skipDuplicates: true,
  });
}

export type ItemFacts = {
  kind: ItemKind;
  id: number;
  agencyId: number;
  year: number;
  quarter: number;
  /** Parameters every notification about the item carries: its names, its agency's, its quarter. */
  params: Record<string, string | number>;
  href: string;
};

/** An item as notifications name it (null when it does not exist). */
export async function itemFacts(tx: Tx, kind: ItemKind, id: number): Promise<ItemFacts | null> {
  const agency = { select: { nameVi: true, nameEn: true } };
  if (kind === "obs") {
    const o = await tx.observation.findUnique({
      where: { id },
      select: {
        id: true,
        agencyId: true,
        year: true,
        quarter: true,
        agency,
        indicator: { select: { nameVi: true, nameEn: true } },
      },
    });
    if (!o) return null;
    return facts(kind, o, o.indicator.nameVi, o.indicator.nameEn, `/reporting/observations/${o.id}`);
  }
  const p = await tx.taskProgress.findUnique({
    where: { id },
    select: {
      id: true,
      agencyId: true,
      year: true,
      quarter: true,
      agency,
      task: { select: { numberPrinted: true, title: true, document: { select: { numberCanonical: true } } } },
    },
  });
  if (!p) return null;
  // Tasks have no English title: the document number and the task's number read in both languages.
  const label = `${p.task.document.numberCanonical ?? ""} · ${p.task.numberPrinted ?? ""} ${quote(p.task.title, 80)}`;
  return facts(kind, p, label.trim(), label.trim(), `/reporting/tasks/${p.id}`);
}

function facts(
  kind: ItemKind,
  r: { id: number; agencyId: number; year: number; quarter: number; agency: { nameVi: string; nameEn: string } },
  item: string,
  itemEn: string,
  href: string,
): ItemFacts {
  return {
    kind,
    id: r.id,
    agencyId: r.agencyId,
    year: r.year,
    quarter: r.quarter,
    params: { item, itemEn, agency: r.agency.nameVi, agencyEn: r.agency.nameEn, year: r.year, quarter: r.quarter },
    href,
  };
}

/**
 * Tells `to` (cut to the item's readers) of something that happened to an item, in the caller's
 * transaction. `extra` adds parameters such as the comment.
 */
export async function notifyAboutItem(
  tx: Tx,
  item: ItemFacts,
  kind: NotificationKind,
  to: readonly number[],
  opts: { actorId: number; extra?: Record<string, string | number> },
): Promise<number> {
  const allowed = await readersAmong(tx, item.agencyId, to);
  return notify(
    allowed,
    {
      kind,
      itemKind: item.kind,
      itemId: item.id,
      agencyId: item.agencyId,
      params: { ...item.params, ...opts.extra },
      href: item.href,
    },
    { tx, actorId: opts.actorId },
  );
}
