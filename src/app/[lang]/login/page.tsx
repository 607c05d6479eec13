import Link from "next/link";
import { LoginForm } from "@/modules/auth/components/LoginForm";
import { resolveLang } from "@/i18n/server";

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  const { lang, m } = await resolveLang(params);
  const { next } = await searchParams;
  // Only same-site paths: never redirect to another origin after sign-in.
  const target = next && /^\/(vi|en)\//.test(next) && !next.startsWith("//") ? next : `/${lang}/reporting`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{m.auth.title}</h1>
      <p className="text-slate-700">{m.auth.intro}</p>
      <LoginForm m={m.auth} next={target} />
      <p className="text-sm">
        <Link href={`/${lang}/forgot-password`} className="text-brand-700 underline">
          {m.mail.forgot.link}
        </Link>
      </p>
    </div>
  );
}
