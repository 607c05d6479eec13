import "server-only";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { msg } from "@/i18n/translate";
import { periodState } from "./rules";

export async function listPeriods() {
  return db.reportingPeriod.findMany({ orderBy: [{ year: "desc" }, { quarter: "desc" }] });
}

export async function getPeriod(year: number, quarter: number) {
  const p = await db.reportingPeriod.findUnique({ where: { year_quarter: { year, quarter } } });
  if (!p) throw new NotFoundError(msg("errors.reporting.periodMissing"));
  return p;
}

/** The period a reporter lands on: the oldest one still open, else the latest that has opened. */
export async function defaultPeriod(now = clockNow()) {
  const periods = await db.reportingPeriod.findMany({
    where: { opensAt: { lte: now } },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
  });
  const open = periods.find((p) => periodState(p, now) !== "LOCKED");
  return open ?? periods[periods.length - 1] ?? null;
}

/** "2026-Q3" ⇄ { year, quarter }. */
export function parsePeriodKey(key: string | undefined | null): { year: number; quarter: number } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key ?? "");
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

export function periodKey(p: { year: number; quarter: number }): string {
  return `${p.year}-Q${p.quarter}`;
}
