import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cacheKey, isInternalPath, pickEncoding, sharedTtl, DEFAULT_TTL_SECONDS } from "./cache-policy";
import { ResponseCache, type Fetched } from "./response-cache";

describe("cacheKey: what the front cache may answer", () => {
  it.each([
    "/vi", "/en/", "/vi/decisions/411-2022", "/en/documents/749-2020", "/vi/indicators/egdi-rank", "/vi/tasks?doc=411-2022&page=2",
    "/vi/archive/2026-Q2", "/en/archive/2026-Q2/indicators/egdi-rank", "/api/v1", "/api/v1/indicators?page=2", "/api/v1/bulk/observations.csv",
    "/api/v1/openapi.json", "/sitemap.xml", "/robots.txt",
  ])("public: %s", (url) => expect(cacheKey("GET", url, {})).toBe(url));

  it.each([
    "/", "/vi/reporting", "/vi/review", "/vi/dashboard", "/vi/dashboard/agencies/HN", "/vi/admin/users", "/vi/login", "/api/me",
    "/api/v1/reporting/workspace", "/api/v1/reporting", "/api/evidence/1", "/api/auth/session", "/api/reporting/template", "/_next/static/x.js",
    "/fr", "/vi/decisions/411-2022/extra", "/vi/decisions/..%2Freporting", "/api/internal/refresh",
  ])("not cached: %s", (url) => expect(cacheKey("GET", url, {})).toBeNull());

  it("only GET and HEAD", () => {
    expect(cacheKey("HEAD", "/vi", {})).toBe("/vi");
    for (const m of ["POST", "PUT", "DELETE", "OPTIONS", undefined]) expect(cacheKey(m, "/vi", {})).toBeNull();
  });

  it("never client navigations (RSC), server actions or credentials", () => {
    for (const h of ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "authorization", "range"]) {
      expect(cacheKey("GET", "/vi", { [h]: "1" }), h).toBeNull();
    }
    expect(cacheKey("GET", "/vi?_rsc=abc", {})).toBeNull();
    expect(cacheKey("GET", "/vi?x=1&_rsc=abc", {})).toBeNull();
    // A cookie does not matter: the fill never sends it, and public pages ignore it.
    expect(cacheKey("GET", "/vi", { cookie: "next-auth.session-token=x" })).toBe("/vi");
  });

  it("the refresh hook is internal", () => {
    expect(isInternalPath("/api/internal/refresh")).toBe(true);
    expect(isInternalPath("/api/internal?x")).toBe(true);
    expect(isInternalPath("/api/internally")).toBe(false);
  });
});

describe("sharedTtl: which responses may be kept", () => {
  it("keeps Next's s-maxage", () => expect(sharedTtl(200, { "cache-control": "s-maxage=3600, stale-while-revalidate=1" })).toBe(3600));
  it("keeps pages rendered per request for the default time", () => expect(sharedTtl(200, { "cache-control": "private, no-cache, no-store" })).toBe(DEFAULT_TTL_SECONDS));
  it("never a response that sets a cookie, an error, a redirect or a stale copy", () => {
    expect(sharedTtl(200, { "cache-control": "s-maxage=60", "set-cookie": ["a=b"] })).toBeNull();
    expect(sharedTtl(404, { "cache-control": "s-maxage=60" })).toBeNull();
    expect(sharedTtl(500, {})).toBeNull();
    expect(sharedTtl(307, { location: "/vi" })).toBeNull();
    expect(sharedTtl(200, { "cache-control": "s-maxage=60", "x-nextjs-cache": "STALE" })).toBeNull();
  });
});

describe("pickEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["identity", "identity"],
    [undefined, "identity"],
    ["*", "br"],
    ["*, br;q=0", "gzip"],
    ["gzip;q=0, br;q=0", "identity"],
  ])("%s → %s", (accept, want) => expect(pickEncoding(accept)).toBe(want));
});

const page = (html: string, headers: Fetched["headers"] = {}): Fetched => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", "cache-control": "s-maxage=60", date: "x", "content-length": "1", ...headers },
  body: Buffer.from(html),
});

describe("ResponseCache", () => {
  const big = "<p>Chỉ tiêu</p>".repeat(500);

  it("stores pre-compressed copies that decode to the page, with an ETag and Vary", async () => {
    const c = new ResponseCache(10 * 1024 * 1024);
    const { entry } = await c.fill("/vi", async () => page(big), (f) => sharedTtl(f.status, f.headers));
    expect(entry).not.toBeNull();
    const e = c.get("/vi")!;
    expect(e).toBe(entry);
    expect(gunzipSync(e.variants.gzip.body).toString()).toBe(big);
    expect(brotliDecompressSync(e.variants.br.body).toString()).toBe(big);
    expect(e.variants.br.body.length).toBeLessThan(big.length / 5);
    expect(e.variants.gzip.headers["content-encoding"]).toBe("gzip");
    expect(e.variants.identity.headers["content-length"]).toBe(Buffer.byteLength(big));
    expect(e.variants.identity.headers.vary).toMatch(/Accept-Encoding/);
    expect(e.variants.identity.headers.date).toBeUndefined(); // hop headers are not replayed
    expect(e.etag).toMatch(/^".+"$/);
  });

  it("shares one fill between concurrent misses", async () => {
    const c = new ResponseCache(1024 * 1024);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return page("x");
    };
    await Promise.all(Array.from({ length: 10 }, () => c.fill("/vi", load, () => 60)));
    expect(loads).toBe(1);
    expect(c.get("/vi")).toBeDefined();
  });

  it("drops everything when the version moves, and does not keep a fill begun under the old one", async () => {
    const c = new ResponseCache(1024 * 1024);
    c.setVersion("1");
    await c.fill("/vi", async () => page("old"), () => 60);
    expect(c.get("/vi")).toBeDefined();
    let release!: () => void;
    const slow = c.fill("/en", () => new Promise<Fetched>((r) => (release = () => r(page("rendered before the change")))), () => 60);
    c.setVersion("2");
    expect(c.get("/vi")).toBeUndefined();
    release();
    const { entry } = await slow;
    expect(entry).not.toBeNull(); // its own caller is still answered…
    expect(c.get("/en")).toBeUndefined(); // …but it is not kept
  });

  it("passes on what may not be kept", async () => {
    const c = new ResponseCache(1024 * 1024);
    const r = await c.fill("/vi", async () => ({ ...page("x"), status: 404 }), (f) => sharedTtl(f.status, f.headers));
    expect(r.entry).toBeNull();
    expect(r.fetched.status).toBe(404);
    expect(c.get("/vi")).toBeUndefined();
  });

  it("expires entries after their time and evicts the least recently used beyond its memory", async () => {
    const c = new ResponseCache(4000);
    await c.fill("/a", async () => page("a".repeat(900), { "content-type": "image/png" }), () => 60);
    expect(c.get("/a", Date.now() + 61_000)).toBeUndefined();
    for (const k of ["/a", "/b", "/c", "/d"]) await c.fill(k, async () => page(k.slice(1).repeat(900), { "content-type": "image/png" }), () => 60);
    expect(c.size.bytes).toBeLessThanOrEqual(4000);
    c.get("/a"); // used: /b is now the oldest
    await c.fill("/e", async () => page("e".repeat(900), { "content-type": "image/png" }), () => 60);
    expect(c.get("/b")).toBeUndefined();
    expect(c.get("/a")).toBeDefined();
    expect(c.get("/e")).toBeDefined();
  });
});
