import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf } from "@/server/action";
import { readJson, withUser } from "@/server/api-auth";
import { ValidationError } from "@/server/errors";
import { saveIndicatorValues } from "@/modules/reporting/mutations";
import { indicatorRow, periodField } from "@/modules/reporting/schemas";

export const dynamic = "force-dynamic";

const MAX_ID = 2_147_483_647;
// JSON is typed and closed, as the OpenAPI document says: ids and versions are integers (the form
// schema's coercion took [5] and true as ids 5 and 1), and a field the API does not know —
// agencyId, state, approvedValue — is refused rather than silently dropped.
const row = z.strictObject({
  ...indicatorRow.shape,
  indicatorId: z.number().int().positive().max(MAX_ID),
  version: z.number().int().min(0).max(MAX_ID).default(0),
  value: z.union([z.string(), z.number()]).transform(String),
});
const body = z.strictObject({ period: periodField, rows: z.array(row).min(1).max(500) });

/** Saves (and optionally submits) the signed-in reporter's indicator values: the same rules as the form. */
export async function POST(req: Request) {
  return withUser(req, "reporting.write", async (user) => {
    const parsed = body.safeParse(await readJson(req));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const r = await saveIndicatorValues(user, { ...parsed.data.period, rows: parsed.data.rows });
    return NextResponse.json({ data: r });
  });
}
