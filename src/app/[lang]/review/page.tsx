import { forbidden } from "next/navigation";
import { z } from "zod";
import { resolveLang } from "@/i18n/server";
import { ReviewQueue } from "@/modules/reporting/components/ReviewQueue";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

// Filters live in the URL so a filtered queue can be bookmarked and shared; a malformed one is dropped.
const query = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  agency: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  period: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
  kind: z.enum(["obs", "task"]).optional().catch(undefined),
  indicator: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,60}$/)
    .optional()
    .catch(undefined),
});

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { lang, m } = await resolveLang(params);
  const { allowed } = await pageUser(lang, "reporting.review", `/${lang}/review`);
  if (!allowed) forbidden();
  return <ReviewQueue lang={lang} m={m} query={query.parse(await searchParams)} />;
}
