import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { formatQuarter, parsePeriodKey } from "@/lib/periods";
import { publicPageMetadata } from "@/modules/documents/seo";
import { ComparisonPage } from "@/modules/compare/components/ComparisonPage";
import { agencyComparison } from "@/modules/compare/queries";

// Cached by the front server like every public page (src/server/http/cache-policy.ts keys it by `period`).
export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string; code: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const CODE = /^[a-z0-9-]{1,80}$/;
/** A malformed quarter reads as none (the newest), as other public pages ignore filters they cannot read. */
const periodOf = (s: Awaited<Search>) => parsePeriodKey(typeof s.period === "string" ? s.period : null);

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}): Promise<Metadata> {
  const { lang, code } = await params;
  if (!isLang(lang) || !CODE.test(code)) return {};
  const c = await agencyComparison(code, periodOf(await searchParams));
  if (!c) return {};
  const t = getMessages(lang).compare;
  const name = lang === "vi" ? c.indicator.nameVi : c.indicator.nameEn;
  return publicPageMetadata({
    lang,
    rest: `/indicators/${c.indicator.code}/compare`,
    title: fill(t.title, { name }),
    description: fill(t.metaDescription, { name, period: formatQuarter(c.period, lang) }),
  });
}

export default async function Page({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { lang, m } = await resolveLang(params);
  const { code } = await params;
  if (!CODE.test(code)) notFound();
  const c = await agencyComparison(code, periodOf(await searchParams));
  if (!c) notFound();
  return <ComparisonPage lang={lang} m={m} c={c} />;
}
