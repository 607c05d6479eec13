import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/server/auth";

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

/** The callbackUrl field of a POST body as next-auth reads it (a form or JSON), or UNREADABLE. */
async function bodyCallbackUrl(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (req.method !== "POST") return undefined;
  if (type.includes("application/json")) {
    try {
      return ((await req.clone().json()) as { callbackUrl?: unknown } | null)?.callbackUrl;
    } catch {
      return UNREADABLE;
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) return new URLSearchParams(await req.clone().text()).get("callbackUrl");
  return undefined;
}

// next-auth answers 500 ("problem with the server configuration") to a callbackUrl that is not an
// http(s) URL in the query or in its callback-url cookie — a cookie that then breaks every
// /api/auth request of that browser — and throws (500) on one in a POST body that is not a URL at
// all, or on a JSON body that does not parse. All are the client's mistake: a 400 before next-auth
// sees them, clearing the cookie.
async function guarded(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const base = req.nextUrl.origin;
  const bad = (v: unknown) => (typeof v === "string" ? v !== "" && !isHttpUrl(v, base) : v != null);
  const refused = bad(req.nextUrl.searchParams.get("callbackUrl")) || bad(await bodyCallbackUrl(req));
  const cookies = CALLBACK_COOKIES.filter((name) => bad(req.cookies.get(name)?.value));
  if (!refused && cookies.length === 0) return handler(req, ctx);
  const res = NextResponse.json({ error: { message: "Yêu cầu đăng nhập không hợp lệ (đường dẫn quay lại hoặc nội dung sai)." } }, { status: 400 });
  for (const name of cookies) res.cookies.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-") });
  return res;
}

export { guarded as GET, guarded as POST };
