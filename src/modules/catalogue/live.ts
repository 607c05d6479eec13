// Which catalogue rows count at an instant: published by then (seed rows always were) and not yet
// retired. Retired and edited-away rows stay in the tables, so "as published at the end of quarter
// X" views see the catalogue as it was then.

/** A Prisma `where` for targets or tasks alive at `at`. */
export function liveAt(at: Date) {
  return {
    AND: [
      { OR: [{ publishedAt: null }, { publishedAt: { lte: at } }] },
      { OR: [{ retiredAt: null }, { retiredAt: { gt: at } }] },
    ],
  };
}

/** Alive now: current lists, reporting and the open API. */
export const LIVE = { retiredAt: null } as const;
