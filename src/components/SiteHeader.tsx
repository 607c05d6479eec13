import Link from "next/link";
import { Suspense } from "react";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";

export function SiteHeader({ lang, m }: { lang: Lang; m: Messages }) {
  return (
    <header className="bg-brand-800 text-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-black">
        {m.nav.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={`/${lang}`} className="text-lg font-semibold">
          {m.meta.siteName}
        </Link>
        <nav aria-label={m.nav.home} className="flex items-center gap-4 text-sm">
          <Link href={`/${lang}`} className="hover:underline">
            {m.nav.decisions}
          </Link>
          <Link href={`/${lang}/tasks`} className="hover:underline">
            {m.public.tasks.nav}
          </Link>
          <Link href="/api/v1" prefetch={false} className="hover:underline">
            {m.nav.api}
          </Link>
          <AccountMenu lang={lang} m={{ auth: m.auth, reporting: m.reporting, review: m.review, admin: m.admin, dashboard: m.dashboard }} />
          <Suspense fallback={null}>
            <LanguageSwitch lang={lang} label={m.nav.switchTo} ariaLabel={m.nav.switchToLabel} />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
