import { toCsv } from "@/lib/csv";
import { parseFilters } from "@/modules/dashboards/filters";
import { agencyIdByCode } from "@/modules/agencies/queries";
import { indicatorLabels } from "@/modules/indicators/queries";
import { listTargets } from "@/modules/statuses/queries";
import { corsPreflight, publicCsv, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/**
 * The dashboard's targets with their computed and effective status (from approved data: public):
 * the same filters, the agency's view included, through the same listTargets as the page.
 */
export const GET = publicRoute(async (req: Request) => {
  const f = parseFilters(Object.fromEntries(new URL(req.url).searchParams));
  const agencyId = await agencyIdByCode(f.agencyCode);
  const [rows, indicators] = await Promise.all([
    listTargets({
      asOf: f.asOf,
      decision: f.decision,
      pillar: f.pillar,
      milestone: f.milestone,
      status: f.status,
      agencyId,
    }),
    indicatorLabels(),
  ]);
  const ind = new Map(indicators.map((i) => [i.id, i]));
  return publicCsv(
    "targets-status.csv",
    toCsv(
      [
        "target",
        "indicator",
        "indicator_name_vi",
        "decision",
        "in_force",
        "milestone",
        "comparator",
        "value",
        "unit",
        "scope",
        "status",
        "computed_status",
        "override_reason",
        "base_period",
        "base_value",
        "latest_period",
        "latest_value",
        "rate_needed",
        "rate_achieved",
        "ratio",
        "method",
        "phase",
        "final_from",
        "source",
        "coverage",
      ],
      rows.map((t) => {
        const e = t.computed.explanation;
        const i = ind.get(t.indicatorId)!;
        return [
          t.targetKey,
          i.code,
          i.nameVi,
          t.documentNumber ?? t.documentKey,
          t.documentInForce,
          t.year,
          t.comparator,
          t.value,
          i.unit,
          t.scopeLevel ?? t.scopeKind,
          t.effective,
          t.computed.status,
          t.override?.reason,
          e.base?.period,
          e.base?.value,
          e.latest?.period,
          e.latest?.value,
          e.rateNeeded,
          e.rateAchieved,
          e.ratio,
          e.method,
          e.phase,
          e.finalFrom.toISOString().slice(0, 10),
          t.source?.code ?? "AGENCY_REPORTS",
          e.coverage ? `${e.coverage.reported}/${e.coverage.expected}` : null,
        ];
      }),
    ),
  );
});

export const OPTIONS = corsPreflight;
