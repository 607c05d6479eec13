import { NextResponse } from "next/server";
import { exportDocument } from "@/modules/catalogue/queries";
import { CACHE_PUBLIC, CORS, corsPreflight, localizedApiError, publicRoute } from "@/server/api";

export const dynamic = "force-dynamic";

/**
 * A published document as its seed file (seeds/FORMAT.md): live targets and tasks only, so the
 * file imports back to the catalogue as it stands. Public: everything in it is published already.
 */
export const GET = publicRoute(async (req: Request, ctx: { params: Promise<{ key: string }> }) => {
  const { key } = await ctx.params;
  if (!/^[a-z0-9-]{1,40}$/.test(key)) return localizedApiError(req, 404, "errors.api.documentMissing");
  const file = await exportDocument(key);
  if (!file) return localizedApiError(req, 404, "errors.api.documentMissing");
  return NextResponse.json(file, {
    headers: {
      ...CORS,
      "Cache-Control": CACHE_PUBLIC,
      // The key matched the pattern above: nothing in the file name needs quoting.
      "Content-Disposition": `attachment; filename="doc-${key}.json"`,
    },
  });
});

export const OPTIONS = corsPreflight;
