import { describe, expect, it } from "vitest";
import { parsePreferencesForm, preferencesForm } from "@/modules/notifications/schemas";
import { COMMENT_MAX, commentForm, parseCommentForm } from "./schemas";

const fd = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const parse = (entries: [string, string][]) => commentForm.safeParse(parseCommentForm(fd(entries)));
const issues = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => i.message));

describe("the comment form", () => {
  const item: [string, string][] = [
    ["kind", "obs"],
    ["id", "12"],
  ];

  it("keeps the text, trimmed", () => {
    const r = parse([...item, ["body", "  Đã bổ sung.\n"]]);
    expect(r.success && r.data).toEqual({ kind: "obs", id: 12, body: "Đã bổ sung." });
  });

  it("counts characters, not UTF-16 units: 2,000 emoji fit, 2,001 letters do not", () => {
    expect(parse([...item, ["body", "👍".repeat(COMMENT_MAX)]]).success).toBe(true);
    expect(issues(parse([...item, ["body", "a".repeat(COMMENT_MAX + 1)]]))).toEqual([
      "Bình luận tối đa 2.000 ký tự (hiện có 2.001).",
    ]);
  });

  it("refuses a comment of nothing but spaces and invisible characters", () => {
    for (const body of ["", " \n\t", "\u200b\u2060\ufeff"])
      expect(issues(parse([...item, ["body", body]]))).toEqual(["Vui lòng nhập nội dung bình luận."]);
  });

  it("refuses control characters", () => {
    expect(issues(parse([...item, ["body", "a\u0000b"]]))).toEqual([
      "Bình luận chứa ký tự không hợp lệ (ký tự điều khiển hoặc mã Unicode hỏng).",
    ]);
  });

  it("refuses a field sent twice instead of choosing one", () => {
    expect(parse([...item, ["body", "a"], ["body", "b"]]).success).toBe(false);
    expect(
      parse([
        ["kind", "obs"],
        ["id", "1"],
        ["id", "2"],
        ["body", "a"],
      ]).success,
    ).toBe(false);
  });
});

describe("the preferences form", () => {
  it("reads a ticked box as email, an unticked one as none", () => {
    const r = preferencesForm.safeParse(
      parsePreferencesForm(
        fd([
          ["review.email", "on"],
          ["review.cadence", "instant"],
          ["deadline.cadence", "daily"],
          ["comment.cadence", "daily"],
          ["queue.cadence", "daily"],
          ["assignment.cadence", "daily"],
        ]),
      ),
    );
    expect(r.success && r.data.review).toEqual({ email: true, cadence: "instant" });
    expect(r.success && r.data.deadline).toEqual({ email: false, cadence: "daily" });
  });

  it("refuses a missing or unknown cadence", () => {
    expect(preferencesForm.safeParse(parsePreferencesForm(fd([["review.cadence", "weekly"]]))).success).toBe(false);
  });
});
