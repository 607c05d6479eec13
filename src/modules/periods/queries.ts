import "server-only";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { defaultPeriod } from "@/modules/reporting/periods";

export type PeriodKey = { year: number; quarter: number };

/** The reporting period of a quarter, or null: the one look-up every page, route and mutation uses. */
async function findPeriod(key: PeriodKey) {
  return db.reportingPeriod.findUnique({ where: { year_quarter: { year: key.year, quarter: key.quarter } } });
}

/** The reporting period of a quarter; a NotFoundError when the quarter has none. */
export async function requirePeriod(key: PeriodKey) {
  const p = await findPeriod(key);
  if (!p) throw new NotFoundError("Kỳ báo cáo không tồn tại.");
  return p;
}

/** The quarter asked for, or without one the period a reporter lands on (reporting/periods.ts#defaultPeriod). */
export async function periodOrDefault(key: PeriodKey | null | undefined) {
  return key ? findPeriod(key) : defaultPeriod();
}
