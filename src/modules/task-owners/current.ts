// Which assignment row is current. Pure. TaskOwner is append-only: every change is a new row, and
// the newest row of a (task, agency) pair is the one in force (a null person: withdrawn). Rows
// written in the same millisecond are told apart by id, which only grows.

export type OwnerRow = {
  id: number;
  taskId: number;
  agencyId: number;
  userId: number | null;
  createdAt: Date;
};

const newer = (a: OwnerRow, b: OwnerRow) =>
  a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id);

/** The newest row of each (task, agency), withdrawals included, keyed "taskId:agencyId". */
export function latestRows<R extends OwnerRow>(rows: readonly R[]): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) {
    const k = `${r.taskId}:${r.agencyId}`;
    const seen = out.get(k);
    if (!seen || newer(r, seen)) out.set(k, r);
  }
  return out;
}

/**
 * The rows naming a person now: the newest of each pair, unless it is a withdrawal, or the person
 * may no longer hold it (`holds` false: deactivated, or moved to another agency since).
 */
export function currentOwnerRows<R extends OwnerRow>(
  rows: readonly R[],
  holds: (row: R & { userId: number }) => boolean = () => true,
): (R & { userId: number })[] {
  return [...latestRows(rows).values()].filter(
    (r): r is R & { userId: number } => r.userId != null && holds(r as R & { userId: number }),
  );
}
