import { notFound } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { IndicatorPage } from "@/modules/indicators/components/IndicatorPage";
import { parseArchivePeriod } from "@/modules/scorecard/periods";

// Rendered per request and cached only by the front server (src/server/http/server.ts), which
// keeps whole 200 responses and never an error page. Why not Next's own page cache: it writes
// every path it renders to disk (.next/server/route-cache), unknown slugs included, and keeps
// them across restarts, so anonymous requests for invented slugs filled the disk.
export const dynamic = "force-dynamic";

export default async function ArchivedIndicatorPage({
  params,
}: {
  params: Promise<{ lang: string; period: string; code: string }>;
}) {
  const { lang, m } = await resolveLang(params);
  const { period, code } = await params;
  const asOf = parseArchivePeriod(period);
  if (!asOf || !/^[a-z0-9-]{1,80}$/.test(code)) notFound();
  const page = await IndicatorPage({ lang, m, code, asOf });
  if (!page) notFound();
  return page;
}
