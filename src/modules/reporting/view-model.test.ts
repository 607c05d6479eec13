import { describe, expect, it } from "vitest";
import { vi as messages } from "@/messages/vi";
import { defaultPeriodDates } from "./rules";
import type { IndicatorItem } from "./queries";
import { indicatorRowView, targetsSummary, tasksQuery } from "./view-model";

const target = (year: number, comparator: string, value: number, scopeKind = "NATIONAL") => ({
  year,
  comparator,
  value,
  scopeKind,
  scopeLevel: null,
  document: { numberCanonical: null },
});

describe("the workspace's view of its rows", () => {
  it("sums up the national 2025 and 2030 targets, once each, ignoring local ones", () => {
    expect(
      targetsSummary(
        [
          target(2025, "GTE", 80),
          target(2025, "GTE", 80),
          target(2030, "EQ", 100),
          target(2030, "GTE", 50, "PROVINCE"),
        ],
        "%",
        "PERCENT",
        "vi",
      ),
    ).toBe("2025: ≥ 80% · 2030: = 100%");
    expect(targetsSummary([target(2030, "GTE", 50, "PROVINCE")], "%", "PERCENT", "en")).toBe("—");
  });

  it("shows a stored value the way a reporter types it, and whether the row is still editable", () => {
    const period = defaultPeriodDates(2026, 3);
    const item = {
      indicator: {
        id: 7,
        code: "x",
        nameVi: "Tên",
        nameEn: "Name",
        kind: "PERCENT",
        unit: "%",
        minValue: 0,
        maxValue: 100,
      },
      targets: [],
      current: {
        id: 3,
        version: 2,
        value: 1234.5,
        state: "SUBMITTED",
        reopened: false,
        source: null,
        note: null,
        explanation: null,
        evidenceUrl: "https://a.vn",
        reviewComment: null,
        late: true,
        illustrative: false,
      },
      previousValue: null,
      state: "SUBMITTED",
    } as unknown as IndicatorItem;
    const ctx = {
      lang: "vi" as const,
      r: messages.reporting,
      period,
      now: new Date(period.opensAt.getTime() + 86_400_000),
    };
    const row = indicatorRowView(item, ctx);
    expect([
      row.value,
      row.editable,
      row.version,
      row.evidenceUrl,
      row.late,
      row.meta.split(" · ")[0],
      row.title,
    ]).toEqual([
      "1.234,5",
      false,
      2,
      "https://a.vn",
      true,
      `${messages.reporting.previous}: ${messages.reporting.none}`,
      "Tên",
    ]);
    const draft = indicatorRowView({ ...item, current: { ...item.current!, state: "DRAFT" } } as IndicatorItem, {
      ...ctx,
      lang: "en",
    });
    expect([draft.value, draft.editable, draft.title, draft.detailsHref]).toEqual([
      "1,234.5",
      true,
      "Name",
      `/en/reporting/observations/${item.current!.id}`,
    ]);
  });

  it("keeps the tasks tab's filters in its links", () => {
    expect(tasksQuery({ period: "2026-Q3", agency: "HN", state: "DRAFT", q: "số" }, { page: 2 })).toBe(
      "?period=2026-Q3&agency=HN&tab=tasks&state=DRAFT&q=s%E1%BB%91&page=2",
    );
    expect(tasksQuery({ period: "2026-Q3" })).toBe("?period=2026-Q3&tab=tasks");
  });
});
