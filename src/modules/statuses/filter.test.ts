import { describe, expect, it } from "vitest";
import type { MilestoneStatus } from "@/lib/status";
import { countBy, filterTargets, sortByStatus, type TargetStatus } from "./filter";

const target = (
  targetKey: string,
  o: {
    indicatorId: number;
    indicatorCode?: string;
    documentKey: string;
    pillar: TargetStatus["pillar"];
    year: number;
    effective: MilestoneStatus;
  },
) => ({ targetKey, indicatorCode: `ind-${o.indicatorId}`, ...o }) as unknown as TargetStatus;

const all = [
  target("a", { indicatorId: 1, documentKey: "411-2022", pillar: "DIGITAL_ECONOMY", year: 2025, effective: "MISSED" }),
  target("b", {
    indicatorId: 1,
    documentKey: "411-2022",
    pillar: "DIGITAL_ECONOMY",
    year: 2030,
    effective: "ON_TRACK",
  }),
  target("c", {
    indicatorId: 2,
    documentKey: "942-2021",
    pillar: "DIGITAL_GOVERNMENT",
    year: 2030,
    effective: "MOVING_AWAY",
  }),
  target("d", {
    indicatorId: 3,
    documentKey: "942-2021",
    pillar: "DIGITAL_GOVERNMENT",
    year: 2030,
    effective: "ON_TRACK",
  }),
];
const keys = (rows: TargetStatus[]) => rows.map((t) => t.targetKey);

describe("filterTargets", () => {
  it("applies every filter given and keeps the order", () => {
    expect(keys(filterTargets(all, {}))).toEqual(["a", "b", "c", "d"]);
    expect(keys(filterTargets(all, { decision: "942-2021" }))).toEqual(["c", "d"]);
    expect(keys(filterTargets(all, { pillar: "DIGITAL_ECONOMY", milestone: 2030 }))).toEqual(["b"]);
    expect(keys(filterTargets(all, { status: "ON_TRACK" }))).toEqual(["b", "d"]);
    expect(keys(filterTargets(all, { indicator: "ind-2" }))).toEqual(["c"]);
  });

  it("limits an agency's view to the indicators it reports, and an empty set to nothing", () => {
    expect(keys(filterTargets(all, { indicatorIds: new Set([1, 3]), milestone: 2030 }))).toEqual(["b", "d"]);
    expect(filterTargets(all, { indicatorIds: new Set() })).toEqual([]);
  });

  it("is the same in one step or two (the dashboard counts the first, lists the second)", () => {
    const scope = { decision: "942-2021", indicatorIds: new Set([2, 3]) };
    expect(filterTargets(filterTargets(all, scope), { status: "ON_TRACK" })).toEqual(
      filterTargets(all, { ...scope, status: "ON_TRACK" }),
    );
  });
});

describe("ordering and counts", () => {
  it("lists the worst status first", () => {
    expect(keys(sortByStatus(all))).toEqual(["c", "a", "b", "d"]);
  });
  it("counts a milestone's targets by status per group", () => {
    const c = countBy(all, 2030, (t) => t.pillar);
    expect(c.get("DIGITAL_GOVERNMENT")).toEqual({ MOVING_AWAY: 1, ON_TRACK: 1, TOTAL: 2 });
    expect(c.get("DIGITAL_ECONOMY")).toEqual({ ON_TRACK: 1, TOTAL: 1 });
  });
});
