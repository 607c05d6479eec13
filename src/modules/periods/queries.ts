import "server-only";
import { msg } from "@/i18n/translate";
import { periodState, type Quarter } from "@/lib/periods";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

// The reporting periods: the one place pages, routes, mutations and the Excel import read them.

export async function listPeriods() {
  return db.reportingPeriod.findMany({ orderBy: [{ year: "desc" }, { quarter: "desc" }] });
}

/** The reporting period of a quarter, or null. */
export async function findPeriod(key: Quarter) {
  return db.reportingPeriod.findUnique({ where: { year_quarter: { year: key.year, quarter: key.quarter } } });
}

/** The reporting period of a quarter; a NotFoundError when the quarter has none. */
export async function requirePeriod(key: Quarter) {
  const p = await findPeriod(key);
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

/** The quarter asked for, or without one the period a reporter lands on. */
export async function periodOrDefault(key: Quarter | null | undefined) {
  return key ? findPeriod(key) : defaultPeriod();
}
