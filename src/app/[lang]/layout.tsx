import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { LANGS } from "@/i18n/config";
import { resolveLang } from "@/i18n/server";
import { OG_LOCALE, siteUrl } from "@/modules/documents/seo";
import { env } from "@/server/env";
import "../globals.css";

// Both languages are prerendered when a database is reachable at build time (npm start);
// otherwise (a Docker build) they are rendered on first request and cached.
export function generateStaticParams() {
  return env.DATABASE_URL ? LANGS.map((lang) => ({ lang })) : [];
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang, m } = await resolveLang(params);
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: m.meta.siteName, template: `%s — ${m.meta.siteName}` },
    description: m.meta.siteDescription,
    openGraph: {
      siteName: m.meta.siteName,
      type: "website",
      locale: OG_LOCALE[lang],
      alternateLocale: LANGS.filter((l) => l !== lang).map((l) => OG_LOCALE[l]),
    },
  };
}

/** The public whole-database downloads every page offers (src/app/api/v1/bulk). */
const DOWNLOADS = [
  ["indicators.xlsx", "indicatorsXlsx"],
  ["observations.xlsx", "observationsXlsx"],
  ["indicators.csv", "indicatorsCsv"],
  ["observations.csv", "observationsCsv"],
] as const;

export default async function LangLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ lang: string }>;
}) {
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
          <p data-testid="downloads">
            {m.footer.downloads}{" "}
            {DOWNLOADS.map(([file, label], i) => (
              <span key={file}>
                {i > 0 && " · "}
                <a className="underline" href={`/api/v1/bulk/${file}`} download>
                  {m.footer[label]}
                </a>
              </span>
            ))}
          </p>
        </footer>
      </body>
    </html>
  );
}
