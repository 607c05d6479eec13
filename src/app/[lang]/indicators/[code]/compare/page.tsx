import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { parsePeriodKey } from "@/lib/periods";
import { publicPageMetadata } from "@/modules/documents/seo";
import { ComparisonPage } from "@/modules/compare/components/ComparisonPage";
import { agencyComparison } from "@/modules/compare/queries";
import { indicatorMeta } from "@/modules/indicators/queries";
import { currentUser } from "@/server/current-user";

// Cached by the front server like every public page (src/server/http/cache-policy.ts keys it by
// `period`), except a signed-in request with `submitted`: that one depends on who asks.
export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string; code: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const CODE = /^[a-z0-9-]{1,80}$/;
/** A malformed quarter reads as none (the newest), as other public pages ignore filters they cannot read. */
const periodOf = (s: Awaited<Search>) => parsePeriodKey(typeof s.period === "string" ? s.period : null);

// Cheap metadata (one indexed row): a slow generateMetadata makes Next stream it after the shell,
// and a streamed page cannot be served script-free (src/server/http/lite-page.ts).
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, code } = await params;
  if (!isLang(lang)) return {};
  const ind = await indicatorMeta(code);
  if (!ind) return {};
  const t = getMessages(lang).compare;
  const name = lang === "vi" ? ind.nameVi : ind.nameEn;
  return publicPageMetadata({
    lang,
    rest: `/indicators/${ind.code}/compare`,
    title: fill(t.title, { name }),
    description: fill(t.metaDescription, { name }),
  });
}

export default async function Page({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { lang, m } = await resolveLang(params);
  const { code } = await params;
  if (!CODE.test(code)) notFound();
  const search = await searchParams;
  // Only a request asking for values awaiting review reads the session; the query shows them only
  // if this user may see them (src/modules/compare/policy.ts), anyone else gets the public page.
  const viewer = search.submitted === "1" ? await currentUser() : null;
  const c = await agencyComparison(code, periodOf(search), { submittedFor: viewer });
  if (!c) notFound();
  return <ComparisonPage lang={lang} m={m} c={c} />;
}
