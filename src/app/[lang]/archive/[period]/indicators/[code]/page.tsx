import { notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { IndicatorPage } from "@/modules/indicators/components/IndicatorPage";
import { parseArchivePeriod } from "@/modules/scorecard/periods";

export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export default async function ArchivedIndicatorPage({ params }: { params: Promise<{ lang: string; period: string; code: string }> }) {
  const { lang, m } = await resolveLang(params);
  const { period, code } = await params;
  const asOf = parseArchivePeriod(period);
  if (!asOf || !/^[a-z0-9-]{1,80}$/.test(code)) notFound();
  const page = await IndicatorPage({ lang, m, code, asOf });
  if (!page) notFound();
  return page;
}
