import { describe, expect, it } from "vitest";
import { backupHealth } from "./rules";

const now = new Date("2027-06-15T03:00:00Z");
const h = (hours: number) => new Date(now.getTime() - hours * 3600_000);

describe("backup health shown to administrators", () => {
  it("ok within 36 hours, overdue after", () => {
    expect(backupHealth(now, h(8), { at: h(8).toISOString(), ok: true }).kind).toBe("ok");
    expect(backupHealth(now, h(35.9), null).kind).toBe("ok");
    expect(backupHealth(now, h(36.1), null)).toMatchObject({ kind: "overdue", ageMs: 36.1 * 3600_000 });
  });

  it("a failure after the latest good backup is shown first; an older failure is history", () => {
    expect(backupHealth(now, h(32), { at: h(8).toISOString(), ok: false, error: "disk full" })).toMatchObject({
      kind: "failed",
      error: "disk full",
    });
    expect(backupHealth(now, null, { at: h(8).toISOString(), ok: false, error: "x" }).kind).toBe("failed");
    expect(backupHealth(now, h(8), { at: h(32).toISOString(), ok: false, error: "x" }).kind).toBe("ok");
  });

  it("no backup yet is its own state", () => {
    expect(backupHealth(now, null, null)).toEqual({ kind: "none" });
  });
});
