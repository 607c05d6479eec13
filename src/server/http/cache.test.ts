import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cacheKey, isInternalPath, pickEncoding, sharedTtl, DEFAULT_TTL_SECONDS } from "./cache-policy";
import { hasSessionCookie, isPublicPage, toLitePage } from "./lite-page";
import { ResponseCache, type Fetched } from "./response-cache";

describe("cacheKey: what the front cache may answer", () => {
  it.each([
    "/vi",
    "/en/",
    "/vi/decisions/411-2022",
    "/en/documents/749-2020",
    "/vi/indicators/egdi-rank",
    "/vi/tasks?decision=411-2022&page=2",
    "/vi/archive/2026-Q2",
    "/en/archive/2026-Q2/indicators/egdi-rank",
    "/api/v1",
    "/api/v1/indicators?page=2",
    "/api/v1/bulk/observations.csv",
    "/api/v1/openapi.json",
    "/sitemap.xml",
    "/robots.txt",
  ])("public: %s", (url) => expect(cacheKey("GET", url, {})).toBe(url));

  it.each([
    "/",
    "/vi/reporting",
    "/vi/review",
    "/vi/dashboard",
    "/vi/dashboard/agencies/HN",
    "/vi/admin/users",
    "/vi/login",
    "/api/me",
    "/api/v1/reporting/workspace",
    "/api/v1/reporting",
    "/api/evidence/1",
    "/api/auth/session",
    "/api/reporting/template",
    "/_next/static/x.js",
    "/fr",
    "/vi/decisions/411-2022/extra",
    "/vi/decisions/..%2Freporting",
    "/api/internal/refresh",
    "/vi/indicators/..",
    "/vi/indicators/.",
    "/vi/archive/../indicators/x",
    "/api/v1/..",
    "/api/v1/./reporting",
  ])("not cached: %s", (url) => expect(cacheKey("GET", url, {})).toBeNull());

  it("keys a page on the query parameters it reads, nothing else", () => {
    expect(cacheKey("GET", "/vi?utm_source=x", {})).toBe("/vi");
    expect(cacheKey("GET", "/vi/indicators/egdi-rank?junk=1&b=2", {})).toBe("/vi/indicators/egdi-rank");
    expect(cacheKey("GET", "/en/archive/2026-Q2?x", {})).toBe("/en/archive/2026-Q2");
    expect(cacheKey("GET", "/vi/indicators/egdi-rank/compare?junk=1&period=2026-Q2", {})).toBe(
      "/vi/indicators/egdi-rank/compare?period=2026-Q2",
    );
    expect(cacheKey("GET", "/sitemap.xml?v=3", {})).toBe("/sitemap.xml");
    // The task list reads its filters: kept, in one order, empty ones dropped, the rest ignored.
    expect(cacheKey("GET", "/vi/tasks?page=2&junk=1&decision=411-2022", {})).toBe("/vi/tasks?decision=411-2022&page=2");
    expect(cacheKey("GET", "/vi/tasks?decision=411-2022&page=2", {})).toBe("/vi/tasks?decision=411-2022&page=2");
    expect(cacheKey("GET", "/vi/tasks?q=&status=", {})).toBe("/vi/tasks");
    // Which of two values the page would read is left to Next, uncached.
    expect(cacheKey("GET", "/vi/tasks?page=1&page=2", {})).toBeNull();
    // The sources page reads its indicator and page; its import screen is signed-in, never shared.
    expect(cacheKey("GET", "/en/sources?utm=1&indicator=egdi-rank", {})).toBe("/en/sources?indicator=egdi-rank");
    expect(cacheKey("GET", "/vi/sources/import", {})).toBeNull();
    expect(cacheKey("GET", "/api/v1/figures?source=NSO&asOf=2024-01-01", {})).toBe(
      "/api/v1/figures?source=NSO&asOf=2024-01-01",
    );
  });

  it("200 junk parameters give one key per page", () => {
    const keys = new Set<string | null>();
    for (let i = 0; i < 200; i++) {
      keys.add(cacheKey("GET", `/vi?junk${i}=${i}`, {}));
      keys.add(cacheKey("GET", `/vi/indicators/egdi-rank?x=${i}`, {}));
      keys.add(cacheKey("GET", `/vi/tasks?decision=411-2022&r=${i}`, {}));
    }
    expect([...keys].sort()).toEqual(["/vi", "/vi/indicators/egdi-rank", "/vi/tasks?decision=411-2022"]);
  });

  it("open-data reads: parameters some route reads are kept as sent; any other is never cached", () => {
    expect(cacheKey("GET", "/api/v1/indicators?page=2&pageSize=50", {})).toBe("/api/v1/indicators?page=2&pageSize=50");
    expect(cacheKey("GET", "/api/v1/indicators?page=2&junk=1", {})).toBeNull();
    expect(cacheKey("GET", "/api/v1?cachebuster=1", {})).toBeNull();
  });

  it("only GET and HEAD", () => {
    expect(cacheKey("HEAD", "/vi", {})).toBe("/vi");
    for (const m of ["POST", "PUT", "DELETE", "OPTIONS", undefined]) expect(cacheKey(m, "/vi", {})).toBeNull();
  });

  it("never client navigations (RSC), server actions or credentials", () => {
    for (const h of [
      "rsc",
      "next-action",
      "next-router-state-tree",
      "next-router-prefetch",
      "authorization",
      "range",
    ]) {
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
    expect(isInternalPath("/api/v1/indicators")).toBe(false);
  });

  it.each([
    "/api/./internal/refresh",
    "/api/%2e/internal/refresh",
    "/api/%2E/internal/refresh",
    "/api/v1/../internal/refresh",
    "/x/../api/internal/refresh",
    "/api/v1/%2e%2e/internal/refresh",
    "//api//internal/refresh",
    "/api\\internal\\refresh",
    "/api%2finternal/refresh",
    "/api/%69nternal/refresh",
    "/API/internal/refresh",
    "/api/internal/%zz",
    "/api/%252e/internal/refresh",
  ])("the refresh hook is internal however it is spelled: %s", (url) => {
    expect(isInternalPath(url)).toBe(true);
  });
});

describe("sharedTtl: which responses may be kept", () => {
  it("keeps Next's s-maxage", () =>
    expect(sharedTtl(200, { "cache-control": "s-maxage=3600, stale-while-revalidate=1" })).toBe(3600));
  it("keeps pages rendered per request for the default time", () =>
    expect(sharedTtl(200, { "cache-control": "private, no-cache, no-store" })).toBe(DEFAULT_TTL_SECONDS));
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
  headers: {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "s-maxage=60",
    date: "x",
    "content-length": "1",
    ...headers,
  },
  body: Buffer.from(html),
});

describe("ResponseCache", () => {
  const big = "<p>Chỉ tiêu</p>".repeat(500);

  it("stores pre-compressed copies that decode to the page, with an ETag and Vary", async () => {
    const c = new ResponseCache(10 * 1024 * 1024);
    const { entry } = await c.fill(
      "/vi",
      async () => page(big),
      (f) => sharedTtl(f.status, f.headers),
    );
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
    await c.fill(
      "/vi",
      async () => page("old"),
      () => 60,
    );
    expect(c.get("/vi")).toBeDefined();
    let release!: () => void;
    const slow = c.fill(
      "/en",
      () => new Promise<Fetched>((r) => (release = () => r(page("rendered before the change")))),
      () => 60,
    );
    c.setVersion("2");
    expect(c.get("/vi")).toBeUndefined();
    release();
    const { entry } = await slow;
    expect(entry).not.toBeNull(); // its own caller is still answered…
    expect(c.get("/en")).toBeUndefined(); // …but it is not kept
  });

  it("passes on what may not be kept", async () => {
    const c = new ResponseCache(1024 * 1024);
    const r = await c.fill(
      "/vi",
      async () => ({ ...page("x"), status: 404 }),
      (f) => sharedTtl(f.status, f.headers),
    );
    expect(r.entry).toBeNull();
    expect(r.fetched.status).toBe(404);
    expect(c.get("/vi")).toBeUndefined();
  });

  it("expires entries after their time and evicts the least recently used beyond its memory", async () => {
    const c = new ResponseCache(4000);
    await c.fill(
      "/a",
      async () => page("a".repeat(900), { "content-type": "image/png" }),
      () => 60,
    );
    expect(c.get("/a", Date.now() + 61_000)).toBeUndefined();
    for (const k of ["/a", "/b", "/c", "/d"])
      await c.fill(
        k,
        async () => page(k.slice(1).repeat(900), { "content-type": "image/png" }),
        () => 60,
      );
    expect(c.size.bytes).toBeLessThanOrEqual(4000);
    c.get("/a"); // used: /b is now the oldest
    await c.fill(
      "/e",
      async () => page("e".repeat(900), { "content-type": "image/png" }),
      () => 60,
    );
    expect(c.get("/b")).toBeUndefined();
    expect(c.get("/a")).toBeDefined();
    expect(c.get("/e")).toBeDefined();
  });
});

describe("lite pages: anonymous visitors get public pages without Next's runtime", () => {
  // The tags Next 16 writes into a prerendered page (copied from the portal's /vi).
  const next = [
    '<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>',
    '<link rel="modulepreload" href="/_next/static/chunks/x.js"/>',
    '<link rel="icon" href="/favicon.ico"/><link rel="preload" as="font" href="/f.woff2" crossorigin=""/>',
    '<script src="/_next/static/chunks/1cynx-l67zhyc.js" async=""></script>',
    '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
    "<style>body{color:red}</style>",
    '<script type="application/ld+json">{"@type":"Dataset"}</script></head>',
    '<body><header><span class="invisible" aria-hidden="true" data-account="/vi/login">Đăng nhập</span>',
    '<!--$!--><template data-dgst=""></template><a hrefLang="en" href="/en">English</a><!--/$--></header>',
    "<main><p>Tỷ trọng kinh tế số &lt;script&gt;</p></main>",
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
    '<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>',
    '<script>self.__next_f.push([1,"\\u003cscript\\u003e"])</script></body></html>',
  ].join("");
  const lite = toLitePage(next, "/_cds/enhance-abc.js")!;

  it("drops every Next script, inline or not, and the script preloads", () => {
    expect(lite).not.toMatch(/_next\/static\/chunks/);
    expect(lite).not.toContain("__next_f");
    expect(lite).not.toContain("TURBOPACK");
    expect(lite.match(/<script/g)).toHaveLength(2);
  });
  it("keeps the content, styles, other links and structured data", () => {
    expect(lite).toContain("<main><p>Tỷ trọng kinh tế số &lt;script&gt;</p></main>");
    expect(lite).toContain("<style>body{color:red}</style>");
    expect(lite).toContain('<link rel="icon" href="/favicon.ico"/>');
    expect(lite).toContain('<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>');
    expect(lite).toContain('<script type="application/ld+json">{"@type":"Dataset"}</script>');
    expect(lite).toContain('data-account="/vi/login"');
  });
  it("loads the enhancing script, deferred, from the head", () => {
    expect(lite).toContain('<script src="/_cds/enhance-abc.js" defer></script></head>');
  });
  it("leaves pages that need React's inline scripts to finish rendering", () => {
    expect(toLitePage(next.replace("<main>", '<div hidden id="S:0"></div><main>'), "/x.js")).toBeNull();
    expect(toLitePage(next.replace("<main>", '<script>$RC("B:0","S:0")</script><main>'), "/x.js")).toBeNull();
    expect(toLitePage("<html><body>no head</body></html>", "/x.js")).toBeNull();
  });
  it("recognises next-auth's session cookie, plain, secure or chunked, and nothing else", () => {
    expect(hasSessionCookie("next-auth.session-token=abc")).toBe(true);
    expect(hasSessionCookie("theme=dark; __Secure-next-auth.session-token.0=abc")).toBe(true);
    expect(hasSessionCookie(["a=1", "next-auth.session-token=x"])).toBe(true);
    expect(hasSessionCookie("next-auth.csrf-token=abc; next-auth.callback-url=%2Fvi")).toBe(false);
    expect(hasSessionCookie("my-next-auth.session-token=abc")).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
  it("applies to the public HTML pages only", () => {
    expect(isPublicPage("/vi")).toBe(true);
    expect(isPublicPage("/en/indicators/x?y=1")).toBe(true);
    expect(isPublicPage("/vi/tasks?status=DONE")).toBe(true);
    expect(isPublicPage("/api/v1/indicators")).toBe(false);
    expect(isPublicPage("/sitemap.xml")).toBe(false);
    expect(isPublicPage("/video")).toBe(false);
  });
});
