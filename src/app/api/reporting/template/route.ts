// GET /api/reporting/template?period=2026-Q3[&agency=CODE] → the quarter's Excel template.
// Reporters and viewers always get their own agency; only national roles may name another one.
import { NextResponse } from "next/server";
import { requireUser } from "@/server/current-user";
import { apiLang } from "@/server/api-auth";
import { AppError, asAppError, DB_RETRY_AFTER_SECONDS, logDatabaseUnavailable } from "@/server/errors";
import type { Lang } from "@/i18n/config";
import { msg, translate, type Text } from "@/i18n/translate";
import { can } from "@/server/permissions";
import { findAgencyByCode } from "@/modules/agencies/queries";
import { buildTemplate } from "@/modules/excel/template";
import { parsePeriodKey } from "@/lib/periods";
import { defaultPeriod } from "@/modules/periods/queries";

export const dynamic = "force-dynamic";

/** An error in the request's language (`?lang=`, else Accept-Language, else Vietnamese). */
function error(status: number, message: Text, lang: Lang) {
  const retry: Record<string, string> = status === 503 ? { "Retry-After": String(DB_RETRY_AFTER_SECONDS) } : {};
  return NextResponse.json(
    { error: { message: translate(lang, message) } },
    { status, headers: { "Cache-Control": "no-store", ...retry } },
  );
}

export async function GET(req: Request) {
  const lang = apiLang(req);
  try {
    const user = await requireUser("reporting.read");
    const params = new URL(req.url).searchParams;
    const rawPeriod = params.get("period");
    const period = rawPeriod ? parsePeriodKey(rawPeriod) : await defaultPeriod();
    if (!period)
      return error(rawPeriod ? 400 : 404, msg(rawPeriod ? "errors.api.periodInvalid" : "errors.api.noPeriod"), lang);
    let agencyId = user.agencyId;
    const code = params.get("agency");
    if (code && can(user.role, "national.read")) {
      const agency = await findAgencyByCode(code.slice(0, 64));
      if (!agency) return error(404, msg("errors.api.agencyMissing"), lang);
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
      return error(500, msg("errors.generic"), lang);
    }
    if (!(e instanceof AppError)) logDatabaseUnavailable("template", e);
    return error(known.status, known.text, lang);
  }
}
