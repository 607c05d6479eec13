// Script-free public pages for anonymous visitors. Why: the public pages are complete HTML once
// rendered (cards, tables, the SVG chart are all server output), yet Next ships its ~170 KB
// runtime and the page's RSC payload with every one of them, and starting that runtime and
// hydrating the page is most of what a phone spends loading it (Lighthouse's total blocking time
// on a bare Next page is already 300–600 ms on this hardware). A visitor without a session has
// nothing on these pages that needs React: the few interactive parts are enhanced by a small
// script of our own (src/lib/enhance/lite.ts). Signed-in visitors, who may see reviewer controls
// on the same pages, and client-side navigations (RSC requests) still get Next's page.
//
// Pure functions, unit-tested in cache.test.ts on markup shaped like Next's; the browser tests load
// the real pages.

/** Session cookies next-auth sets (plain and __Secure- over HTTPS, possibly chunked .0, .1…). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

export function hasSessionCookie(cookie: string | string[] | undefined): boolean {
  return SESSION_COOKIE.test(Array.isArray(cookie) ? cookie.join("; ") : (cookie ?? ""));
}

const LANG = "(?:vi|en)";
/** Public HTML pages (not the open-data API, sitemap or robots.txt, which are not HTML). */
const PAGE = new RegExp(`^/${LANG}(?:/|$)`);

export function isPublicPage(key: string): boolean {
  return PAGE.test(key.split("?")[0]);
}

/**
 * Next's HTML without Next's scripts, with `scriptSrc` loaded instead; null when the page cannot
 * stand without them: a streamed Suspense boundary that React's inline script still has to move
 * into place, or no <head> to put our script in.
 */
export function toLitePage(html: string, scriptSrc: string): string | null {
  if (/\$R[CSX]\(|hidden id="S:/.test(html) || !html.includes("</head>")) return null;
  const out = html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script>/gi, (tag, attrs: string) =>
      /\btype=["']?application\/ld\+json/i.test(attrs) ? tag : "",
    )
    .replace(/<link\b[^>]*>/gi, (tag) =>
      /\brel=["']?modulepreload/i.test(tag) || (/\brel=["']?preload/i.test(tag) && /\bas=["']?script/i.test(tag))
        ? ""
        : tag,
    );
  return out.replace("</head>", `<script src="${scriptSrc}" defer></script></head>`);
}
