// Request checks of the signed-in endpoints that run before (or inside) withUser
// (src/server/api-auth.ts). Not a route: Next.js only serves files named route.ts.
import { NextResponse } from "next/server";
import { AppError } from "@/server/errors";

const CROSS_SITE = "Yêu cầu từ trang khác bị từ chối.";

/**
 * A 403 for a request from another site, or null. withUser makes the same comparison with
 * `new URL(origin)`, which throws for an Origin that is not a URL — "null" (sandboxed frames,
 * file: pages) or garbage — so such a request was answered 500; it is cross-site like any other.
 */
export function refuseForeignOrigin(req: Request): NextResponse | null {
  const origin = req.headers.get("origin");
  if (origin === null) return null;
  let host: string | null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== null && host === new URL(req.url).host) return null;
  return NextResponse.json({ error: { message: CROSS_SITE } }, { status: 403 });
}

/**
 * Throws a 415 unless the body is declared JSON. A text/plain or form body is what another site's
 * form can send without a CORS preflight; the JSON write endpoints take nothing else.
 */
export function assertJsonBody(req: Request): void {
  if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("Nội dung yêu cầu phải là JSON (Content-Type: application/json).", 415);
  }
}
