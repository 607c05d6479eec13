import type { Metadata } from "next";
import { isLang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { publicPageMetadata } from "@/modules/documents/seo";
import { SourcesPage } from "@/modules/figures/components/SourcesPage";
import { parseSourcesFilters } from "@/modules/figures/schemas";

export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  if (!isLang(lang)) return {};
  const t = getMessages(lang).figures;
  return publicPageMetadata({ lang, rest: "/sources", title: t.title, description: t.metaDescription });
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lang, m } = await resolveLang(params);
  return <SourcesPage lang={lang} m={m} filters={parseSourcesFilters(await searchParams)} />;
}
