import { meets, type Comparator } from "@/lib/status";

// Ranking agencies on one indicator for one quarter: pure, so the page, the API and the tests share
// one order and one reading of the per-unit floors.

/** A per-unit target ("mỗi bộ, tỉnh ≥ 90 %"); `kinds` null: every kind of unit is held to it. */
export type Floor = {
  targetKey: string;
  year: number;
  comparator: Comparator;
  value: number;
  kinds: readonly string[] | null;
};

export type UnitValue = {
  agency: { id: number; code: string; nameVi: string; nameEn: string; kind: string };
  /** null: no value for the quarter (not reported, or not approved yet). */
  value: number | null;
  illustrative: boolean;
  /**
   * "SUBMITTED": a value not yet approved, shown only to reviewers and marked as such; an agency
   * correcting an approved value has two entries, the approved one and the one awaiting review.
   */
  state: "APPROVED" | "SUBMITTED";
};

export type RankedUnit = UnitValue & {
  value: number;
  /** 1 = best; equal values share a rank (1, 2, 2, 4). */
  rank: number;
  /** Per floor: met, missed, or null when the floor does not apply to this kind of unit. */
  meets: { targetKey: string; meets: boolean | null }[];
};

export type Ranking = { ranked: RankedUnit[]; missing: UnitValue[] };

/**
 * Units with a value, best first (`better` 1: higher is better, -1: lower), ties by name, then the
 * approved value before one awaiting review; units without one listed apart, by name, never ranked
 * last as if they had reported a bad value.
 */
export function rankUnits(units: readonly UnitValue[], floors: readonly Floor[], better: 1 | -1): Ranking {
  const collator = new Intl.Collator("vi");
  const byName = (a: UnitValue, b: UnitValue) => collator.compare(a.agency.nameVi, b.agency.nameVi);
  const reported = units
    .filter((u): u is UnitValue & { value: number } => u.value !== null)
    .sort(
      (a, b) =>
        better * (b.value - a.value) ||
        byName(a, b) ||
        Number(a.state === "SUBMITTED") - Number(b.state === "SUBMITTED"),
    );
  const ranked: RankedUnit[] = [];
  reported.forEach((u, i) => {
    const prev = ranked[i - 1];
    ranked.push({
      ...u,
      rank: prev && prev.value === u.value ? prev.rank : i + 1,
      meets: floors.map((f) => ({
        targetKey: f.targetKey,
        meets: f.kinds && !f.kinds.includes(u.agency.kind) ? null : meets(u.value, f.comparator, f.value),
      })),
    });
  });
  return { ranked, missing: units.filter((u) => u.value === null).sort(byName) };
}

/**
 * The value a full bar stands for: 100 for a percentage, else a little above the largest value or
 * floor, so every bar and every floor line fits.
 */
export function scaleMax(values: readonly number[], floors: readonly number[], kind: string): number {
  if (kind === "PERCENT") return 100;
  const top = Math.max(0, ...values, ...floors);
  return top > 0 ? top * 1.1 : 1;
}
