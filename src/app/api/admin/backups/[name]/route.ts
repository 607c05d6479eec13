// Downloads one backup (administrators only; audited). Streamed: a backup can be large.
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { backupFileFor } from "@/modules/backups/queries";
import { recordBackupDownload } from "@/modules/backups/mutations";
import { errorResponse } from "@/server/api-auth";
import { currentUser } from "@/server/current-user";
import { AuthError } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ name: string }> }) {
  try {
    const user = await currentUser();
    if (!user) throw new AuthError();
    const file = backupFileFor(user, (await ctx.params).name);
    const bytes = statSync(file.path).size;
    await recordBackupDownload(user, file.name, bytes);
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
      headers: {
        "Content-Type": "application/gzip",
        "Content-Length": String(bytes),
        "Content-Disposition": `attachment; filename="${file.name}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
