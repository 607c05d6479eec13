import { describe, expect, it } from "vitest";
import { afterFailure, backoffMs, BACKOFF_CAP_MS } from "./backoff";

describe("backoff", () => {
  it("doubles from 30 seconds and stops at an hour", () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(7)).toBe(1_920_000);
    // 30 s × 2⁷ would be 64 minutes: the hour cap applies.
    expect(backoffMs(8)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(10_000)).toBe(BACKOFF_CAP_MS);
  });

  it("reads nonsense as a first failure", () => {
    expect(backoffMs(0)).toBe(30_000);
    expect(backoffMs(Number.NaN)).toBe(30_000);
    expect(backoffMs(-3)).toBe(30_000);
  });

  it("retries until the last attempt, then gives up", () => {
    const now = new Date("2026-11-25T00:00:00Z");
    expect(afterFailure(0, 3, now)).toEqual({ attempts: 1, runAt: new Date("2026-11-25T00:00:30Z"), failed: false });
    expect(afterFailure(1, 3, now)).toEqual({ attempts: 2, runAt: new Date("2026-11-25T00:01:00Z"), failed: false });
    expect(afterFailure(2, 3, now)).toEqual({ attempts: 3, runAt: null, failed: true });
  });
});
