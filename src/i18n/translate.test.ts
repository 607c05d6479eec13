import { describe, expect, it } from "vitest";
import { msg, translate } from "./translate";

describe("messages by key", () => {
  it("translates a key with its parameters, formatting numbers and times per language", () => {
    const m = msg("errors.reporting.stale", {
      who: msg("errors.reporting.someoneElse"),
      at: new Date("2026-12-03T07:05:00Z"),
      value: msg("errors.reporting.valueWithUnit", { value: 1000.5, unit: "%" }),
    });
    expect(translate("vi", m)).toBe(
      "Người khác đã lưu mục này lúc 03/12/2026 14:05 (giá trị hiện tại: 1.000,5%). Thay đổi của bạn chưa được lưu: hãy xem giá trị mới rồi lưu lại.",
    );
    expect(translate("en", m)).toBe(
      "Someone else saved this item at 3 Dec 2026, 14:05 (current value: 1,000.5%). Your change was not saved: look at the new value, then save again.",
    );
  });

  it("passes literal text through and joins a list of messages", () => {
    expect(translate("en", "Hà Nội")).toBe("Hà Nội");
    expect(
      translate(
        "en",
        msg("errors.reporting.itemLine", { label: "X", reasons: [msg("errors.reporting.valueRequired"), "(y)"] }),
      ),
    ).toBe("X: Please enter a value before submitting. (y)");
  });
});
