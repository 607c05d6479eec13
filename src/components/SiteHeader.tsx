import Link from "next/link";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { AccountMenu } from "./AccountMenu";
import { LanguageSwitch } from "./LanguageSwitch";

// Header links do not prefetch: on every public page they would download and parse the whole
// scorecard (and the other language's) while the page is still starting up.
export function SiteHeader({ lang, m }: { lang: Lang; m: Messages }) {
  return (
    <header className="bg-brand-800 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 focus:text-black"
      >
        {m.nav.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={`/${lang}`} prefetch={false} className="text-lg font-semibold">
          {m.meta.siteName}
        </Link>
        <nav aria-label={m.nav.home} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <Link href={`/${lang}`} prefetch={false} className="hover:underline">
            {m.nav.decisions}
          </Link>
          <Link href={`/${lang}/tasks`} prefetch={false} className="hover:underline">
            {m.public.tasks.nav}
          </Link>
          <Link href={`/${lang}/sources`} prefetch={false} className="hover:underline">
            {m.figures.nav}
          </Link>
          <Link href={`/${lang}/methodology`} prefetch={false} className="hover:underline">
            {m.methodology.nav}
          </Link>
          <Link href="/api/v1" prefetch={false} className="hover:underline">
            {m.nav.api}
          </Link>
          <AccountMenu
            lang={lang}
            m={{
              signIn: m.auth.signIn,
              signOut: m.auth.signOut,
              signOutEverywhere: m.auth.signOutEverywhere,
              failureNotice: m.auth.failureNotice,
              dismissNotice: m.auth.dismissNotice,
              reporting: m.reporting.nav,
              dashboard: m.dashboard.nav,
              review: m.review.nav,
              admin: m.admin.title,
              bell: m.notifications.bell,
              bellNone: m.notifications.bellNone,
            }}
          />
          <LanguageSwitch lang={lang} label={m.nav.switchTo} ariaLabel={m.nav.switchToLabel} />
        </nav>
      </div>
    </header>
  );
}
