// The instant the integration and browser tests are written for. The demo data reaches Q2/2026 and
// the tests' values are judged against it (an outlier is "far from last quarter"), so the tests set
// the portal's clock (NOW, src/server/clock.ts) rather than follow the machine's: they then pass
// whatever the date, which `.ci/run` checks with faketime. At this instant Q3/2026 is the open
// quarter (due 30/11/2026, locks 29/01/2027) and Q2/2026 is locked.
import { defaultPeriodDates, nextQuarter, periodState, previousQuarter, type Quarter } from "@/lib/periods";

export const TEST_NOW = "2026-12-03T03:00:00Z";

const ROMAN = ["I", "II", "III", "IV"];

/** The oldest quarter not locked at `at`, by the default period dates: key and Vietnamese label. */
export function openQuarter(at = new Date(TEST_NOW)): { year: number; quarter: number; key: string; labelVi: string } {
  for (let year = at.getUTCFullYear() - 1; ;) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const d = defaultPeriodDates(year, quarter);
      if (periodState(d, at) !== "LOCKED" && d.opensAt <= at)
        return { year, quarter, key: `${year}-Q${quarter}`, labelVi: `Quý ${ROMAN[quarter - 1]}/${year}` };
    }
    year++;
    if (year > at.getUTCFullYear() + 1) throw new Error("no open quarter");
  }
}

type QuarterInfo = Quarter & { key: string; labelVi: string };
const info = (q: Quarter): QuarterInfo => ({
  ...q,
  key: `${q.year}-Q${q.quarter}`,
  labelVi: `Quý ${ROMAN[q.quarter - 1]}/${q.year}`,
});

/** The quarter before the open one: locked at `at` (only a reviewer can reopen its items). */
export function lockedQuarter(at = new Date(TEST_NOW)): QuarterInfo {
  return info(previousQuarter(openQuarter(at)));
}

/** The quarter after the open one: not open yet at `at`. */
export function notOpenQuarter(at = new Date(TEST_NOW)): QuarterInfo {
  return info(nextQuarter(openQuarter(at)));
}
