import { describe, expect, it } from "vitest";
import { rankUnits, scaleMax, type Floor, type UnitValue } from "./ranking";

const unit = (id: number, nameVi: string, value: number | null, kind = "PROVINCE"): UnitValue => ({
  agency: { id, code: `A${id}`, nameVi, nameEn: nameVi, kind },
  value,
  illustrative: false,
  state: "APPROVED",
});
const floor: Floor = { targetKey: "f2025", year: 2025, comparator: "GTE", value: 90, kinds: ["PROVINCE"] };

describe("rankUnits", () => {
  it("ranks higher values first, ties sharing a rank, and keeps non-reporters apart", () => {
    const r = rankUnits(
      [unit(1, "Hà Nội", 88), unit(2, "Huế", null), unit(3, "Cần Thơ", 96), unit(4, "Đà Nẵng", 88)],
      [floor],
      1,
    );
    expect(r.ranked.map((u) => [u.agency.nameVi, u.rank])).toEqual([
      ["Cần Thơ", 1],
      ["Đà Nẵng", 2],
      ["Hà Nội", 2],
    ]);
    expect(r.missing.map((u) => u.agency.nameVi)).toEqual(["Huế"]);
  });

  it("ranks lower values first when lower is better", () => {
    const r = rankUnits([unit(1, "A", 10), unit(2, "B", 3)], [], -1);
    expect(r.ranked.map((u) => u.agency.nameVi)).toEqual(["B", "A"]);
  });

  it("judges each floor only for the kinds of unit it applies to", () => {
    const r = rankUnits([unit(1, "A", 95), unit(2, "B", 80), unit(3, "C", 50, "COMMUNE")], [floor], 1);
    expect(r.ranked.map((u) => u.meets[0].meets)).toEqual([true, false, null]);
  });

  it("ranks a value awaiting review beside the approved ones, after an equal approved value of the same agency", () => {
    const pending = (u: UnitValue): UnitValue => ({ ...u, state: "SUBMITTED" });
    const r = rankUnits(
      [pending(unit(1, "Hà Nội", 92)), unit(1, "Hà Nội", 92), unit(2, "Huế", 95), pending(unit(3, "Cần Thơ", 97))],
      [floor],
      1,
    );
    expect(r.ranked.map((u) => [u.agency.nameVi, u.state, u.rank, u.meets[0].meets])).toEqual([
      ["Cần Thơ", "SUBMITTED", 1, true],
      ["Huế", "APPROVED", 2, true],
      ["Hà Nội", "APPROVED", 3, true],
      ["Hà Nội", "SUBMITTED", 3, true],
    ]);
    expect(r.missing).toEqual([]);
  });

  it("ranks nobody when nobody reported", () => {
    expect(rankUnits([unit(1, "A", null)], [floor], 1)).toMatchObject({ ranked: [], missing: [{ value: null }] });
  });
});

describe("scaleMax", () => {
  it("is 100 for a percentage and fits every value and floor otherwise", () => {
    expect(scaleMax([12, 19], [90], "PERCENT")).toBe(100);
    expect(scaleMax([120, 300], [400], "COUNT")).toBeCloseTo(440);
    expect(scaleMax([], [], "COUNT")).toBe(1);
  });
});
