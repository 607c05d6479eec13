import type { MetadataRoute } from "next";
import { LANGS } from "@/i18n/config";
import { siteUrl } from "@/modules/documents/seo";

export const dynamic = "force-dynamic";

/** Public pages are open to crawlers; the signed-in areas and the sign-in endpoints are not. */
export default function robots(): MetadataRoute.Robots {
  const base = siteUrl();
  const privateAreas = ["reporting", "review", "admin", "dashboard", "sources/import", "notifications"];
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [...privateAreas.flatMap((a) => LANGS.map((l) => `/${l}/${a}`)), "/api/auth"],
    },
    sitemap: `${base}/sitemap.xml`,
  };
}
