// Which requests the front cache may answer and which responses it may keep. Pure functions: the
// safety of sharing one response between visitors rests here, so it is unit-tested on its own.
import { hasSessionCookie } from "./lite-page";

const LANG = "(?:vi|en)";
// A segment of letters, digits and dashes, never "." or "..": Next resolves those, so
// "/vi/indicators/.." would otherwise be a second key for another page.
const SLUG = "(?!\\.{1,2}(?:/|$))[A-Za-z0-9._-]+";

/** Query parameters the public task list and its filters read (src/modules/tasks/filters.ts). */
const TASK_PARAMS = ["decision", "agency", "status", "q", "page"];
/**
 * Every query parameter some open-data read understands. A name outside this list is read by no
 * route, so a request carrying one is handed to Next without a cache entry: a visitor inventing
 * parameters cannot fill the cache (the API echoes the query in its pagination links, so the
 * canonical response is not the same bytes).
 */
const API_PARAMS = new Set([
  "page",
  "pageSize",
  "decision",
  "agency",
  "national",
  "pillar",
  "indicator",
  "from",
  "to",
  "milestone",
  "status",
  "asOf",
  "illustrative",
  "period",
  "kind",
  "current",
  "q",
  "sort",
  "source",
]);

type PublicPath = {
  re: RegExp;
  params: readonly string[] | "api";
  /**
   * Parameters that make the page depend on who asks (a reviewer's view of values awaiting
   * review): a signed-in request carrying one is handed to Next with its cookies, never answered
   * from or stored in the cache (the key would drop the parameter and answer a reviewer with the
   * public page). Without a session the page shows what everyone sees: keyed as usual.
   */
  personal?: readonly string[];
};
/**
 * The public pages and open-data reads: the same for every visitor, signed in or not, with the
 * query parameters each reads. Pages ignore parameters they do not read, so those are dropped
 * from the key and from the fill: `/vi?utm=x` is answered from the entry of `/vi`.
 */
const PUBLIC_PATHS: PublicPath[] = [
  { re: new RegExp(`^/${LANG}/?$`), params: [] },
  { re: new RegExp(`^/${LANG}/(?:decisions|documents|indicators)/${SLUG}/?$`), params: [] },
  { re: new RegExp(`^/${LANG}/indicators/${SLUG}/compare/?$`), params: ["period"], personal: ["submitted"] },
  { re: new RegExp(`^/${LANG}/tasks/?$`), params: TASK_PARAMS },
  { re: new RegExp(`^/${LANG}/sources/?$`), params: ["indicator", "page"] },
  { re: new RegExp(`^/${LANG}/methodology/?$`), params: [] },
  { re: new RegExp(`^/${LANG}/archive/${SLUG}(?:/indicators/${SLUG})?/?$`), params: [] },
  { re: /^\/api\/v1(?!\/reporting(?:\/|$))(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._-]+)*\/?$/, params: "api" },
  { re: /^\/(?:sitemap\.xml|robots\.txt)$/, params: [] },
];

/** Headers that make a request personal or a client-side navigation (RSC), never cached here. */
const BYPASS_HEADERS = [
  "authorization",
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "range",
];

/**
 * The cache key for a request the front cache may answer, or null to hand it straight to Next.
 * The key is also the URL the fill asks Next for: the path with only the parameters the page
 * reads, in a fixed order.
 */
export function cacheKey(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url) return null;
  if (BYPASS_HEADERS.some((h) => headers[h] !== undefined)) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? "" : url.slice(q + 1);
  if (/(?:^|&)_rsc=/.test(query)) return null;
  const rule = PUBLIC_PATHS.find((p) => p.re.test(pathname));
  if (!rule) return null;
  if (!query) return pathname;
  let search: URLSearchParams;
  try {
    search = new URLSearchParams(query);
  } catch {
    return null;
  }
  if (rule.personal?.some((k) => search.has(k)) && hasSessionCookie(headers.cookie)) return null;
  if (rule.params === "api") {
    for (const k of search.keys()) if (!API_PARAMS.has(k)) return null;
    return url;
  }
  const kept = new URLSearchParams();
  for (const k of rule.params) {
    const all = search.getAll(k);
    // Which of two values a page would read is its own business: let Next answer, uncached.
    if (all.length > 1) return null;
    if (all.length === 1 && all[0] !== "") kept.set(k, all[0]);
  }
  const s = kept.toString();
  return s ? `${pathname}?${s}` : pathname;
}

/**
 * Paths the front server refuses from outside (the in-process refresh hook). The path is
 * resolved as Next resolves it ("." and ".." segments, percent-encoded dots, backslashes,
 * repeated slashes) before it is compared, so no spelling of it gets through.
 */
export function isInternalPath(url: string | undefined): boolean {
  if (!url) return false;
  let p = url;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      // Leading "//" would make the rest a host name instead of a path.
      next = new URL(p.replace(/^[/\\]+/, "/"), "http://front.invalid").pathname;
    } catch {
      return true;
    }
    try {
      next = decodeURIComponent(next);
    } catch {
      // A stray "%": Next cannot decode it either; compare the path as resolved.
    }
    next = next.replace(/\/{2,}/g, "/");
    if (next === p) break;
    p = next;
  }
  return /^\/api\/internal(?:\/|$)/i.test(p);
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
export const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "etag",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
  "x-next-cache-tags",
]);

/** Content types worth compressing. */
export function compressible(contentType: string | string[] | undefined): boolean {
  return /^(?:text\/|application\/(?:json|javascript|xml|.*\+json|.*\+xml))/i.test(String(contentType ?? ""));
}
