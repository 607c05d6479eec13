// How big a request body the front server lets through to Next (pure, unit-tested). Next reads a
// route handler's body in full before the handler can look at it, so a cap has to sit in front:
// a 200 MB POST to sign-in would otherwise be buffered whole. Server actions are left to Next,
// which enforces experimental.serverActions.bodySizeLimit (12 MB, for evidence files and Excel
// uploads) while it reads.

/** Sign-in, sign-out and session requests: a form or JSON of a few hundred bytes. */
export const AUTH_BODY_LIMIT = 8 * 1024;
/** Every other route handler body (the reporting JSON API, internal hooks). */
export const OTHER_BODY_LIMIT = 1024 * 1024;

type Headers = Record<string, string | string[] | undefined>;

/** The largest body allowed, or null when Next enforces its own limit (server actions). */
export function bodyLimit(url: string | undefined, headers: Headers): number | null {
  const path = (url ?? "/").split("?")[0];
  // The Next-Action header is the client's to write: it must not lift the sign-in cap.
  if (path === "/api/auth" || path.startsWith("/api/auth/")) return AUTH_BODY_LIMIT;
  if (headers["next-action"] !== undefined) return null;
  return OTHER_BODY_LIMIT;
}

export type BodyVerdict = { ok: true } | { ok: false; status: 411 | 413 };

/**
 * Decides from the headers alone, before any of the body is read: a declared length over the
 * limit is refused; so is a body of unknown length (chunked) where a limit applies, since counting
 * it would mean reading it first. Browsers and fetch() send a length for every form and JSON body.
 */
export function checkBody(url: string | undefined, headers: Headers): BodyVerdict {
  const limit = bodyLimit(url, headers);
  if (limit === null) return { ok: true };
  const length = headers["content-length"];
  if (typeof length === "string") {
    if (!/^\d+$/.test(length.trim()) || Number(length) > limit) return { ok: false, status: 413 };
    return { ok: true };
  }
  if (headers["transfer-encoding"] !== undefined) return { ok: false, status: 411 };
  return { ok: true };
}
