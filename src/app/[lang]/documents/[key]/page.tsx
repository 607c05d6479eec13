import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { DocumentViewer } from "@/modules/documents/components/DocumentViewer";
import { publicPageMetadata } from "@/modules/documents/seo";
import { documentHeader, loadDocumentSource } from "@/modules/documents/source";

export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string; key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, key } = await params;
  if (!isLang(lang)) return {};
  const d = await documentHeader(key);
  if (!d) return {};
  const p = getMessages(lang).public.source;
  const title = lang === "vi" ? d.titleVi : d.titleEn;
  const number = d.numberCanonical ?? d.numberPrinted ?? title;
  return publicPageMetadata({
    lang,
    rest: `/documents/${d.key}`,
    title: fill(p.metaTitle, { number }),
    description: fill(p.metaDescription, { number, title }),
    type: "article",
  });
}

export default async function DocumentPage({ params }: { params: Params }) {
  const { lang, m } = await resolveLang(params);
  const { key } = await params;
  const doc = await loadDocumentSource(key);
  if (!doc) notFound();
  return <DocumentViewer doc={doc} lang={lang} m={m} />;
}
