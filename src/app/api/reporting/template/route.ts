// GET /api/reporting/template?period=2026-Q3[&agency=CODE] → the quarter's Excel template.
// Reporters and viewers always get their own agency; only national roles may name another one.
import { NextResponse } from "next/server";
import { requireUser } from "@/server/current-user";
import { AppError, asAppError, DB_RETRY_AFTER_SECONDS, GENERIC_ERROR, logDatabaseUnavailable } from "@/server/errors";
import { can } from "@/server/permissions";
import { findAgencyByCode } from "@/modules/agencies/queries";
import { buildTemplate } from "@/modules/excel/template";
import { parsePeriodKey } from "@/lib/periods";
import { defaultPeriod } from "@/modules/periods/queries";

export const dynamic = "force-dynamic";

function error(status: number, message: string) {
  const retry: Record<string, string> = status === 503 ? { "Retry-After": String(DB_RETRY_AFTER_SECONDS) } : {};
  return NextResponse.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store", ...retry } });
}

export async function GET(req: Request) {
  try {
    const user = await requireUser("reporting.read");
    const params = new URL(req.url).searchParams;
    const rawPeriod = params.get("period");
    const period = rawPeriod ? parsePeriodKey(rawPeriod) : await defaultPeriod();
    if (!period)
      return error(
        rawPeriod ? 400 : 404,
        rawPeriod ? "Kỳ báo cáo không hợp lệ (ví dụ 2026-Q3)." : "Chưa có kỳ báo cáo nào.",
      );
    let agencyId = user.agencyId;
    const code = params.get("agency");
    if (code && can(user.role, "national.read")) {
      const agency = await findAgencyByCode(code.slice(0, 64));
      if (!agency) return error(404, "Không tìm thấy cơ quan.");
      agencyId = agency.id;
    }
    const file = await buildTemplate(user, { agencyId, year: period.year, quarter: period.quarter });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    // An unreachable database is a 503 the user may retry, not a bug: one short log line.
    const known = asAppError(e);
    if (!known) {
      console.error("[template] unexpected error", e);
      return error(500, GENERIC_ERROR);
    }
    if (!(e instanceof AppError)) logDatabaseUnavailable("template", e);
    return error(known.status, known.message);
  }
}
