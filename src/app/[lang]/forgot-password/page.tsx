import type { Metadata } from "next";
import { resolveLang } from "@/i18n/server";
import { ForgotPasswordForm } from "@/modules/auth/components/ForgotPasswordForm";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: m.mail.forgot.title, robots: { index: false } };
}

export default async function ForgotPasswordPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{m.mail.forgot.title}</h1>
      <p className="max-w-prose text-slate-700">{m.mail.forgot.intro}</p>
      <ForgotPasswordForm lang={lang} />
    </div>
  );
}
