import { describe, expect, it } from "vitest";
import { lastQuarters, pageOf, sortTargets, taskSummary } from "./view-model";

const row = (indicatorId: number, documentKey: string, documentNumber: string | null, year: number) => ({
  indicatorId,
  documentKey,
  documentNumber,
  year,
});

describe("dashboard view model", () => {
  const rows = [
    row(1, "942-2021", "942/QĐ-TTg", 2030),
    row(2, "411-2022", "411/QĐ-TTg", 2025),
    row(3, "749-2020", null, 2020),
  ];
  const names: Record<number, string> = { 1: "Đường", 2: "Ăn", 3: "Bé" };
  const vi = new Intl.Collator("vi");

  it("sorts by indicator name in the page's language, by document number, by milestone, or keeps the order", () => {
    expect(sortTargets(rows, "indicator", (id) => names[id], vi).map((r) => r.indicatorId)).toEqual([2, 3, 1]);
    expect(sortTargets(rows, "decision", (id) => names[id], vi).map((r) => r.indicatorId)).toEqual([2, 3, 1]);
    expect(sortTargets(rows, "milestone", (id) => names[id], vi).map((r) => r.year)).toEqual([2020, 2025, 2030]);
    expect(sortTargets(rows, undefined, (id) => names[id], vi)).toEqual(rows);
  });

  it("pages rows, showing the last page for a page past the end", () => {
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(many, 1)).toMatchObject({ page: 1, pages: 3 });
    expect(pageOf(many, 3).shown).toEqual(many.slice(100));
    expect(pageOf(many, 9)).toMatchObject({ page: 3, pages: 3 });
    expect(pageOf([], 4)).toEqual({ page: 1, pages: 1, shown: [] });
  });

  it("counts tasks in the view and ranks agencies by overdue tasks", () => {
    const tasks = [
      { agencyId: 1, agencyCode: "A", documentKey: "d1", status: "OVERDUE" as const },
      { agencyId: 2, agencyCode: "B", documentKey: "d1", status: "OVERDUE" as const },
      { agencyId: 2, agencyCode: "B", documentKey: "d2", status: "OVERDUE" as const },
      { agencyId: 2, agencyCode: "B", documentKey: "d1", status: "DONE_ON_TIME" as const },
    ];
    const all = taskSummary(tasks, {}, ["OVERDUE", "DONE_ON_TIME", "NOT_STARTED"]);
    expect(all.counts).toEqual({ OVERDUE: 3, DONE_ON_TIME: 1, NOT_STARTED: 0 });
    expect(all.overdue).toEqual([
      ["B", 2],
      ["A", 1],
    ]);
    const one = taskSummary(tasks, { agencyId: 2, decision: "d1" }, ["OVERDUE", "DONE_ON_TIME"]);
    expect(one.counts).toEqual({ OVERDUE: 1, DONE_ON_TIME: 1 });
    expect(taskSummary(tasks, {}, ["OVERDUE"], 1).overdue).toEqual([["B", 2]]);
  });

  it("lists the quarters before the current one, across a year boundary", () => {
    expect(lastQuarters(new Date("2026-05-10T00:00:00Z"), 3)).toEqual([
      { year: 2026, quarter: 1 },
      { year: 2025, quarter: 4 },
      { year: 2025, quarter: 3 },
    ]);
  });
});
