import { readEvidence } from "@/modules/reporting/evidence";
import { apiLang, errorResponse } from "@/server/api-auth";
import { currentUser } from "@/server/current-user";
import { AuthError, ForbiddenError, NotFoundError } from "@/server/errors";
import { msg } from "@/i18n/translate";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await currentUser();
    if (!user) throw new AuthError(msg("errors.api.signInRequired"));
    const { file, bytes } = await readEvidence(user, (await ctx.params).id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.size),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    // Another agency's file is answered as if it did not exist: its id reveals nothing.
    return errorResponse(e instanceof ForbiddenError ? new NotFoundError() : e, apiLang(req));
  }
}
