import { toCsv } from "@/lib/csv";
import { apiError, corsPreflight, publicCsv, publicRoute } from "@/server/api";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Approved values of one indicator, every agency, as CSV. */
export const GET = publicRoute(async (_req: Request, ctx: { params: Promise<{ code: string }> }) => {
  const { code } = await ctx.params;
  if (!/^[a-z0-9-]{1,80}$/.test(code)) return apiError(404, "Không tìm thấy chỉ số / indicator not found");
  const ind = await db.indicator.findUnique({ where: { code }, select: { id: true, unit: true } });
  if (!ind) return apiError(404, "Không tìm thấy chỉ số / indicator not found");
  const rows = await db.observation.findMany({
    where: { indicatorId: ind.id, approvedAt: { not: null } },
    orderBy: [{ isNational: "desc" }, { agencyId: "asc" }, { year: "asc" }, { quarter: "asc" }],
    select: { year: true, quarter: true, approvedValue: true, isNational: true, illustrative: true, approvedAt: true, agency: { select: { code: true } } },
  });
  return publicCsv(
    `${code}.csv`,
    toCsv(
      ["indicator", "agency", "national", "period", "value", "unit", "approved_at", "illustrative"],
      rows.map((r) => [code, r.agency.code, r.isNational, `${r.year}-Q${r.quarter}`, r.approvedValue, ind.unit, r.approvedAt?.toISOString(), r.illustrative]),
    ),
  );
});

export const OPTIONS = corsPreflight;
