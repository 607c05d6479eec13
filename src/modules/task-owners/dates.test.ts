import { describe, expect, it } from "vitest";
import { dueDateText, parseDueDate } from "./dates";

const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("parseDueDate", () => {
  it("reads Vietnamese day-first dates and the browser's ISO form", () => {
    expect(iso(parseDueDate("05/03/2027"))).toBe("2027-03-05");
    expect(iso(parseDueDate("5/3/2027"))).toBe("2027-03-05");
    expect(iso(parseDueDate(" 5-3-2027 "))).toBe("2027-03-05");
    expect(iso(parseDueDate("5.3.2027"))).toBe("2027-03-05");
    expect(iso(parseDueDate("2027-03-05"))).toBe("2027-03-05");
  });

  it("refuses days that do not exist instead of rolling them over", () => {
    expect(parseDueDate("31/02/2027")).toBeNull();
    expect(parseDueDate("29/02/2027")).toBeNull();
    expect(iso(parseDueDate("29/02/2028"))).toBe("2028-02-29");
    expect(parseDueDate("00/01/2027")).toBeNull();
    expect(parseDueDate("01/13/2027")).toBeNull();
    expect(parseDueDate("2027-02-30")).toBeNull();
  });

  it("refuses month-first, two-digit years, far years and anything else", () => {
    for (const s of [
      "",
      "   ",
      "03/2027",
      "5/3/27",
      "05/03/0202",
      "05/03/2101",
      "2027-3-5",
      "mai",
      "1e3",
      "05/03/2027x",
    ])
      expect(parseDueDate(s), s).toBeNull();
    expect(parseDueDate("\uff10\uff15/03/2027")).toBeNull();
    expect(parseDueDate("05\u200b/03/2027")).toBeNull();
  });

  it("writes a stored day back as the form shows it", () => {
    expect(dueDateText(new Date("2027-03-05T00:00:00Z"))).toBe("05/03/2027");
    expect(dueDateText(null)).toBe("");
    expect(dueDateText(parseDueDate(dueDateText(new Date("2030-12-31T00:00:00Z"))))).toBe("31/12/2030");
  });
});
