// What the reporting workspace shows, computed from what the queries return: pure functions, so
// the page's component only lays them out (and they are tested without a database or React).
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { formatNumber, formatThreshold, type Comparator } from "@/lib/format";
import type { IndicatorRowView } from "./components/IndicatorEntryForm";
import type { TaskRowView } from "./components/TaskEntryForm";
import type { IndicatorItem, TaskItem } from "./queries";
import { editable, type PeriodDates } from "./rules";

type Target = {
  year: number;
  comparator: string;
  value: number;
  scopeKind: string;
  scopeLevel: string | null;
  document: { numberCanonical: string | null };
};

/** The national 2025 and 2030 targets in one line: "2025: ≥ 80% · 2030: = 100%". */
export function targetsSummary(targets: Target[], unit: string, kind: string, lang: Lang): string {
  const national = targets.filter((t) => t.scopeKind === "NATIONAL" || t.scopeKind === "EACH");
  if (!national.length) return "—";
  return [2025, 2030]
    .map((y) => {
      const ts = national.filter((t) => t.year === y);
      if (!ts.length) return null;
      const uniq = [
        ...new Set(
          ts.map((t) => formatThreshold({ comparator: t.comparator as Comparator, value: t.value }, unit, kind, lang)),
        ),
      ];
      return `${y}: ${uniq.join(", ")}`;
    })
    .filter(Boolean)
    .join(" · ");
}

type Ctx = { lang: Lang; r: Messages["reporting"]; period: PeriodDates; now: Date };

const canEdit = (current: { state: string; reopened: boolean } | null, c: Ctx) =>
  current ? editable(current.state, c.period, c.now, current.reopened) : editable("DRAFT", c.period, c.now, false);

/** The fields every entry row carries, of either kind. */
function common(
  current: { version: number; evidenceUrl: string | null; reviewComment: string | null; late: boolean } | null,
) {
  return {
    version: current?.version ?? 0,
    evidenceUrl: current?.evidenceUrl ?? "",
    reviewComment: current?.reviewComment ?? null,
    late: current?.late ?? false,
  };
}

export function indicatorRowView(i: IndicatorItem, c: Ctx): IndicatorRowView {
  const cur = i.current;
  const id = i.indicator.id;
  const previous = i.previousValue == null ? c.r.none : formatNumber(i.previousValue, c.lang);
  return {
    ...common(cur),
    prefix: `ind.${id}`,
    testId: `indicator-row-${id}`,
    indicatorId: id,
    title: c.lang === "vi" ? i.indicator.nameVi : i.indicator.nameEn,
    meta: `${c.r.previous}: ${previous} · ${c.r.targets}: ${targetsSummary(i.targets, i.indicator.unit, i.indicator.kind, c.lang)}`,
    unit: i.indicator.unit,
    state: i.state,
    editable: canEdit(cur, c),
    detailsHref: cur ? `/${c.lang}/reporting/observations/${cur.id}` : null,
    value: cur?.value == null ? "" : formatNumber(cur.value, c.lang, 4),
    source: cur?.source ?? "",
    note: cur?.note ?? "",
    explanation: cur?.explanation ?? "",
    illustrative: cur?.illustrative ?? false,
  };
}

export function taskRowView(t: TaskItem, c: Ctx, deadline: (task: TaskItem["task"]) => string): TaskRowView {
  const cur = t.current;
  const id = t.task.id;
  const reference = `${t.task.documentNumber ?? t.task.documentKey} · ${t.task.key.split("-").slice(-2).join(" ")}`;
  const previous = t.previousPercent == null ? c.r.none : `${t.previousPercent}%`;
  return {
    ...common(cur),
    prefix: `task.${id}`,
    testId: `task-row-${id}`,
    taskId: id,
    title: t.task.title,
    meta: `${reference} · ${c.r.deadline}: ${deadline(t.task)} · ${c.r.previous}: ${previous}`,
    state: t.state,
    editable: canEdit(cur, c),
    detailsHref: cur ? `/${c.lang}/reporting/tasks/${cur.id}` : null,
    status: cur?.status ?? "NOT_STARTED",
    percent: cur?.percentComplete == null ? "" : String(cur.percentComplete),
    achieved: cur?.achieved ?? "",
    obstacles: cur?.obstacles ?? "",
    nextSteps: cur?.nextSteps ?? "",
  };
}

/** The workspace's query string for the tasks tab, keeping its filters: `extra` overrides. */
export function tasksQuery(
  base: { period: string; agency?: string; state?: string; q?: string },
  extra: Record<string, string | number | undefined> = {},
): string {
  const p = new URLSearchParams({ period: base.period, ...(base.agency ? { agency: base.agency } : {}), tab: "tasks" });
  if (base.state) p.set("state", base.state);
  if (base.q) p.set("q", base.q);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) p.set(k, String(v));
  return `?${p.toString()}`;
}
