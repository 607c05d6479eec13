// The one place a revision is made from a record: every column of the item as it now stands, so
// no path (save, review, reopen, evidence upload) can forget one. The reopen copies used to drop
// the evidence link and file.
import type { Prisma } from "@/generated/prisma/client";

type Observation = Prisma.ObservationGetPayload<object>;
type TaskProgress = Prisma.TaskProgressGetPayload<object>;
type WorkflowState = Observation["state"];
/** Who made the revision and why; `version`/`state`/`evidenceFileId` when they differ from the record's. */
export type RevisionMeta = { authorId: number; comment?: string | null; version?: number; state?: WorkflowState; evidenceFileId?: string | null };

export function observationSnapshot(o: Observation, meta: RevisionMeta): Prisma.ObservationRevisionUncheckedCreateInput {
  return {
    observationId: o.id,
    version: meta.version ?? o.version,
    state: meta.state ?? o.state,
    value: o.value,
    source: o.source,
    note: o.note,
    explanation: o.explanation,
    evidenceUrl: o.evidenceUrl,
    evidenceFileId: meta.evidenceFileId !== undefined ? meta.evidenceFileId : o.evidenceFileId,
    comment: meta.comment ?? null,
    authorId: meta.authorId,
  };
}

export function taskSnapshot(p: TaskProgress, meta: RevisionMeta): Prisma.TaskProgressRevisionUncheckedCreateInput {
  return {
    taskProgressId: p.id,
    version: meta.version ?? p.version,
    state: meta.state ?? p.state,
    status: p.status,
    percentComplete: p.percentComplete,
    achieved: p.achieved,
    obstacles: p.obstacles,
    nextSteps: p.nextSteps,
    evidenceUrl: p.evidenceUrl,
    evidenceFileId: meta.evidenceFileId !== undefined ? meta.evidenceFileId : p.evidenceFileId,
    comment: meta.comment ?? null,
    authorId: meta.authorId,
  };
}
