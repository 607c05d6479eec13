import { describe, expect, it } from "vitest";
import { assignForm } from "./schemas";

const base = { taskId: "12", userId: "7", internalDueOn: "31/03/2027", expectedResult: " Báo cáo xong ", basedOn: "0" };

describe("the assignment form", () => {
  it("reads the Vietnamese date and trims the text", () => {
    const r = assignForm.parse(base);
    expect(r).toMatchObject({ taskId: 12, userId: 7, expectedResult: "Báo cáo xong", reason: null, basedOn: 0 });
    expect(r.internalDueOn?.toISOString().slice(0, 10)).toBe("2027-03-31");
  });

  it("a withdrawal needs no deadline or result and stores none", () => {
    const r = assignForm.parse({ taskId: "12", userId: "none", basedOn: "3", reason: "Chuyển người khác" });
    expect(r).toMatchObject({ userId: null, internalDueOn: null, expectedResult: null, reason: "Chuyển người khác" });
  });

  it("names the field of each refusal", () => {
    const fields = (input: Record<string, unknown>) => {
      const r = assignForm.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields({ ...base, internalDueOn: "31/02/2027" })).toEqual(["internalDueOn"]);
    expect(fields({ ...base, internalDueOn: "" })).toEqual(["internalDueOn"]);
    expect(fields({ ...base, expectedResult: "\u200b " })).toEqual(["expectedResult"]);
    expect(fields({ ...base, expectedResult: "x".repeat(1001) })).toEqual(["expectedResult"]);
    expect(fields({ ...base, reason: "abc" })).toEqual(["reason"]);
    expect(fields({ ...base, userId: "" })).toEqual(["userId"]);
    expect(fields({ ...base, userId: "0" })).toEqual(["userId"]);
    expect(fields({ ...base, basedOn: "-1" })).toEqual(["basedOn"]);
    expect(fields({ ...base, taskId: "2147483648" })).toEqual(["taskId"]);
  });
});
