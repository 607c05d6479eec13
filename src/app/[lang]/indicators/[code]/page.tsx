import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { IndicatorPage } from "@/modules/indicators/components/IndicatorPage";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string; code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, code } = await params;
  const ind = /^[a-z0-9-]{1,80}$/.test(code) ? await db.indicator.findUnique({ where: { code }, select: { nameVi: true, nameEn: true } }) : null;
  return ind ? { title: lang === "en" ? ind.nameEn : ind.nameVi } : {};
}

export default async function Page({ params }: { params: Params }) {
  const { lang, m } = await resolveLang(params);
  const { code } = await params;
  if (!/^[a-z0-9-]{1,80}$/.test(code)) notFound();
  const page = await IndicatorPage({ lang, m, code });
  if (!page) notFound();
  return page;
}
