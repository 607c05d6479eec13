import { resolveLang } from "@/i18n/server";
import { Scorecard } from "@/modules/scorecard/components/Scorecard";
import { endedQuarters } from "@/modules/scorecard/periods";

// Rendered per request and cached only by the front server (src/server/http/server.ts), which
// keeps whole 200 responses and never an error page. Why not Next's own page cache: it writes
// every path it renders to disk (.next/server/route-cache), unknown slugs included, and keeps
// them across restarts, so anonymous requests for invented slugs filled the disk.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  return <Scorecard lang={lang} m={m} periods={endedQuarters(12)} />;
}
