// The status method on the seeded database: the digital economy's share of GDP is judged on the
// statistics office's series (not the ministry's estimates nor the illustrative agency values), and
// the result and the API say which source, which base, which phase and how. The portal's clock is
// the tests' (TEST_NOW, 03/12/2026): nothing here depends on the machine's date.
import { describe, expect, it } from "vitest";
import { GET as statusesGET } from "@/app/api/v1/statuses/route";
import { GET as indicatorGET } from "@/app/api/v1/indicators/[code]/route";
import { targetStatuses } from "@/modules/statuses/queries";

const base = "http://localhost";

async function statusRows(query: string) {
  const res = await statusesGET(new Request(`${base}/api/v1/statuses?${query}`));
  expect(res.status).toBe(200);
  return (await res.json()).data as any[];
}

describe("the digital economy's share of GDP, 2025, on the statistics office's series", () => {
  it("is MISSED, provisional until the office's cut-off, and names the source, base and deciding value", async () => {
    const rows = await statusRows("indicator=digital-economy-gdp-share&milestone=2025");
    const t411 = rows.find((r) => r.target === "411-2025-de-gdp-share");
    // Base: Decision 411 was issued in 2022; the office's 2022 figure as published on 03/12/2026 is the
    // 06/01/2025 revision, 12.83 %. Deciding value: 2025 = 14.02 % (release of 05/01/2026, provisional)
    // < 20 % → MISSED. Cut-off: end of 2025 + 372 days = 08/01/2027, so the result is still PROVISIONAL.
    expect(t411).toMatchObject({
      status: "MISSED",
      computed: "MISSED",
      explanation: {
        phase: "PROVISIONAL",
        final: false,
        finalFrom: "2027-01-08",
        method: "threshold",
        measure: "BOUNDED",
        periodicity: "YEAR",
        source: { code: "NSO", kind: "STATISTICS_OFFICE" },
        baseYear: 2022,
        base: { period: "2022", value: 12.83, provisional: false },
        baseShifted: false,
        latest: { period: "2025", value: 14.02, provisional: true },
        latestOutsideTargetYear: false,
        sentence: {
          en: expect.stringMatching(
            /^The target is ≥ 20% by 2025; 2025 reached only 14\.02%, so the target was missed\..*Provisional until 8 January 2027.*Source: National Statistics Office/,
          ),
          vi: expect.stringMatching(/mục tiêu không đạt\..*Kết quả tạm tính đến 08\/01\/2027/),
        },
        reason: null,
        coverage: null,
      },
    });
    // Decision 749 (2020) measures from the office's 2020 figure, 12.66 %.
    const t749 = rows.find((r) => r.target === "749-2020-2025-de-gdp-share");
    expect(t749.explanation).toMatchObject({ baseYear: 2020, base: { period: "2020", value: 12.66 } });
  });

  it("the 2030 milestone is paced in percentage points on the same series", async () => {
    const [row] = (await statusRows("indicator=digital-economy-gdp-share&milestone=2030&decision=411-2022")) as any[];
    // base 2022 = 12.83 (t0 2023.0), latest 2025 = 14.02 (t1 2026.0), ≥ 30 by 2030 (tT 2031.0):
    // achieved = 1.19 / 3 = 0.396667 pp/yr; needed = 17.17 / 8 = 2.14625 pp/yr; R = 0.1848 → 0.18
    expect(row).toMatchObject({
      computed: "LIMITED_PROGRESS",
      explanation: { phase: "IN_PROGRESS", method: "points", ratio: 0.18, source: { code: "NSO" } },
    });
    expect(row.explanation.rateNeeded).toBeCloseTo(2.14625, 10);
  });

  it("as published at the end of 2024 it read the office's series of that day: a 0.3-point dip is no move", async () => {
    const [row] = await statusRows("indicator=digital-economy-gdp-share&milestone=2025&decision=411-2022&asOf=2024-Q4");
    // On 31/12/2024 the office's 2022 figure was 12.63 % (24/11/2024) and 2023 was 12.33 % (provisional).
    // |12.33 − 12.63| = 0.3 ≤ 0.5 point: no move, R = 0 → LIMITED_PROGRESS rather than MOVING_AWAY.
    expect(row).toMatchObject({
      computed: "LIMITED_PROGRESS",
      explanation: {
        phase: "IN_PROGRESS",
        source: { code: "NSO" },
        base: { period: "2022", value: 12.63 },
        latest: { period: "2023", value: 12.33, provisional: true },
        stalled: true,
        ratio: 0,
      },
    });
  });

  it("the indicator's page in the API carries the same status and source", async () => {
    const res = await indicatorGET(new Request(`${base}/api/v1/indicators/digital-economy-gdp-share`), {
      params: Promise.resolve({ code: "digital-economy-gdp-share" }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    const t = body.data.targets.find((x: any) => x.key === "411-2025-de-gdp-share");
    expect(t.status).toMatchObject({
      computed: "MISSED",
      explanation: { phase: "PROVISIONAL", source: { code: "NSO" }, latest: { value: 14.02 } },
    });
  });
});

describe("targets the national series cannot judge", () => {
  it("a subgroup target (15 and over) says there is no series for its group", async () => {
    const all = await targetStatuses();
    const sub = all.find((t) => t.targetKey === "411-2025-payment-account-15plus-share")!;
    expect(sub.computed.status).toBe("NO_DATA");
    expect(sub.computed.explanation.reason).toBe("NO_SUBGROUP_SERIES");
    expect(sub.source).toBeNull();
  });

  it("a ministry/province-level floor is judged on the agencies assigned it, N of M", async () => {
    const all = await targetStatuses();
    const floor = all.find((t) => t.targetKey === "749-2020-2030-work-records-online-central-province")!;
    // The demo assigns the indicator to Hà Nội and Hồ Chí Minh City, and both report; other test files
    // sharing this database may assign it to more agencies, which then count as expected units.
    const cov = floor.computed.explanation.coverage!;
    expect(cov.reported).toBe(2);
    expect(cov.expected).toBeGreaterThanOrEqual(2);
    expect(cov.required).toBe(cov.expected);
    expect(floor.computed.status === "INSUFFICIENT_COVERAGE").toBe(cov.reported < cov.expected);
    expect(floor.units).toBe(2);
    const commune = all.find((t) => t.targetKey === "749-2020-2025-work-records-online-commune")!;
    expect(commune.computed).toMatchObject({ status: "NO_DATA", explanation: { reason: "LEVEL_NOT_REPORTED" } });
  });
});
