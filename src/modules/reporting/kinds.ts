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

const observationOps: KindOps<Observation> = {
  entityType: "Observation",
  action: "observation",
  find: (tx, id) => tx.observation.findUnique({ where: { id } }),
  create: (tx, data) => tx.observation.create({ data: data as Prisma.ObservationUncheckedCreateInput }),
  updateAt: async (tx, id, version, data) => (await tx.observation.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
  reload: (tx, id) => tx.observation.findUniqueOrThrow({ where: { id } }),
  revise: (tx, r, meta) => tx.observationRevision.create({ data: observationSnapshot(r, meta) }),
  approval: (o) => ({ approvedValue: o.value }),
  saveView: (o) => ({ value: o.value, state: o.state, version: o.version }),
  reviewView: (o) => ({ value: o.value }),
};

const taskOps: KindOps<TaskProgress> = {
  entityType: "TaskProgress",
  action: "taskProgress",
  find: (tx, id) => tx.taskProgress.findUnique({ where: { id } }),
  create: (tx, data) => tx.taskProgress.create({ data: data as Prisma.TaskProgressUncheckedCreateInput }),
  updateAt: async (tx, id, version, data) => (await tx.taskProgress.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
  reload: (tx, id) => tx.taskProgress.findUniqueOrThrow({ where: { id } }),
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
