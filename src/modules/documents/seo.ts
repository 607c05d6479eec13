// Shared metadata of the public pages: the site's base URL (never taken from the request), Open
// Graph and the vi/en alternates. Used by the layout, the public pages, sitemap.ts and robots.ts.
import type { Metadata } from "next";
import { LANGS, type Lang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { env } from "@/server/env";

const FALLBACK = "http://127.0.0.1:3000";

/** The configured public origin (NEXTAUTH_URL) without a trailing slash. */
export function siteUrl(): string {
  const raw = env.NEXTAUTH_URL ?? FALLBACK;
  try {
    return new URL(raw).origin;
  } catch {
    return FALLBACK;
  }
}

export const OG_LOCALE: Record<Lang, string> = { vi: "vi_VN", en: "en_GB" };

/** `/vi/<path>` and `/en/<path>` for a path given without its language segment ("" for home). */
export function languageAlternates(rest: string): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((l) => [l, `/${l}${rest}`])) as Record<Lang, string>;
}

/** Title, description, canonical + alternate languages and Open Graph of one public page. */
export function publicPageMetadata(opts: {
  lang: Lang;
  rest: string;
  title: string;
  description: string;
  type?: "website" | "article";
}): Metadata {
  const description = clip(opts.description, 300);
  const languages = languageAlternates(opts.rest);
  return {
    title: opts.title,
    description,
    alternates: { canonical: languages[opts.lang], languages },
    openGraph: {
      title: opts.title,
      description,
      type: opts.type ?? "website",
      url: languages[opts.lang],
      siteName: getMessages(opts.lang).meta.siteName,
      locale: OG_LOCALE[opts.lang],
      alternateLocale: LANGS.filter((l) => l !== opts.lang).map((l) => OG_LOCALE[l]),
    },
  };
}

function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}
