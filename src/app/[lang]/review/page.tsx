import { Forbidden } from "@/components/Forbidden";
import { resolveLang } from "@/i18n/server";
import { ReviewQueue } from "@/modules/reporting/components/ReviewQueue";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  const { allowed } = await pageUser(lang, "reporting.review", `/${lang}/review`);
  if (!allowed) return <Forbidden message={m.auth.forbidden} />;
  return <ReviewQueue lang={lang} m={m} />;
}
