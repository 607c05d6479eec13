import { getDecision } from "@/modules/decisions/queries";
import { decisionToApi } from "@/modules/decisions/serialize";
import { targetScope } from "@/modules/indicators/serialize";
import { corsPreflight, localizedApiError, publicJson, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async (req: Request, ctx: { params: Promise<{ key: string }> }) => {
  const { key } = await ctx.params;
  if (!/^[a-z0-9-]{1,40}$/.test(key)) return localizedApiError(req, 404, "errors.api.documentMissing");
  const d = await getDecision(key);
  if (!d) return localizedApiError(req, 404, "errors.api.documentMissing");
  return publicJson({
    data: {
      ...decisionToApi(d),
      targets: d.targets.map((t) => ({
        key: t.key,
        indicator: t.indicator.code,
        year: t.year,
        comparator: t.comparator,
        value: t.value,
        unit: t.indicator.unit,
        scope: targetScope(t),
        clause: t.clause,
        line: t.line,
        quote: t.quote,
      })),
      commitments: d.commitments.map((c) => ({
        key: c.key,
        year: c.year,
        pillar: c.pillar,
        clause: c.clause,
        line: c.line,
        quote: c.quote,
      })),
      tasks: { count: d.tasks.length, href: `/api/v1/tasks?decision=${d.key}` },
      dataQualityNotes: d.notes.map((n) => ({
        subject: `${n.subjectType.toLowerCase()}:${n.subjectKey}`,
        kind: n.kind,
        line: n.line,
        evidence: n.evidence,
        note: { vi: n.noteVi, en: n.noteEn },
      })),
    },
  });
});

export const OPTIONS = corsPreflight;
