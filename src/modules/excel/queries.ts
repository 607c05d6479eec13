import "server-only";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { parsePeriodKey, periodKey } from "@/lib/periods";
import { defaultPeriod, listPeriods } from "@/modules/periods/queries";
import { getImportBatch, type ImportBatchView } from "./import";

export type ImportPageData = {
  agencyName: { vi: string; en: string };
  /** The selected quarter, or null when it does not exist. */
  period: { year: number; quarter: number; key: string } | null;
  /** Quarters that have opened, newest first, for the selector. */
  periods: string[];
  batch: ImportBatchView | null;
  /** A ?batch= was given but is not one of this user's. */
  batchMissing: boolean;
};

/** Everything the import page shows; a batch is looked up only among the user's own. */
export async function loadImportPage(
  user: SessionUser,
  query: { period?: string; batch?: string },
  now = clockNow(),
): Promise<ImportPageData> {
  const batchId = /^\d{1,9}$/.test(query.batch ?? "") ? Number(query.batch) : null;
  const [batch, all, fallback] = await Promise.all([
    batchId ? getImportBatch(user, batchId) : null,
    listPeriods(),
    defaultPeriod(now),
  ]);
  const opened = all.filter((p) => p.opensAt <= now);
  const wanted = batch ?? parsePeriodKey(query.period) ?? fallback;
  const exists = wanted && all.some((p) => p.year === wanted.year && p.quarter === wanted.quarter);
  return {
    agencyName: { vi: user.agencyNameVi, en: user.agencyNameEn },
    period: exists ? { year: wanted.year, quarter: wanted.quarter, key: periodKey(wanted) } : null,
    periods: opened.slice(0, 12).map(periodKey),
    batch,
    batchMissing: batchId != null && !batch,
  };
}
