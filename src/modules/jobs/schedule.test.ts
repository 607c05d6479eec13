import { describe, expect, it } from "vitest";
import { defaultPeriodDates } from "@/lib/periods";
import { digestAt, remindersDue, ownerRemindersDue, vnDay, type PeriodRow } from "./schedule";

// Q3 2026 by the default calendar: opens 1/10/2026, due 30/11/2026, locks 29/1/2027.
const q3: PeriodRow = { year: 2026, quarter: 3, ...defaultPeriodDates(2026, 3) };
const q4: PeriodRow = { year: 2026, quarter: 4, ...defaultPeriodDates(2026, 4) };
const keys = (at: string) => remindersDue([q3, q4], new Date(at)).map((r) => r.key);

describe("which reminders are due", () => {
  it("says the quarter opened while more than five days remain", () => {
    expect(keys("2026-10-01T00:00:00Z")).toEqual(["period-open:2026-Q3"]);
    // 06:59 in Vietnam: before the reviewers' daily reminder.
    expect(keys("2026-11-24T23:59:59Z")).toEqual(["period-open:2026-Q3"]);
    expect(keys("2026-11-24T03:00:00Z")).toEqual(["period-open:2026-Q3", "waiting:2026-11-24"]);
  });

  it("reminds five days before the deadline, until the deadline", () => {
    expect(q3.dueAt.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(keys("2026-11-25T00:00:00Z")).toEqual(["due-soon:2026-Q3"]);
    expect(keys("2026-11-24T23:59:59Z")).not.toContain("due-soon:2026-Q3");
    expect(keys("2026-11-30T00:00:00Z")).toEqual(["due-soon:2026-Q3"]);
    expect(keys("2026-11-30T00:00:01Z")).toEqual(["overdue:2026-Q3"]);
  });

  it("says overdue once per period, and tells reviewers which agencies are late once a day from 08:00", () => {
    expect(keys("2026-12-03T00:30:00Z")).toEqual(["overdue:2026-Q3"]);
    expect(keys("2026-12-03T03:00:00Z")).toEqual([
      "overdue:2026-Q3",
      "agencies-late:2026-Q3:2026-12-03",
      "waiting:2026-12-03",
    ]);
  });

  it("stays quiet once the period locks and before the next opens", () => {
    expect(keys("2027-01-29T00:00:00Z").filter((k) => k.includes("2026-Q3"))).toEqual([]);
    expect(keys("2026-12-31T23:00:00Z").filter((k) => k.includes("2026-Q4"))).toEqual([]);
  });

  it("counts days in Vietnam time", () => {
    expect(vnDay(new Date("2026-12-03T16:59:59Z"))).toBe("2026-12-03");
    expect(vnDay(new Date("2026-12-03T17:00:00Z"))).toBe("2026-12-04");
    expect(digestAt(new Date("2026-12-03T20:00:00Z")).toISOString()).toBe("2026-12-04T00:00:00.000Z");
  });
});

describe("reminders to the person named on a task", () => {
  const owner = { taskId: 7, agencyId: 3, userId: 11, dueOn: new Date("2027-03-31T00:00:00Z") };
  const at = (iso: string) => ownerRemindersDue([owner], new Date(iso)).map((r) => r.key);

  it("reminds within the five days before the internal deadline, its whole day in Vietnam included", () => {
    // 31/03 ends at 23:59 Vietnam time = 16:59 UTC; five days before that is 26/03 16:59 UTC.
    expect(at("2027-03-26T16:00:00Z")).toEqual([]);
    expect(at("2027-03-26T17:30:00Z")).toEqual(["owner-due-soon:7:3:11:2027-03-31"]);
    expect(at("2027-03-31T16:30:00Z")).toEqual(["owner-due-soon:7:3:11:2027-03-31"]);
  });

  it("says once it is past, for a week, then nothing", () => {
    expect(at("2027-03-31T17:30:00Z")).toEqual(["owner-overdue:7:3:11:2027-03-31"]);
    expect(at("2027-04-07T16:00:00Z")).toEqual(["owner-overdue:7:3:11:2027-03-31"]);
    expect(at("2027-04-07T18:00:00Z")).toEqual([]);
  });

  it("names the person and the deadline in the key, so a new person or deadline is reminded again", () => {
    const other = ownerRemindersDue(
      [owner, { ...owner, userId: 12 }, { ...owner, dueOn: new Date("2027-04-02T00:00:00Z") }],
      new Date("2027-03-30T03:00:00Z"),
    ).map((r) => r.key);
    expect(new Set(other).size).toBe(3);
  });
});
