import { NextResponse } from "next/server";
import { withUser } from "@/server/api-auth";
import { NotFoundError } from "@/server/errors";
import { defaultPeriod, parsePeriodKey } from "@/modules/reporting/periods";
import { indicatorItems, taskItems } from "@/modules/reporting/queries";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** The signed-in user's agency's items for a quarter, with the versions a save must name. */
export async function GET(req: Request) {
  return withUser(req, "reporting.read", async (user) => {
    const sp = new URL(req.url).searchParams;
    const key = parsePeriodKey(sp.get("period"));
    const period = key ? await db.reportingPeriod.findUnique({ where: { year_quarter: key } }) : await defaultPeriod();
    if (!period) throw new NotFoundError("Kỳ báo cáo không tồn tại.");
    const page = Math.max(1, Math.min(10_000, Number(sp.get("page")) || 1));
    const [indicators, tasks] = await Promise.all([
      indicatorItems(user, user.agencyId, period.year, period.quarter),
      taskItems(user, user.agencyId, period.year, period.quarter, { skip: (page - 1) * 100, take: 100 }),
    ]);
    return NextResponse.json(
      {
        period: `${period.year}-Q${period.quarter}`,
        agency: user.agencyCode,
        indicators: indicators.map((i) => ({ indicatorId: i.indicator.id, code: i.indicator.code, state: i.state, version: i.current?.version ?? 0, value: i.current?.value ?? null })),
        tasks: { total: tasks.total, page, items: tasks.items.map((t) => ({ taskId: t.task.id, key: t.task.key, state: t.state, version: t.current?.version ?? 0 })) },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
