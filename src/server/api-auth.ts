// JSON endpoints that write: signed-in users only (session cookie), same-origin only, errors as
// `{ error: { message, fieldErrors, details } }` with the status of the AppError.
import "server-only";
import { NextResponse } from "next/server";
import { currentUser, type SessionUser } from "./current-user";
import { AppError, AuthError, DatabaseUnavailableError, DB_RETRY_AFTER_SECONDS, ForbiddenError, GENERIC_ERROR, isDatabaseUnavailable, logDatabaseUnavailable } from "./errors";
import { can, type Permission } from "./permissions";

export function errorResponse(e: unknown) {
  if (isDatabaseUnavailable(e)) {
    // Not a bug and not the user's doing: a short log line, a 503 the client may retry.
    if (!(e instanceof AppError)) logDatabaseUnavailable("api", e);
    const u = e instanceof DatabaseUnavailableError ? e : new DatabaseUnavailableError();
    return NextResponse.json(
      { error: { message: u.message } },
      { status: u.status, headers: { "Retry-After": String(DB_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
  if (e instanceof AppError) {
    return NextResponse.json({ error: { message: e.message, fieldErrors: e.fieldErrors, details: e.details } }, { status: e.status });
  }
  console.error("[api] unexpected error", e);
  return NextResponse.json({ error: { message: GENERIC_ERROR } }, { status: 500 });
}

/** Runs `fn` for a signed-in user with `permission`; refuses cross-site requests. */
export async function withUser(req: Request, permission: Permission, fn: (user: SessionUser) => Promise<Response>) {
  try {
    const origin = req.headers.get("origin");
    if (origin && new URL(origin).host !== new URL(req.url).host) throw new ForbiddenError("Yêu cầu từ trang khác bị từ chối.");
    const user = await currentUser();
    if (!user) throw new AuthError();
    if (!can(user.role, permission)) throw new ForbiddenError();
    return await fn(user);
  } catch (e) {
    return errorResponse(e);
  }
}

export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("Yêu cầu quá lớn.", 413);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("Nội dung yêu cầu không phải JSON hợp lệ.", 400);
  }
}
