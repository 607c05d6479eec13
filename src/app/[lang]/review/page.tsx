import { forbidden } from "next/navigation";
import { z } from "zod";
import { resolveLang } from "@/i18n/server";
import { ReviewQueue } from "@/modules/reporting/components/ReviewQueue";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

const query = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export default async function ReviewPage({ params, searchParams }: { params: Promise<{ lang: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { lang, m } = await resolveLang(params);
  const { allowed } = await pageUser(lang, "reporting.review", `/${lang}/review`);
  if (!allowed) forbidden();
  const { page } = query.parse(await searchParams);
  return <ReviewQueue lang={lang} m={m} page={page} />;
}
