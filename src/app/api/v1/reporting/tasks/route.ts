import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf } from "@/server/action";
import { readJson, withUser } from "@/server/api-auth";
import { ValidationError } from "@/server/errors";
import { saveTaskProgress } from "@/modules/reporting/mutations";
import { periodField, taskRow } from "@/modules/reporting/schemas";

export const dynamic = "force-dynamic";

const MAX_ID = 2_147_483_647;
// Typed and closed, as for observations: integer ids and versions, unknown fields refused.
const row = z.strictObject({
  ...taskRow.shape,
  taskId: z.number().int().positive().max(MAX_ID),
  version: z.number().int().min(0).max(MAX_ID).default(0),
  percent: z.union([z.string(), z.number()]).transform(String).default(""),
});
const body = z.strictObject({ period: periodField, rows: z.array(row).min(1).max(500) });

/** Saves (and optionally submits) the signed-in reporter's task progress. */
export async function POST(req: Request) {
  return withUser(req, "reporting.write", async (user) => {
    const parsed = body.safeParse(await readJson(req));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const r = await saveTaskProgress(user, { ...parsed.data.period, rows: parsed.data.rows });
    return NextResponse.json({ data: r });
  });
}
