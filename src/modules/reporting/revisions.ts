// The one place a revision is made from a record: every column of the item as it now stands, so
// no path (save, review, reopen, evidence upload) can forget one. The reopen copies used to drop
// the evidence link and file.
import type { Prisma } from "@/generated/prisma/client";

type Observation = Prisma.ObservationGetPayload<object>;
type TaskProgress = Prisma.TaskProgressGetPayload<object>;
type WorkflowState = Observation["state"];
/** Who made the revision and why; `version`/`state`/`evidenceFileId` when they differ from the record's. */
export type RevisionMeta = {
  authorId: number;
  comment?: string | null;
  version?: number;
  state?: WorkflowState;
  evidenceFileId?: string | null;
};

/** The columns every revision has, whatever its kind. */
function common(
  r: { version: number; state: WorkflowState; evidenceUrl: string | null; evidenceFileId: string | null },
  meta: RevisionMeta,
) {
  return {
    version: meta.version ?? r.version,
    state: meta.state ?? r.state,
    evidenceUrl: r.evidenceUrl,
    evidenceFileId: meta.evidenceFileId !== undefined ? meta.evidenceFileId : r.evidenceFileId,
    comment: meta.comment ?? null,
    authorId: meta.authorId,
  };
}

export function observationSnapshot(
  o: Observation,
  meta: RevisionMeta,
): Prisma.ObservationRevisionUncheckedCreateInput {
  return {
    ...common(o, meta),
    observationId: o.id,
    value: o.value,
    source: o.source,
    note: o.note,
    explanation: o.explanation,
  };
}

export function taskSnapshot(p: TaskProgress, meta: RevisionMeta): Prisma.TaskProgressRevisionUncheckedCreateInput {
  const progress = {
    status: p.status,
    percentComplete: p.percentComplete,
    achieved: p.achieved,
    obstacles: p.obstacles,
    nextSteps: p.nextSteps,
  };
  return { ...common(p, meta), taskProgressId: p.id, ...progress };
}
