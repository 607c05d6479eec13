import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT, OTHER_BODY_LIMIT, bodyLimit, checkBody } from "./body-limit";

describe("front server body caps", () => {
  it("caps sign-in at a few KB, even with a Next-Action header", () => {
    expect(bodyLimit("/api/auth/callback/credentials", {})).toBe(AUTH_BODY_LIMIT);
    expect(bodyLimit("/api/auth/callback/credentials?x=1", { "next-action": "abc" })).toBe(AUTH_BODY_LIMIT);
    expect(AUTH_BODY_LIMIT).toBeLessThanOrEqual(16 * 1024);
  });

  it("leaves server actions (uploads among them) to Next's own limit, caps every other path", () => {
    expect(bodyLimit("/vi/reporting/import", { "next-action": "abc" })).toBeNull();
    expect(bodyLimit("/api/v1/reporting/observations", {})).toBe(OTHER_BODY_LIMIT);
    expect(bodyLimit("/vi", {})).toBe(OTHER_BODY_LIMIT);
  });

  it("decides from the headers, before reading the body", () => {
    const auth = "/api/auth/callback/credentials";
    expect(checkBody(auth, { "content-length": String(200 * 1024 * 1024) })).toEqual({ ok: false, status: 413 });
    expect(checkBody(auth, { "content-length": String(AUTH_BODY_LIMIT + 1) })).toEqual({ ok: false, status: 413 });
    expect(checkBody(auth, { "content-length": "12abc" })).toEqual({ ok: false, status: 413 });
    expect(checkBody(auth, { "content-length": "300" })).toEqual({ ok: true });
    expect(checkBody(auth, { "transfer-encoding": "chunked" })).toEqual({ ok: false, status: 411 });
    expect(checkBody(auth, {})).toEqual({ ok: true });
    expect(checkBody("/vi/reporting", { "next-action": "x", "transfer-encoding": "chunked" })).toEqual({ ok: true });
  });
});
