import { notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { Scorecard } from "@/modules/scorecard/components/Scorecard";
import { endedQuarters, parseArchivePeriod } from "@/modules/scorecard/periods";

// A past quarter as published then: revisions never change, so it is cached; approvals still
// refresh it (a reopened and re-approved value shows in the quarter it was approved in).
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export default async function ArchivePage({ params }: { params: Promise<{ lang: string; period: string }> }) {
  const { lang, m } = await resolveLang(params);
  const asOf = parseArchivePeriod((await params).period);
  if (!asOf) notFound();
  return <Scorecard lang={lang} m={m} asOf={asOf} periods={endedQuarters(12)} />;
}
