import type { MetadataRoute } from "next";
import { LANGS } from "@/i18n/config";
import { languageAlternates, siteUrl } from "@/modules/documents/seo";
import { documentKeys } from "@/modules/decisions/queries";
import { indicatorCodes } from "@/modules/indicators/queries";

// Read from the database on each request: the documents and indicators come from the seed import.
export const dynamic = "force-dynamic";

/** Every public page in both languages, each with its vi/en alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [documents, indicators] = await Promise.all([documentKeys(), indicatorCodes()]);
  const paths = [
    "",
    "/tasks",
    "/sources",
    "/methodology",
    ...documents.flatMap((key) => [`/decisions/${key}`, `/documents/${key}`]),
    ...indicators.map((code) => `/indicators/${code}`),
  ];
  return paths.flatMap((rest) => {
    const alternates = Object.fromEntries(Object.entries(languageAlternates(rest)).map(([l, p]) => [l, `${base}${p}`]));
    return LANGS.map((lang) => ({ url: `${base}/${lang}${rest}`, alternates: { languages: alternates } }));
  });
}
