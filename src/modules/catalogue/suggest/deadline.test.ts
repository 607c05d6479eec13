import { describe, expect, it } from "vitest";
import { parseDeadline } from "./deadline";

const d = (raw: string | null) => parseDeadline(raw).deadline;

describe("parseDeadline", () => {
  it("reads quarters as the action plan prints them (1437, lines 232 and 547 of 942)", () => {
    expect(d("Quý I/2025")).toEqual({ kind: "QUARTER", year: 2025, quarter: 1 });
    expect(d("Quý IV/2024")).toEqual({ kind: "QUARTER", year: 2024, quarter: 4 });
    expect(d("Quý IV năm 2021")).toEqual({ kind: "QUARTER", year: 2021, quarter: 4 });
    expect(d("quý 3/2025")).toEqual({ kind: "QUARTER", year: 2025, quarter: 3 });
  });

  it("reads periods and single years (411, 942)", () => {
    expect(d("2022 - 2025")).toEqual({ kind: "PERIOD", from: 2022, to: 2025 });
    expect(d("2021 – 2023")).toEqual({ kind: "PERIOD", from: 2021, to: 2023 });
    expect(d("Giai đoạn 2021-2025")).toEqual({ kind: "PERIOD", from: 2021, to: 2025 });
    expect(d("Từ năm 2022 đến năm 2025")).toEqual({ kind: "PERIOD", from: 2022, to: 2025 });
    expect(d("2021")).toEqual({ kind: "YEAR", year: 2021 });
    expect(d("Năm 2025")).toEqual({ kind: "YEAR", year: 2025 });
  });

  it("reads recurring deadlines (1437, line 281)", () => {
    expect(d("Hằng năm")).toEqual({ kind: "RECURRING", every: "YEAR" });
    expect(d("Hàng năm")).toEqual({ kind: "RECURRING", every: "YEAR" });
    expect(d("Thường xuyên")).toEqual({ kind: "RECURRING", every: "CONTINUOUS" });
  });

  it("a month becomes its quarter, and says so", () => {
    expect(parseDeadline("Tháng 6/2025")).toEqual({
      deadline: { kind: "QUARTER", year: 2025, quarter: 2 },
      note: expect.stringMatching(/month/),
    });
  });

  it("an empty cell is no deadline; an unreadable one is no deadline with a note (411, line 2974)", () => {
    expect(parseDeadline(null)).toEqual({ deadline: { kind: "NONE" }, note: null });
    expect(parseDeadline("  ")).toEqual({ deadline: { kind: "NONE" }, note: null });
    expect(parseDeadline("Khi có yêu cầu")).toEqual({ deadline: { kind: "NONE" }, note: expect.any(String) });
  });

  it("notes what it reads past", () => {
    expect(parseDeadline("2023 và các năm tiếp theo")).toEqual({
      deadline: { kind: "YEAR", year: 2023 },
      note: expect.stringMatching(/continues/),
    });
    expect(parseDeadline("2022 - 2025 và những năm tiếp theo").note).toMatch(/more than the period/);
  });
});
