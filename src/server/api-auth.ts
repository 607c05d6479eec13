// JSON endpoints that write: signed-in users only (session cookie), same-origin only, errors as
// `{ error: { message, fieldErrors, details } }` with the status of the AppError.
import "server-only";
import { NextResponse } from "next/server";
import type { Lang } from "@/i18n/config";
import { requestLang } from "@/i18n/request";
import { msg, translate } from "@/i18n/translate";
import { currentUser, type SessionUser } from "./current-user";
import {
  AppError,
  AuthError,
  DatabaseUnavailableError,
  DB_RETRY_AFTER_SECONDS,
  ForbiddenError,
  isDatabaseUnavailable,
  logDatabaseUnavailable,
} from "./errors";

/** The language of an API request's messages: `?lang=vi|en`, else Accept-Language, else Vietnamese. */
export function apiLang(req: Request): Lang {
  return requestLang(new URL(req.url).searchParams.get("lang"), req.headers.get("accept-language"));
}
import { can, type Permission } from "./permissions";
import { logUnexpected } from "./ops/logger";

export function errorResponse(e: unknown, lang: Lang = "vi") {
  if (isDatabaseUnavailable(e)) {
    // Not a bug and not the user's doing: a short log line, a 503 the client may retry.
    if (!(e instanceof AppError)) logDatabaseUnavailable("api", e);
    const u = e instanceof DatabaseUnavailableError ? e : new DatabaseUnavailableError();
    return NextResponse.json(
      { error: { message: u.localized(lang).message } },
      { status: u.status, headers: { "Retry-After": String(DB_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
  if (e instanceof AppError) {
    return NextResponse.json({ error: { ...e.localized(lang), details: e.details } }, { status: e.status });
  }
  logUnexpected("api", e);
  return NextResponse.json({ error: { message: translate(lang, msg("errors.generic")) } }, { status: 500 });
}

/**
 * True when the request says it comes from another site. An Origin that is not a URL — "null"
 * (sandboxed frames, file: pages) or garbage — names no site of ours, so it counts as another.
 * Our own site is the host the browser addressed (the Host header, which a page cannot forge) as
 * well as the host in the URL Next built: Next spells its own address "localhost:PORT" whatever
 * the visitor typed, so a portal reached at 127.0.0.1:PORT, or behind a proxy that keeps the Host
 * header, refused its own pages.
 */
function isCrossSite(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  try {
    const host = new URL(origin).host;
    return host !== new URL(req.url).host && host !== (req.headers.get("host") ?? "").toLowerCase();
  } catch {
    return true;
  }
}

/** Runs `fn` for a signed-in user with `permission`; refuses cross-site requests. */
export async function withUser(req: Request, permission: Permission, fn: (user: SessionUser) => Promise<Response>) {
  try {
    if (isCrossSite(req)) throw new ForbiddenError(msg("errors.crossSite"));
    const user = await currentUser();
    if (!user) throw new AuthError();
    if (!can(user.role, permission)) throw new ForbiddenError();
    return await fn(user);
  } catch (e) {
    return errorResponse(e, apiLang(req));
  }
}

const tooLarge = (maxBytes: number) =>
  new AppError(msg("errors.tooLarge", { mb: Math.round(maxBytes / 1_000_000) }), 413);

/**
 * The body as JSON, for a body declared `application/json` of at most `maxBytes` bytes. Anything
 * else is refused: a text/plain or form body is what another site's form can send without a CORS
 * preflight (415); a declared Content-Length over the limit is refused before reading, and any
 * body (chunked, or longer than declared) stops being read once it passes the limit (413). The
 * limit counts bytes, not characters: a Vietnamese letter is two or three bytes.
 */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError(msg("errors.notJson"), 415);
  }
  if (Number(req.headers.get("content-length")) > maxBytes) throw tooLarge(maxBytes);
  let text = "";
  if (req.body) {
    const reader = req.body.getReader();
    const decoder = new TextDecoder();
    let bytes = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(msg("errors.badJson"), 400);
  }
}
