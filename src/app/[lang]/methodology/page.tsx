import type { Metadata } from "next";
import { isLang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { publicPageMetadata } from "@/modules/documents/seo";
import { MethodologyPage } from "@/modules/statuses/components/MethodologyPage";

export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  if (!isLang(lang)) return {};
  const t = getMessages(lang).methodology.page;
  return publicPageMetadata({ lang, rest: "/methodology", title: t.title, description: t.metaDescription });
}

export default async function Page({ params }: { params: Params }) {
  const { lang, m } = await resolveLang(params);
  return <MethodologyPage lang={lang} m={m} />;
}
