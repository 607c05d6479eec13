import { toCsv } from "@/lib/csv";
import { targetStatuses } from "@/modules/dashboards/data";
import { parseFilters } from "@/modules/dashboards/filters";
import { corsPreflight, publicCsv, publicRoute } from "@/server/api";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Every target with its computed and effective status (from approved data: public). */
export const GET = publicRoute(async (req: Request) => {
  const f = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
  const [all, indicators] = await Promise.all([targetStatuses(f.asOf), db.indicator.findMany({ select: { id: true, code: true, nameVi: true, unit: true } })]);
  const ind = new Map(indicators.map((i) => [i.id, i]));
  const rows = all.filter((t) => (!f.decision || t.documentKey === f.decision) && (!f.pillar || t.pillar === f.pillar) && (!f.milestone || t.year === f.milestone) && (!f.status || t.effective === f.status));
  return publicCsv(
    "targets-status.csv",
    toCsv(
      ["target", "indicator", "indicator_name_vi", "decision", "in_force", "milestone", "comparator", "value", "unit", "scope", "status", "computed_status", "override_reason", "base_period", "base_value", "latest_period", "latest_value", "rate_needed", "rate_achieved", "ratio", "method"],
      rows.map((t) => {
        const e = t.computed.explanation;
        const i = ind.get(t.indicatorId)!;
        return [
          t.targetKey, i.code, i.nameVi, t.documentNumber ?? t.documentKey, t.documentInForce, t.year, t.comparator, t.value, i.unit,
          t.scopeLevel ?? t.scopeKind, t.effective, t.computed.status, t.override?.reason,
          e.base ? `${e.base.year}-Q${e.base.quarter}` : null, e.base?.value, e.latest ? `${e.latest.year}-Q${e.latest.quarter}` : null, e.latest?.value,
          e.rateNeeded, e.rateAchieved, e.ratio, e.method,
        ];
      }),
    ),
  );
});

export const OPTIONS = corsPreflight;
