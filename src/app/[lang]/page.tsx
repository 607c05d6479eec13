import { resolveLang } from "@/i18n/server";
import { Scorecard } from "@/modules/scorecard/components/Scorecard";
import { endedQuarters } from "@/modules/scorecard/periods";

// Cached; refreshed on demand when a reviewer approves (src/server/public-cache.ts).
export const revalidate = 3600;

export default async function HomePage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  return <Scorecard lang={lang} m={m} periods={endedQuarters(12)} />;
}
