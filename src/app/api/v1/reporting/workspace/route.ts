import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf } from "@/server/action";
import { repeatedParams } from "@/server/api";
import { apiLang, withUser } from "@/server/api-auth";
import { NotFoundError, ValidationError, zodErrorMap } from "@/server/errors";
import { msg } from "@/i18n/translate";
import { withLang } from "@/i18n/zod";
import { periodOrDefault } from "@/modules/periods/queries";
import { indicatorItems, taskItems } from "@/modules/reporting/queries";
import { periodField } from "@/modules/reporting/schemas";

export const dynamic = "force-dynamic";

// A malformed period or page is a 400, as everywhere in the API: it used to fall back to the
// open quarter (or page 1), answering for another quarter than the one asked for.
const query = z.object({
  period: periodField.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** The signed-in user's agency's items for a quarter, with the versions a save must name. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) => {
    const search = new URL(req.url).searchParams;
    // As in every other API query (parseQuery): a parameter given twice is refused, not last-wins.
    const repeated = repeatedParams(search, query);
    if (repeated.length)
      throw new ValidationError(
        Object.fromEntries(repeated.map((r) => [r.param, [r.message]])),
        msg("errors.invalidQuery"),
      );
    // zod words its issues when they are first read: in the request's language.
    const lang = apiLang(req);
    const q = withLang(lang, () => {
      const r = query.safeParse(Object.fromEntries(search), zodErrorMap(lang));
      return r.success ? r : { success: false as const, fieldErrors: fieldErrorsOf(r.error) };
    });
    if (!q.success) throw new ValidationError(q.fieldErrors, msg("errors.invalidQuery"));
    const { period: key, page } = q.data;
    const period = await periodOrDefault(key);
    if (!period) throw new NotFoundError(msg("errors.reporting.periodMissing"));
    const [indicators, tasks] = await Promise.all([
      indicatorItems(user, user.agencyId, period.year, period.quarter),
      taskItems(user, user.agencyId, period.year, period.quarter, { skip: (page - 1) * 100, take: 100 }),
    ]);
    return NextResponse.json(
      {
        period: `${period.year}-Q${period.quarter}`,
        agency: user.agencyCode,
        indicators: indicators.map((i) => ({
          indicatorId: i.indicator.id,
          code: i.indicator.code,
          state: i.state,
          version: i.current?.version ?? 0,
          value: i.current?.value ?? null,
        })),
        tasks: {
          total: tasks.total,
          page,
          items: tasks.items.map((t) => ({
            taskId: t.task.id,
            key: t.task.key,
            state: t.state,
            version: t.current?.version ?? 0,
          })),
        },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
