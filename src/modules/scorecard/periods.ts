import { clockNow } from "@/server/clock";
import { previousQuarter, quarterOf, type Quarter } from "@/lib/periods";

/** Quarters that have ended, most recent first: the choices for "as published at the end of". */
export function endedQuarters(count: number, now = clockNow()): Quarter[] {
  const out: Quarter[] = [];
  let q = previousQuarter(quarterOf(now));
  for (let i = 0; i < count; i++) {
    out.push(q);
    q = previousQuarter(q);
  }
  return out;
}

/** "2026-Q2" → a quarter that has ended, or null. */
export function parseArchivePeriod(key: string, now = clockNow()): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  const q = { year: Number(m[1]), quarter: Number(m[2]) };
  const last = previousQuarter(quarterOf(now));
  if (q.year < 2020 || q.year > last.year || (q.year === last.year && q.quarter > last.quarter)) return null;
  return q;
}
