import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { publicPageMetadata } from "@/modules/documents/seo";
import { IndicatorPage } from "@/modules/indicators/components/IndicatorPage";
import { indicatorMeta } from "@/modules/indicators/queries";

// Rendered per request and cached only by the front server (src/server/http/server.ts), which
// keeps whole 200 responses and never an error page. Why not Next's own page cache: it writes
// every path it renders to disk (.next/server/route-cache), unknown slugs included, and keeps
// them across restarts, so anonymous requests for invented slugs filled the disk.
export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, code } = await params;
  if (!isLang(lang)) return {};
  const ind = await indicatorMeta(code);
  if (!ind) return {};
  const name = lang === "en" ? ind.nameEn : ind.nameVi;
  const description =
    (lang === "en" ? ind.descriptionEn : ind.descriptionVi) ||
    fill(getMessages(lang).public.meta.indicatorDescription, { name });
  return publicPageMetadata({ lang, rest: `/indicators/${ind.code}`, title: name, description });
}

export default async function Page({ params }: { params: Params }) {
  const { lang, m } = await resolveLang(params);
  const { code } = await params;
  if (!/^[a-z0-9-]{1,80}$/.test(code)) notFound();
  const page = await IndicatorPage({ lang, m, code });
  if (!page) notFound();
  return page;
}
