import { describe, expect, it } from "vitest";
import { backupDue, lastSlot, nextSlot, parseBackupAt, toPrune } from "./backup-schedule";

const at2 = parseBackupAt("02:00")!;

describe("nightly backup schedule (Vietnam time, UTC+7)", () => {
  it("reads HH:MM and off, and refuses anything else", () => {
    expect(parseBackupAt("02:00")).toBe(120);
    expect(parseBackupAt("23:59")).toBe(23 * 60 + 59);
    expect(parseBackupAt("off")).toBeNull();
    expect(() => parseBackupAt("24:00")).toThrow(/BACKUP_AT/);
    expect(() => parseBackupAt("2am")).toThrow(/BACKUP_AT/);
  });

  it("02:00 in Hà Nội is 19:00 UTC the day before", () => {
    expect(lastSlot(new Date("2027-06-15T03:00:00Z"), at2).toISOString()).toBe("2027-06-14T19:00:00.000Z");
    expect(lastSlot(new Date("2027-06-14T18:59:59Z"), at2).toISOString()).toBe("2027-06-13T19:00:00.000Z");
    expect(lastSlot(new Date("2027-06-14T19:00:00Z"), at2).toISOString()).toBe("2027-06-14T19:00:00.000Z");
    expect(nextSlot(new Date("2027-06-15T03:00:00Z"), at2).toISOString()).toBe("2027-06-15T19:00:00.000Z");
    // Across a year end.
    expect(lastSlot(new Date("2027-01-01T00:30:00Z"), at2).toISOString()).toBe("2026-12-31T19:00:00.000Z");
  });

  it("is due once per night: not before the slot, at it, and not again after a success", () => {
    const startedAt = new Date("2027-06-14T10:00:00Z");
    expect(backupDue({ now: new Date("2027-06-14T18:59:00Z"), at: at2, lastSuccessAt: null, startedAt })).toBe(false);
    expect(backupDue({ now: new Date("2027-06-14T19:00:30Z"), at: at2, lastSuccessAt: null, startedAt })).toBe(true);
    expect(
      backupDue({
        now: new Date("2027-06-14T19:05:00Z"),
        at: at2,
        lastSuccessAt: new Date("2027-06-14T19:00:30Z"),
        startedAt,
      }),
    ).toBe(false);
    expect(
      backupDue({
        now: new Date("2027-06-15T19:00:30Z"),
        at: at2,
        lastSuccessAt: new Date("2027-06-14T19:00:30Z"),
        startedAt,
      }),
    ).toBe(true);
    expect(backupDue({ now: new Date("2027-06-15T19:00:30Z"), at: null, lastSuccessAt: null, startedAt })).toBe(false);
  });

  it("a first start takes no backup at once; a portal that missed a night catches up", () => {
    const now = new Date("2027-06-15T03:00:00Z");
    expect(backupDue({ now, at: at2, lastSuccessAt: null, startedAt: new Date("2027-06-15T02:59:00Z") })).toBe(false);
    expect(
      backupDue({
        now,
        at: at2,
        lastSuccessAt: new Date("2027-06-12T19:00:00Z"),
        startedAt: new Date("2027-06-15T02:59:00Z"),
      }),
    ).toBe(true);
  });

  it("retention keeps the newest N by name (names are times)", () => {
    const names = [
      "cds-2027-06-12T19-00-00-000Z.jsonl.gz",
      "cds-2027-06-14T19-00-00-000Z.jsonl.gz",
      "cds-2027-06-13T19-00-00-000Z.jsonl.gz",
    ];
    expect(toPrune(names, 2)).toEqual(["cds-2027-06-12T19-00-00-000Z.jsonl.gz"]);
    expect(toPrune(names, 14)).toEqual([]);
    expect(toPrune(names, 0)).toHaveLength(2);
  });
});
