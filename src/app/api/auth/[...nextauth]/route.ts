import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { requestLang } from "@/i18n/request";
import { msg, translate, type MessageKey } from "@/i18n/translate";
import { authOptions } from "@/server/auth";
import { AUTH_BODY_LIMIT } from "@/server/http/body-limit";

const handler = NextAuth(authOptions);

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** What next-auth itself accepts as a callback URL: http(s), or a path on this site. */
function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

const UNREADABLE = Symbol("a JSON body that does not parse");

/**
 * Sign-in, sign-out and session requests carry a few hundred bytes. Anything bigger is refused
 * before it is read (a declared length) or as soon as it passes the cap (a stream), so a huge POST
 * costs neither memory nor time. The front server refuses such requests first (src/server/http/body-limit.ts);
 * this covers `next dev` and `next start` without it.
 */
const TOO_LARGE = Symbol("a body over AUTH_BODY_LIMIT");

async function readCapped(req: NextRequest): Promise<Uint8Array | null | typeof TOO_LARGE> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= AUTH_BODY_LIMIT)) return TOO_LARGE;
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > AUTH_BODY_LIMIT) {
      await reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The callbackUrl field of a POST body as next-auth reads it (a form or JSON), or UNREADABLE. */
function bodyCallbackUrl(type: string, text: string): unknown {
  if (type.includes("application/json")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      // next-auth reads fields off the parsed value: anything but an object is not a request.
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return UNREADABLE;
      return (parsed as { callbackUrl?: unknown }).callbackUrl;
    } catch {
      return UNREADABLE;
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(text).get("callbackUrl");
  return undefined;
}

/**
 * What this portal's sign-in uses of next-auth. Anything else reached next-auth's internals: a GET
 * to the credentials callback answered 500 with next-auth's own error text, other actions 400 with
 * it, and POST /api/auth/_log let anyone write error lines into the server log.
 */
const ALLOWED: Record<string, ReadonlySet<string>> = {
  GET: new Set(["session", "csrf", "providers", "signin", "signout", "error"]),
  POST: new Set(["session", "signout", "signin/credentials", "callback/credentials"]),
};

/** A refusal in the request's language (`?lang=`, else Accept-Language, else Vietnamese). */
const refusal = (req: NextRequest, key: MessageKey, status: number) =>
  NextResponse.json(
    {
      error: {
        message: translate(
          requestLang(req.nextUrl.searchParams.get("lang"), req.headers.get("accept-language")),
          msg(key),
        ),
      },
    },
    { status, headers: { "cache-control": "no-store" } },
  );

// next-auth answers 500 ("problem with the server configuration") to a callbackUrl that is not an
// http(s) URL in the query or in its callback-url cookie — a cookie that then breaks every
// /api/auth request of that browser — and throws (500) on one in a POST body that is not a URL at
// all, or on a JSON body that does not parse. All are the client's mistake: a 400 before next-auth
// sees them, clearing the cookie.
async function guarded(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const action = ((await ctx.params).nextauth ?? []).join("/");
  // next-auth's browser client reports its own errors here; nothing it says is worth a log line.
  if (action === "_log" && req.method === "POST") return new NextResponse(null, { status: 204 });
  if (!ALLOWED[req.method]?.has(action)) return refusal(req, "auth.unknownAction", 400);
  const body = await readCapped(req);
  if (body === TOO_LARGE) return refusal(req, "auth.bodyTooLarge", 413);
  const base = req.nextUrl.origin;
  const bad = (v: unknown) => (typeof v === "string" ? v !== "" && !isHttpUrl(v, base) : v != null);
  const type = req.headers.get("content-type") ?? "";
  const text = body && req.method === "POST" ? Buffer.from(body).toString("utf8") : "";
  const refused =
    bad(req.nextUrl.searchParams.get("callbackUrl")) || (req.method === "POST" && bad(bodyCallbackUrl(type, text)));
  const cookies = CALLBACK_COOKIES.filter((name) => bad(req.cookies.get(name)?.value));
  if (!refused && cookies.length === 0) {
    // next-auth reads the body again: hand it the copy already read (and bounded).
    const again = new NextRequest(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === "POST" && body ? text : undefined,
    });
    return handler(again, ctx);
  }
  const res = refusal(req, "auth.badCallback", 400);
  for (const name of cookies) res.cookies.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-") });
  return res;
}

export { guarded as GET, guarded as POST };
