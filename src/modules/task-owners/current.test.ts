import { describe, expect, it } from "vitest";
import { currentOwnerRows, latestRows } from "./current";

const at = (s: string) => new Date(`2026-12-0${s}Z`);
const row = (id: number, taskId: number, agencyId: number, userId: number | null, when: string) => ({
  id,
  taskId,
  agencyId,
  userId,
  createdAt: at(when),
});

describe("current owner selection", () => {
  it("takes the newest row of each task and agency, whatever the order given", () => {
    const rows = [
      row(3, 1, 10, 102, "3T10:00:00"),
      row(1, 1, 10, 101, "1T10:00:00"),
      row(2, 1, 11, 201, "2T10:00:00"),
      row(4, 2, 10, 103, "1T09:00:00"),
    ];
    const latest = latestRows(rows);
    expect(latest.get("1:10")?.id).toBe(3);
    expect(latest.get("1:11")?.id).toBe(2);
    expect(latest.get("2:10")?.id).toBe(4);
    expect(latestRows([...rows].reverse()).get("1:10")?.id).toBe(3);
  });

  it("breaks a tie in time by id: the row written last wins", () => {
    const rows = [row(8, 1, 10, 101, "1T10:00:00"), row(9, 1, 10, 102, "1T10:00:00")];
    expect(latestRows(rows).get("1:10")?.userId).toBe(102);
    expect(latestRows([...rows].reverse()).get("1:10")?.userId).toBe(102);
  });

  it("leaves out a withdrawn assignment, even when an older row named someone", () => {
    const rows = [
      row(1, 1, 10, 101, "1T10:00:00"),
      row(2, 1, 10, null, "2T10:00:00"),
      row(3, 2, 10, 104, "1T10:00:00"),
    ];
    expect(currentOwnerRows(rows).map((r) => r.taskId)).toEqual([2]);
  });

  it("leaves out a person who may no longer hold it, without falling back to an older row", () => {
    const rows = [row(1, 1, 10, 101, "1T10:00:00"), row(2, 1, 10, 102, "2T10:00:00")];
    expect(currentOwnerRows(rows, (r) => r.userId !== 102)).toEqual([]);
    expect(currentOwnerRows(rows, () => true).map((r) => r.userId)).toEqual([102]);
  });
});
