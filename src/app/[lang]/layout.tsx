import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { LANGS } from "@/i18n/config";
import { resolveLang } from "@/i18n/server";
import "../globals.css";

export function generateStaticParams() {
  return LANGS.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { m } = await resolveLang(params);
  return { title: { default: m.meta.siteName, template: `%s — ${m.meta.siteName}` }, description: m.meta.siteDescription };
}

export default async function LangLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  return (
    <html lang={lang}>
      <body className="min-h-screen">
        <SiteHeader lang={lang} m={m} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600">
          <p>{m.footer.source}</p>
          <p>
            <Link className="underline" href="/api/v1" prefetch={false}>
              {m.footer.openData}
            </Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
