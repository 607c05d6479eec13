import { describe, expect, it } from "vitest";
import { matchesText, parseTaskFilters, taskFiltersQuery } from "./filters";

describe("task filters", () => {
  it("keeps valid values and drops invalid ones instead of failing", () => {
    expect(
      parseTaskFilters({ decision: "411-2022", agency: "BKHCN", status: "OVERDUE", q: "  dữ liệu ", page: "3" }),
    ).toEqual({
      decision: "411-2022",
      agency: "BKHCN",
      status: "OVERDUE",
      q: "dữ liệu",
      page: 3,
    });
    expect(parseTaskFilters(new URLSearchParams("decision=../x&agency=bkhcn&status=LATE&page=-2&q="))).toEqual({
      page: 1,
    });
  });

  it("round-trips through the query string", () => {
    const f = parseTaskFilters({ decision: "942-2021", status: "IN_PROGRESS", q: "cổng dịch vụ", page: "2" });
    expect(parseTaskFilters(new URLSearchParams(taskFiltersQuery(f).slice(1)))).toEqual(f);
    expect(taskFiltersQuery({ page: 1 })).toBe("");
  });

  it("finds every word of a search in any field, ignoring case and Vietnamese diacritics", () => {
    const fields = ["Xây dựng Cổng dịch vụ công quốc gia", "Văn phòng Chính phủ"];
    expect(matchesText(fields, "cổng dịch vụ")).toBe(true);
    expect(matchesText(fields, "cong dich vu chinh phu")).toBe(true);
    expect(matchesText(fields, "ĐƯỜNG")).toBe(false);
    expect(matchesText(fields, undefined)).toBe(true);
  });
});
