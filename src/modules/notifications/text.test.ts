import { describe, expect, it } from "vitest";
import { notificationText, quote, QUOTE_MAX } from "./text";

describe("notificationText", () => {
  const returned = { item: "Tỷ lệ hồ sơ", itemEn: "Share of records", year: 2026, quarter: 3, comment: "Thiếu nguồn" };

  it("words a return in Vietnamese with the quarter as Vietnamese write it", () => {
    expect(notificationText("vi", "RETURNED", returned)).toBe(
      "Mục “Tỷ lệ hồ sơ” (Quý III/2026) bị trả lại: Thiếu nguồn",
    );
  });

  it("uses the English name and quarter for an English reader", () => {
    expect(notificationText("en", "RETURNED", returned)).toBe("“Share of records” (Q3 2026) was returned: Thiếu nguồn");
  });

  it("falls back to the Vietnamese name when there is no English one", () => {
    expect(notificationText("en", "APPROVED", { item: "Nhiệm vụ 5", year: 2026, quarter: 3 })).toContain("Nhiệm vụ 5");
  });

  it("shows a stored period label as is, and counts the reader's way", () => {
    expect(notificationText("vi", "AGENCIES_LATE", { period: "Quý III/2026", count: 1200 })).toBe(
      "1.200 cơ quan chưa nộp báo cáo Quý III/2026.",
    );
  });

  it("survives damaged parameters and unknown kinds", () => {
    expect(notificationText("vi", "APPROVED", null)).toBe("Mục “” () đã được duyệt.");
    expect(notificationText("vi", "APPROVED", { item: 5, year: "x", quarter: 9 })).toBe("Mục “” () đã được duyệt.");
    expect(notificationText("vi", "SOMETHING_NEW", {})).toBe("SOMETHING_NEW");
    expect(notificationText("vi", "toString", {})).toBe("toString");
  });

  it("leaves placeholders typed into a comment alone", () => {
    expect(notificationText("vi", "COMMENT", { who: "An", item: "X", year: 2026, quarter: 1, comment: "{who}" })).toBe(
      "An bình luận về “X” (Quý I/2026): {who}",
    );
  });
});

describe("quote", () => {
  it("keeps short comments whole and trims spaces", () => {
    expect(quote("  Đề nghị bổ sung  ")).toBe("Đề nghị bổ sung");
    expect(quote(null)).toBe("");
  });

  it("cuts long comments on whole characters", () => {
    const q = quote("😀".repeat(QUOTE_MAX + 10));
    expect([...q]).toHaveLength(QUOTE_MAX);
    expect(q.endsWith("😀…")).toBe(true);
  });
});
