// The two kinds of reported item — an indicator value (Observation) and task progress
// (TaskProgress) — behind one set of operations, so that save, review, reopen and the evidence
// upload are written once and keyed by kind.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { observationSnapshot, taskSnapshot, type RevisionMeta } from "./revisions";

type Tx = Prisma.TransactionClient;
type Observation = Prisma.ObservationGetPayload<object>;
type TaskProgress = Prisma.TaskProgressGetPayload<object>;
export type ItemKind = "obs" | "task";
export type Item = { id: number; agencyId: number; state: Observation["state"]; version: number; reopened: boolean };
type Data = Record<string, unknown>;

export type KindOps<R extends Item> = {
  entityType: "Observation" | "TaskProgress";
  /** Prefix of the audit actions: "observation.approve", "taskProgress.reopen". */
  action: "observation" | "taskProgress";
  find(tx: Tx, id: number): Promise<R | null>;
  create(tx: Tx, data: Data): Promise<R>;
  /** Writes `data` and the next version if the item is still at `version`; the number of rows written. */
  updateAt(tx: Tx, id: number, version: number, data: Data): Promise<number>;
  reload(tx: Tx, id: number): Promise<R>;
  revise(tx: Tx, r: R, meta: RevisionMeta): Promise<unknown>;
  /** What approval publishes: the submitted value becomes the approved one. */
  approval(r: R): Data;
  /** The item's content as the audit log shows it around a save, and around a review. */
  saveView(r: R): Data;
  reviewView(r: R): Data;
};

// The part of a Prisma model delegate these operations use. Prisma's own method types are generic
// per call and cannot be named for both models at once: the two delegates are cast to this.
type Delegate<R> = {
  findUnique(a: { where: { id: number } }): Promise<R | null>;
  create(a: { data: Data }): Promise<R>;
  updateMany(a: { where: { id: number; version: number }; data: Data }): Promise<{ count: number }>;
  findUniqueOrThrow(a: { where: { id: number } }): Promise<R>;
};

/** Reading and versioned writing of one kind's rows, the same for both kinds. */
function rowsOf<R extends Item>(
  of: (tx: Tx) => Delegate<R>,
): Pick<KindOps<R>, "find" | "create" | "updateAt" | "reload"> {
  return {
    find: (tx, id) => of(tx).findUnique({ where: { id } }),
    create: (tx, data) => of(tx).create({ data }),
    updateAt: async (tx, id, version, data) =>
      (await of(tx).updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
    reload: (tx, id) => of(tx).findUniqueOrThrow({ where: { id } }),
  };
}

const observationOps: KindOps<Observation> = {
  entityType: "Observation",
  action: "observation",
  ...rowsOf((tx) => tx.observation as unknown as Delegate<Observation>),
  revise: (tx, r, meta) => tx.observationRevision.create({ data: observationSnapshot(r, meta) }),
  approval: (o) => ({ approvedValue: o.value }),
  saveView: (o) => ({ value: o.value, state: o.state, version: o.version }),
  reviewView: (o) => ({ value: o.value }),
};

const taskOps: KindOps<TaskProgress> = {
  entityType: "TaskProgress",
  action: "taskProgress",
  ...rowsOf((tx) => tx.taskProgress as unknown as Delegate<TaskProgress>),
  revise: (tx, r, meta) => tx.taskProgressRevision.create({ data: taskSnapshot(r, meta) }),
  approval: (p) => ({ approvedStatus: p.status, approvedPercent: p.percentComplete }),
  saveView: (p) => ({ status: p.status, percentComplete: p.percentComplete, state: p.state, version: p.version }),
  reviewView: () => ({}),
};

export const KINDS = { obs: observationOps, task: taskOps };

/** Runs `fn` with the operations of `kind` (a generic callback, so each kind keeps its own types). */
export function withKind<T>(kind: ItemKind, fn: <R extends Item>(ops: KindOps<R>) => T): T {
  return kind === "obs" ? fn(observationOps) : fn(taskOps);
}
