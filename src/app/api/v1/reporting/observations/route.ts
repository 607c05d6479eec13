import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf } from "@/server/action";
import { readJson, withUser } from "@/server/api-auth";
import { ValidationError } from "@/server/errors";
import { saveIndicatorValues } from "@/modules/reporting/mutations";
import { indicatorRow, periodField } from "@/modules/reporting/schemas";

export const dynamic = "force-dynamic";

const body = z.object({ period: periodField, rows: z.array(indicatorRow.extend({ value: z.union([z.string(), z.number()]).transform(String) })).min(1).max(500) });

/** Saves (and optionally submits) the signed-in reporter's indicator values: the same rules as the form. */
export async function POST(req: Request) {
  return withUser(req, "reporting.write", async (user) => {
    const parsed = body.safeParse(await readJson(req));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const r = await saveIndicatorValues(user, { ...parsed.data.period, rows: parsed.data.rows });
    return NextResponse.json({ data: r });
  });
}
