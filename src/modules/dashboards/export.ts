import "server-only";
// The dashboard's tables as XLSX: the rows each view shows (every page of the target list, in the
// order shown), the agency of the view, and a first sheet naming the filter. The rows come from
// the same queries and view model as the page.
import type ExcelJS from "exceljs";
import type { Lang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { formatDateTime, formatThreshold } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { addFilterSheet, addTableSheet, newWorkbook, type XlsxCell } from "@/lib/xlsx";
import { latestApprovedNational } from "@/modules/indicators/queries";
import { filterTargets } from "@/modules/statuses/filter";
import { listTargets } from "@/modules/statuses/queries";
import { targetSentence } from "@/modules/statuses/sentence";
import { clockNow } from "@/server/clock";
import type { SessionUser } from "@/server/current-user";
import { requestLang } from "@/i18n/request";
import { dashboardScope } from "./policy";
import type { DashboardFilters } from "./filters";
import { completenessGrid, overviewLookups, TASK_STATUSES, taskStatuses } from "./queries";
import { orderTargets, taskSummary } from "./view-model";

export type ExportScope = { filters: DashboardFilters; agencyId: number | undefined; lang: Lang };

async function filterEntries(scope: ExportScope, lookups: Awaited<ReturnType<typeof overviewLookups>>) {
  const { filters: f, agencyId, lang } = scope;
  const m = getMessages(lang);
  const x = m.exports;
  const d = m.dashboard;
  const agency = lookups.agencies.find((a) => a.id === agencyId);
  const doc = lookups.documents.find((a) => a.key === f.decision);
  const entries: [string, XlsxCell][] = [
    [x.view, agency ? (lang === "vi" ? agency.nameVi : agency.nameEn) : x.nationalView],
    [d.decision, doc ? (doc.numberCanonical ?? doc.key) : x.allValues],
    [d.pillar, f.pillar ? m.pillars[f.pillar as keyof typeof m.pillars] : x.allValues],
    [d.agency, agency ? agency.code : x.allValues],
    [d.milestone, f.milestone ?? x.allValues],
    [d.status, f.status ? d.statuses[f.status] : x.allValues],
    [d.asOf, f.asOf ? formatQuarter(f.asOf, lang) : d.now],
    [x.sort, f.sort ?? "status"],
    [x.language, lang],
    [x.generatedAt, formatDateTime(clockNow(), lang)],
  ];
  return entries;
}

/** The target list of the view: every row the page lists (all its pages), as the page orders them. */
export async function dashboardTargetRows(scope: ExportScope) {
  const { filters: f, agencyId, lang } = scope;
  const [scoped, lookups] = await Promise.all([
    listTargets({ asOf: f.asOf, decision: f.decision, pillar: f.pillar, agencyId }),
    overviewLookups(),
  ]);
  const indById = new Map(lookups.indicators.map((i) => [i.id, i]));
  const name = (id: number) => (lang === "vi" ? indById.get(id)!.nameVi : indById.get(id)!.nameEn);
  const rows = orderTargets(filterTargets(scoped, { milestone: f.milestone, status: f.status }), f.sort, name, lang);
  return { rows, lookups, indById, name };
}

async function workbookWith(scope: ExportScope, build: (wb: ExcelJS.Workbook) => Promise<void>) {
  const wb = newWorkbook(clockNow());
  const x = getMessages(scope.lang).exports;
  addFilterSheet(wb, x.filterSheet, x.filterTitle, await filterEntries(scope, await overviewLookups()));
  await build(wb);
  return wb;
}

export async function targetsWorkbook(scope: ExportScope): Promise<ExcelJS.Workbook> {
  const { lang } = scope;
  const m = getMessages(lang);
  const c = m.exports.col;
  const { rows, indById, name } = await dashboardTargetRows(scope);
  const latest = await latestApprovedNational([...new Set(rows.map((t) => t.indicatorId))]);
  return workbookWith(scope, async (wb) => {
    addTableSheet(
      wb,
      m.exports.targetsSheet,
      [
        c.indicatorCode,
        c.indicator,
        c.decision,
        c.milestone,
        c.threshold,
        c.latest,
        c.latestPeriod,
        c.illustrative,
      ].concat([c.status, c.statusCode, c.computed, c.why]),
      rows.map((t) => {
        const ind = indById.get(t.indicatorId)!;
        const l = latest.get(t.indicatorId);
        return [
          ind.code,
          name(t.indicatorId),
          t.documentNumber ?? t.documentKey,
          t.year,
          formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang),
          l?.approvedValue ?? null,
          l ? formatQuarter(l, lang) : null,
          l ? (l.illustrative ? m.exports.yes : m.exports.no) : null,
          m.dashboard.statuses[t.effective],
          t.effective,
          t.override ? m.dashboard.statuses[t.computed.status] : null,
          targetSentence(t, lang),
        ];
      }),
    );
  });
}

export async function completenessWorkbook(scope: ExportScope): Promise<ExcelJS.Workbook> {
  const { lang } = scope;
  const m = getMessages(scope.lang);
  const c = m.exports.col;
  const grid = await completenessGrid({ agencyId: scope.agencyId });
  return workbookWith(scope, async (wb) => {
    addTableSheet(
      wb,
      m.exports.completenessSheet,
      [c.agencyCode, c.agency, c.period, c.status, c.submitted, c.expected, c.late],
      grid.rows.flatMap((r) =>
        r.cells.map((cell) => [
          r.code,
          lang === "vi" ? r.nameVi : r.nameEn,
          formatQuarter(cell, lang),
          m.dashboard.cell[cell.status],
          cell.submitted,
          cell.expected,
          cell.late,
        ]),
      ),
    );
  });
}

/** The task statuses of the view: the counts the page shows, then every (task, lead agency) row behind them. */
export async function dashboardTaskRows(scope: ExportScope) {
  const { filters: f, agencyId } = scope;
  const all = await taskStatuses();
  const rows = all.filter(
    (t) => (!agencyId || t.agencyId === agencyId) && (!f.decision || t.documentKey === f.decision),
  );
  return { rows, summary: taskSummary(all, { agencyId, decision: f.decision }, TASK_STATUSES) };
}

export async function tasksWorkbook(scope: ExportScope): Promise<ExcelJS.Workbook> {
  const m = getMessages(scope.lang);
  const c = m.exports.col;
  const { rows, summary } = await dashboardTaskRows(scope);
  return workbookWith(scope, async (wb) => {
    addTableSheet(
      wb,
      m.exports.taskCountsSheet,
      [c.status, c.count],
      TASK_STATUSES.map((s) => [m.dashboard.taskStatus[s], summary.counts[s]]),
    );
    addTableSheet(
      wb,
      m.exports.tasksSheet,
      [c.task, c.decision, c.agencyCode, c.status, c.statusCode],
      rows.map((r) => [r.taskKey, r.documentKey, r.agencyCode, m.dashboard.taskStatus[r.status], r.status]),
    );
  });
}

/** The rows a signed-in download covers: the request's filters, the user's agency unless national, the language asked for. */
export async function exportScope(req: Request, user: SessionUser): Promise<ExportScope> {
  const { filters, agencyId } = await dashboardScope(req, user);
  const lang = requestLang(new URL(req.url).searchParams.get("lang"), req.headers.get("accept-language"));
  return { filters, agencyId, lang };
}
