// Quarter and deadline arithmetic. Pure functions; dates are UTC calendar days.

export type Quarter = { year: number; quarter: number };

export type Deadline =
  | { kind: "QUARTER"; year: number; quarter: number }
  | { kind: "YEAR"; year: number }
  | { kind: "PERIOD"; from: number; to: number }
  | { kind: "RECURRING"; every: "YEAR" | "CONTINUOUS" }
  | { kind: "NONE" };

export function quarterOf(date: Date): Quarter {
  return { year: date.getUTCFullYear(), quarter: Math.floor(date.getUTCMonth() / 3) + 1 };
}

function quarterStart({ year, quarter }: Quarter): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

/** Last calendar day of the quarter. */
export function quarterEnd({ year, quarter }: Quarter): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year - b.year || a.quarter - b.quarter;
}

/**
 * A quarter as a fractional year at its end, for growth-rate maths: 2024 Q3 → 2024.75,
 * 2024 Q4 → 2025.0 (the value describes the state at the end of the quarter).
 */
export function fractionalYear({ year, quarter }: Quarter): number {
  return year + quarter / 4;
}

/** The day a task is due: the end of its quarter, year or period. Recurring and open tasks have none. */
export function dueDate(d: Deadline): Date | null {
  switch (d.kind) {
    case "QUARTER":
      return quarterEnd(d);
    case "YEAR":
      return new Date(Date.UTC(d.year, 11, 31));
    case "PERIOD":
      return new Date(Date.UTC(d.to, 11, 31));
    default:
      return null;
  }
}

const ROMAN = ["I", "II", "III", "IV"];

/** "Quý III/2025" in Vietnamese, "Q3 2025" in English. */
export function formatQuarter(q: Quarter, lang: "vi" | "en"): string {
  return lang === "vi" ? `Quý ${ROMAN[q.quarter - 1]}/${q.year}` : `Q${q.quarter} ${q.year}`;
}

// The reporting calendar of a quarter (the seed creates periods with it; the workflow reads it).
export type PeriodDates = { opensAt: Date; dueAt: Date; locksAt: Date };
export type PeriodState = "NOT_OPEN" | "OPEN" | "OVERDUE" | "LOCKED";

export function periodState(p: PeriodDates, now: Date): PeriodState {
  if (now < p.opensAt) return "NOT_OPEN";
  if (now >= p.locksAt) return "LOCKED";
  if (now > p.dueAt) return "OVERDUE";
  return "OPEN";
}

/** Default dates for a quarter: opens the day after it ends, due 60 days later, locked after 120. */
export function defaultPeriodDates(year: number, quarter: number): PeriodDates {
  const opensAt = new Date(Date.UTC(year, quarter * 3, 1));
  const day = 24 * 60 * 60 * 1000;
  return { opensAt, dueAt: new Date(opensAt.getTime() + 60 * day), locksAt: new Date(opensAt.getTime() + 120 * day) };
}

/** The days a published period covers: "2023" (a year), "2023-Q2" (a quarter), "2022-2023" (years). */
export function publishedPeriodRange(period: string): { start: Date; end: Date } | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { start: new Date(Date.UTC(+m[1], 0, 1)), end: new Date(Date.UTC(+m[1], 11, 31)) };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const q = { year: +m[1], quarter: +m[2] };
    return { start: quarterStart(q), end: quarterEnd(q) };
  }
  m = /^(\d{4})-(\d{4})$/.exec(period);
  if (m && +m[1] < +m[2]) return { start: new Date(Date.UTC(+m[1], 0, 1)), end: new Date(Date.UTC(+m[2], 11, 31)) };
  return null;
}

/** "2026-Q3" ⇄ { year, quarter }. */
export function parsePeriodKey(key: string | undefined | null): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key ?? "");
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

export function periodKey(p: Quarter): string {
  return `${p.year}-Q${p.quarter}`;
}
