import type { Metadata } from "next";
import { fill } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { categoryName } from "@/modules/mail/compose";
import { UnsubscribeForm } from "@/modules/mail/components/UnsubscribeForm";
import { unsubscribeTokenState } from "@/modules/mail/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lang: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.mail.unsubscribePage.title, robots: { index: false }, referrer: "no-referrer" };
}

export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { lang, m } = await resolveLang(params);
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const state = await unsubscribeTokenState(token);
  const t = m.mail.unsubscribePage;
  return (
    <div className="max-w-prose space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
      {state.ok ? (
        <>
          <p className="text-slate-700">
            {fill(t.confirm, {
              categories: state.categories.map((c) => categoryName(lang, c)).join(", "),
              email: state.email,
            })}
          </p>
          <UnsubscribeForm lang={lang} token={token} />
        </>
      ) : (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {state.reason === "expired" ? t.expired : t.invalid}
        </p>
      )}
    </div>
  );
}
