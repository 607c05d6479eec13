import { describe, expect, it } from "vitest";
import { getMessages } from "@/i18n/messages";
import { deadlineText } from "./deadline";

const none = {
  deadlineRaw: null,
  deadlineYear: null,
  deadlineQuarter: null,
  deadlineFrom: null,
  deadlineTo: null,
  deadlineEvery: null,
};

describe("deadlineText", () => {
  it("writes each kind of deadline in the page's language", () => {
    const vi = getMessages("vi");
    const en = getMessages("en");
    expect(deadlineText({ ...none, deadlineKind: "YEAR", deadlineYear: 2025 }, "vi", vi)).toBe("2025");
    expect(deadlineText({ ...none, deadlineKind: "PERIOD", deadlineFrom: 2022, deadlineTo: 2025 }, "en", en)).toBe(
      "2022–2025",
    );
    expect(deadlineText({ ...none, deadlineKind: "RECURRING", deadlineEvery: "CONTINUOUS" }, "vi", vi)).toBe(
      vi.task.recurring.CONTINUOUS,
    );
    expect(deadlineText({ ...none, deadlineKind: "RECURRING" }, "en", en)).toBe(en.task.recurring.YEAR);
    expect(deadlineText({ ...none, deadlineKind: "NONE" }, "vi", vi)).toBe("Không ghi thời hạn");
    expect(deadlineText({ ...none, deadlineKind: "QUARTER", deadlineYear: 2026, deadlineQuarter: 2 }, "vi", vi)).toBe(
      "Quý II/2026",
    );
  });
});
