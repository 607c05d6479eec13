import { readEvidence } from "@/modules/reporting/evidence";
import { currentUser } from "@/server/current-user";
import { AppError } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: "Vui lòng đăng nhập." } }, { status: 401 });
  try {
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
    if (e instanceof AppError) return Response.json({ error: { message: e.message } }, { status: e.status === 403 ? 404 : e.status });
    throw e;
  }
}
