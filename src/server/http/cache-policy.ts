// Which requests the front cache may answer and which responses it may keep. Pure functions: the
// safety of sharing one response between visitors rests here, so it is unit-tested on its own.

const LANG = "(?:vi|en)";
const SLUG = "[A-Za-z0-9._-]+";
/** The public pages and open-data reads: the same for every visitor, signed in or not. */
const PUBLIC_PATHS = [
  new RegExp(`^/${LANG}/?$`),
  new RegExp(`^/${LANG}/(?:decisions|documents|indicators)/${SLUG}/?$`),
  new RegExp(`^/${LANG}/tasks/?$`),
  new RegExp(`^/${LANG}/archive/${SLUG}(?:/indicators/${SLUG})?/?$`),
  /^\/api\/v1(?!\/reporting(?:\/|$))(?:\/[A-Za-z0-9._-]+)*\/?$/,
  /^\/(?:sitemap\.xml|robots\.txt)$/,
];

/** Headers that make a request personal or a client-side navigation (RSC), never cached here. */
const BYPASS_HEADERS = ["authorization", "rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "range"];

/** The cache key for a request the front cache may answer, or null to hand it straight to Next. */
export function cacheKey(method: string | undefined, url: string | undefined, headers: Record<string, string | string[] | undefined>): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url) return null;
  if (BYPASS_HEADERS.some((h) => headers[h] !== undefined)) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  if (q >= 0 && /(?:^|&)_rsc=/.test(url.slice(q + 1))) return null;
  if (!PUBLIC_PATHS.some((re) => re.test(pathname))) return null;
  return url;
}

/** Paths the front server refuses from outside (the in-process refresh hook). */
export function isInternalPath(url: string | undefined): boolean {
  return !!url && /^\/api\/internal(?:\/|\?|$)/.test(url);
}

/** How long a public response without its own `s-maxage` is kept (pages with filters in the URL). */
export const DEFAULT_TTL_SECONDS = 300;

/**
 * Seconds a response to a public path (see cacheKey) may be kept, or null. The fill request that
 * produced it carried no cookie and no credentials, so it is what any visitor would get; it is
 * kept unless it sets a cookie, is not a 200, or is a stale copy Next is already re-rendering.
 * Next's `s-maxage` bounds the time when present; pages Next renders per request (those reading
 * their filters from the URL) are kept DEFAULT_TTL_SECONDS. Published data changing empties the
 * cache whatever the time left.
 */
export function sharedTtl(status: number, headers: Record<string, string | string[] | undefined>): number | null {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  if (headers["x-nextjs-cache"] === "STALE") return null;
  const m = /\bs-maxage=(\d+)/.exec(String(headers["cache-control"] ?? "").toLowerCase());
  return m && Number(m[1]) > 0 ? Number(m[1]) : DEFAULT_TTL_SECONDS;
}

export type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts among those the cache holds. */
export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

/** Response headers never stored or repeated from a cached entry. */
export const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "etag", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time", "x-next-cache-tags"]);

/** Content types worth compressing. */
export function compressible(contentType: string | string[] | undefined): boolean {
  return /^(?:text\/|application\/(?:json|javascript|xml|.*\+json|.*\+xml))/i.test(String(contentType ?? ""));
}
