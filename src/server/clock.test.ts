import { describe, expect, it } from "vitest";
import { openQuarter, TEST_NOW } from "../../tests/support/periods";
import { clockNow, today } from "./clock";

describe("the portal's clock", () => {
  it("starts at NOW (set by the test setup) and runs on from there", async () => {
    const a = clockNow().getTime();
    expect(Math.abs(a - Date.parse(TEST_NOW))).toBeLessThan(10 * 60_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(clockNow().getTime()).toBeGreaterThan(a);
    expect(today()).toBe(TEST_NOW.slice(0, 10));
  });
});

describe("the quarter open for reporting", () => {
  it("is the oldest one not yet locked by the default dates", () => {
    expect(openQuarter(new Date("2026-12-03T03:00:00Z"))).toMatchObject({ key: "2026-Q3", labelVi: "Quý III/2026" });
    // Q3/2026 locks on 29/01/2027; Q4/2026 on 01/05/2027.
    expect(openQuarter(new Date("2027-01-28T12:00:00Z")).key).toBe("2026-Q3");
    expect(openQuarter(new Date("2027-01-29T00:00:00Z")).key).toBe("2026-Q4");
    expect(openQuarter(new Date("2027-06-15T10:00:00Z"))).toMatchObject({ key: "2027-Q1", labelVi: "Quý I/2027" });
    expect(openQuarter(new Date("2030-01-15T10:00:00Z"))).toMatchObject({ key: "2029-Q3", labelVi: "Quý III/2029" });
  });
});
