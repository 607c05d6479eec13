import { describe, expect, it } from "vitest";
import type { MilestoneStatus } from "@/lib/status";
import type { TargetStatus } from "@/modules/statuses/filter";
import { smallMultiple, statusStacks, tasksByAgency } from "./charts";

const target = (o: {
  documentKey: string;
  year: number;
  value: number;
  effective: MilestoneStatus;
  scopeKind?: string;
  pillar?: TargetStatus["pillar"];
}) =>
  ({
    indicatorId: 1,
    documentNumber: `${o.documentKey.split("-")[0]}/QĐ-TTg`,
    comparator: "GTE",
    scopeKind: "NATIONAL",
    pillar: "DIGITAL_ECONOMY",
    ...o,
  }) as unknown as TargetStatus;

const gdpShare = { id: 1, code: "gdp-share", nameVi: "Tỷ trọng", nameEn: "Share", unit: "%", kind: "PERCENT" };
const labels = {
  actual: "Thực tế",
  path: "Lộ trình đến {target}",
  summary: "Từ {from} đến {to}, mới nhất {latest}; ngưỡng: {thresholds}.",
  noData: "Chưa có",
};

describe("small multiples", () => {
  const targets = [
    target({ documentKey: "411-2022", year: 2025, value: 20, effective: "MISSED" }),
    target({ documentKey: "749-2020", year: 2025, value: 20, effective: "MISSED" }),
    target({ documentKey: "411-2022", year: 2030, value: 30, effective: "LIMITED_PROGRESS" }),
    target({ documentKey: "411-2022", year: 2030, value: 5, effective: "ACHIEVED", scopeKind: "PER_UNIT" }),
  ];
  const x = smallMultiple({
    lang: "vi",
    indicator: gdpShare,
    targets,
    actual: [
      { t: 2023.25, value: 12.3, label: "Quý I/2023" },
      { t: 2026.5, value: 14.5, label: "Quý II/2026" },
    ],
    sources: [{ code: "NSO", name: "Cục Thống kê", points: [{ t: 2023, value: 12.83, label: "2022" }] }],
    labels,
  });

  it("draws every decision's national thresholds once per value, each with its status", () => {
    expect(x.thresholds.map((t) => [t.document, t.year, t.text, t.status])).toEqual([
      ["411/QĐ-TTg", 2025, "≥ 20%", "MISSED"],
      ["749/QĐ-TTg", 2025, "≥ 20%", "MISSED"],
      ["411/QĐ-TTg", 2030, "≥ 30%", "LIMITED_PROGRESS"],
    ]);
    expect(x.geometry.targets.map((t) => [t.t, t.value])).toEqual([
      [2026, 20],
      [2031, 30],
    ]);
    expect(x.geometry.thresholdLabels.map((l) => l.text)).toEqual(["2025 ≥ 20%", "2030 ≥ 30%"]);
    expect(x.status).toBe("MISSED");
  });

  it("draws the required path to each threshold and every source in the rows recharts reads", () => {
    expect(x.series.map((s) => [s.key, s.kind])).toEqual([
      ["actual", "actual"],
      ["source0", "source"],
      ["path0", "path"],
      ["path1", "path"],
    ]);
    const at = (t: number) => x.rows.find((r) => r.t === t)!;
    expect(at(2023).source0).toBe(12.83);
    expect(at(2023.25)).toMatchObject({ actual: 12.3, path0: 12.3, path1: 12.3, label: "Quý I/2023" });
    expect(at(2031).path1).toBe(30);
    // The value axis holds the series and the thresholds, not 0–100.
    expect(x.geometry.yDomain[0]).toBeGreaterThanOrEqual(10);
    expect(x.geometry.yDomain[1]).toBeLessThan(50);
  });

  it("writes its text alternative and tick labels in the page's language", () => {
    expect(x.summary).toBe(
      "Từ 2022 đến Quý II/2026, mới nhất 14,5%; ngưỡng: 411/QĐ-TTg 2025 ≥ 20%; 749/QĐ-TTg 2025 ≥ 20%; 411/QĐ-TTg 2030 ≥ 30%.",
    );
    const small = smallMultiple({
      lang: "vi",
      indicator: gdpShare,
      targets: [],
      actual: [
        { t: 2024.25, value: 1.2, label: "Quý I/2024" },
        { t: 2024.5, value: 1.9, label: "Quý II/2024" },
      ],
      sources: [],
      labels,
    });
    expect(small.yLabels).toContain("1,2%");
    expect(small.yLabels.every((l) => !l.includes("."))).toBe(true);
    const none = smallMultiple({ lang: "en", indicator: gdpShare, targets: [], actual: [], sources: [], labels });
    expect(none.summary).toBe("Chưa có");
    expect(none.status).toBe("NO_DATA");
  });
});

describe("status and task bars", () => {
  it("counts each milestone's statuses per group, in the groups' order", () => {
    const rows = [
      target({ documentKey: "411-2022", year: 2030, value: 1, effective: "ON_TRACK" }),
      target({ documentKey: "411-2022", year: 2030, value: 1, effective: "ON_TRACK", pillar: "FOUNDATION" }),
      target({ documentKey: "411-2022", year: 2030, value: 1, effective: "MISSED" }),
      target({ documentKey: "411-2022", year: 2025, value: 1, effective: "MISSED" }),
    ];
    const groups = [
      { key: "FOUNDATION", label: "Nền tảng" },
      { key: "DIGITAL_ECONOMY", label: "Kinh tế số" },
      { key: "DIGITAL_SOCIETY", label: "Xã hội số" },
    ];
    expect(statusStacks(rows, 2030, groups, (t) => t.pillar)).toEqual([
      { key: "FOUNDATION", label: "Nền tảng", total: 1, ON_TRACK: 1 },
      { key: "DIGITAL_ECONOMY", label: "Kinh tế số", total: 2, ON_TRACK: 1, MISSED: 1 },
    ]);
  });

  it("counts task statuses per lead agency in the view, the busiest first", () => {
    const t = (agencyId: number, agencyCode: string, documentKey: string, status: "OVERDUE" | "DONE_ON_TIME") => ({
      agencyId,
      agencyCode,
      documentKey,
      status,
    });
    const rows = [
      t(1, "BTC", "411", "OVERDUE"),
      t(2, "BCA", "411", "DONE_ON_TIME"),
      t(2, "BCA", "411", "OVERDUE"),
      t(2, "BCA", "942", "OVERDUE"),
    ];
    expect(tasksByAgency(rows, {})).toEqual([
      { code: "BCA", total: 3, DONE_ON_TIME: 1, OVERDUE: 2 },
      { code: "BTC", total: 1, OVERDUE: 1 },
    ]);
    expect(tasksByAgency(rows, { decision: "942" })).toEqual([{ code: "BCA", total: 1, OVERDUE: 1 }]);
    expect(tasksByAgency(rows, { agencyId: 1 })).toEqual([{ code: "BTC", total: 1, OVERDUE: 1 }]);
    expect(tasksByAgency(rows, {}, 1)).toHaveLength(1);
  });
});
