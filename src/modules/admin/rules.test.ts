import { describe, expect, it } from "vitest";
import { adminEn, adminVi } from "@/messages/admin";
import { AuthError, ForbiddenError, GENERIC_ERROR, NotFoundError, ValidationError } from "@/server/errors";
import { passwordProblems } from "@/server/password";
import { msg, translate, type Text } from "@/i18n/translate";
import {
  compactJson,
  formatDateTimeVn,
  isCurrentAgency,
  keepTimeIfSameDay,
  pageInfo,
  parseDay,
  periodDateErrors,
  vnDayRange,
} from "./rules";

const d = (s: string) => new Date(s);

describe("admin rules", () => {
  it("treats an agency as current from its start day through its end day", () => {
    const now = d("2025-02-28T20:00:00Z");
    expect(isCurrentAgency({ validFrom: null, validTo: null }, now)).toBe(true);
    expect(isCurrentAgency({ validFrom: null, validTo: d("2025-02-28") }, now)).toBe(true);
    expect(isCurrentAgency({ validFrom: null, validTo: d("2025-02-27") }, now)).toBe(false);
    expect(isCurrentAgency({ validFrom: d("2025-03-01"), validTo: null }, now)).toBe(false);
  });

  it("parses only real calendar days", () => {
    expect(parseDay("2026-03-31")?.toISOString()).toBe("2026-03-31T00:00:00.000Z");
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("31/03/2026")).toBeNull();
  });

  it("requires opens < due ≤ locks", () => {
    expect(periodDateErrors({ opensAt: d("2026-01-01"), dueAt: d("2026-02-01"), locksAt: d("2026-02-01") })).toEqual(
      {},
    );
    expect(periodDateErrors({ opensAt: d("2026-02-01"), dueAt: d("2026-02-01"), locksAt: d("2026-01-01") })).toEqual({
      dueAt: [msg("admin.server.dueAfterOpens")],
      locksAt: [msg("admin.server.locksAfterDue")],
    });
  });

  it("keeps a stored time when the day is unchanged", () => {
    const stored = d("2026-04-01T10:30:00Z");
    expect(keepTimeIfSameDay(stored, d("2026-04-01"))).toBe(stored);
    expect(keepTimeIfSameDay(stored, d("2026-04-02")).toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });

  it("formats and filters audit times in Viet Nam time (UTC+7)", () => {
    expect(formatDateTimeVn(d("2026-03-31T17:05:00Z"))).toBe("01/04/2026 00:05");
    const r = vnDayRange(d("2026-04-01"), d("2026-04-01"));
    expect(r.gte?.toISOString()).toBe("2026-03-31T17:00:00.000Z");
    expect(r.lt?.toISOString()).toBe("2026-04-01T17:00:00.000Z");
  });

  it("clamps pages and shortens JSON", () => {
    expect(pageInfo(0, 25, 3)).toEqual({ page: 1, pages: 1, skip: 0 });
    expect(pageInfo(51, 25, 9)).toEqual({ page: 3, pages: 3, skip: 50 });
    expect(compactJson(null)).toBe("—");
    expect(compactJson({ a: "x".repeat(500) }, 20)).toHaveLength(20);
  });
});

describe("admin messages", () => {
  it("has every text the admin actions can return in both languages, including those made outside the module", () => {
    const outside: Text[] = [
      ...passwordProblems(""),
      ...passwordProblems("a".repeat(201)),
      new AuthError().text,
      new ForbiddenError().text,
      new NotFoundError().text,
      new ValidationError({}).text,
    ];
    const own = Object.keys(adminVi.server).map((k) =>
      msg(`admin.server.${k}` as `admin.server.${keyof typeof adminVi.server}`),
    );
    for (const text of [...outside, ...own]) {
      const vi = translate("vi", text);
      expect(typeof text, vi).not.toBe("string");
      expect(translate("en", text), vi).not.toBe(vi);
    }
    expect(GENERIC_ERROR).toBe(translate("vi", msg("errors.generic")));
  });

  it("has an English text for every Vietnamese one", () => {
    const walk = (vi: unknown, en: unknown, path: string) => {
      if (typeof vi === "string") {
        expect(typeof en, path).toBe("string");
        expect((en as string).length, path).toBeGreaterThan(0);
        return;
      }
      for (const k of Object.keys(vi as object))
        walk((vi as Record<string, unknown>)[k], (en as Record<string, unknown>)[k], `${path}.${k}`);
    };
    walk(adminVi, adminEn, "admin");
  });
});
