import { NextResponse } from "next/server";
import { z } from "zod";
import { fieldErrorsOf } from "@/server/action";
import { readJson, withUser } from "@/server/api-auth";
import { ValidationError } from "@/server/errors";
import { saveTaskProgress } from "@/modules/reporting/mutations";
import { periodField, taskRow } from "@/modules/reporting/schemas";

export const dynamic = "force-dynamic";

const body = z.object({ period: periodField, rows: z.array(taskRow.extend({ percent: z.union([z.string(), z.number()]).transform(String).default("") })).min(1).max(500) });

/** Saves (and optionally submits) the signed-in reporter's task progress. */
export async function POST(req: Request) {
  return withUser(req, "reporting.write", async (user) => {
    const parsed = body.safeParse(await readJson(req));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const r = await saveTaskProgress(user, { ...parsed.data.period, rows: parsed.data.rows });
    return NextResponse.json({ data: r });
  });
}
