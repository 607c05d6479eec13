import type { Metadata } from "next";
import Link from "next/link";
import { fill } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { ResetPasswordForm } from "@/modules/auth/components/ResetPasswordForm";
import { resetTokenState } from "@/modules/auth/reset";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lang: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { m } = await resolveLang(params);
  // The token is in this page's URL: never sent on as a referrer.
  return { title: m.mail.resetPage.title, robots: { index: false }, referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { lang, m } = await resolveLang(params);
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const state = await resetTokenState(token);
  const t = m.mail.resetPage;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
      {state.ok ? (
        <>
          <p className="text-slate-700">{fill(t.intro, { email: state.email })}</p>
          <ResetPasswordForm lang={lang} token={token} />
        </>
      ) : (
        <div role="alert" className="max-w-prose rounded border border-red-300 bg-red-50 p-3 text-red-900">
          <p>{state.reason === "expired" ? t.expired : t.invalid}</p>
          <p className="mt-2">
            <Link href={`/${lang}/forgot-password`} className="underline">
              {t.requestNew}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
