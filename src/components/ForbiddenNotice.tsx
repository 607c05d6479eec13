"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Lang } from "@/i18n/config";

export type ForbiddenText = { title: string; hint: string; home: string };

/**
 * The refusal shown (with HTTP 403) when a signed-in user opens a portal page their role does not
 * allow. forbidden.tsx receives no route parameters, so it passes both languages' words and this
 * picks the page's language from its path (rendered on the server, so no flash of the other).
 */
export function ForbiddenNotice({ text }: { text: Record<Lang, ForbiddenText> }) {
  const lang: Lang = /^\/en(?:\/|$)/.test(usePathname() ?? "") ? "en" : "vi";
  const t = text[lang];
  return (
    <section className="rounded border border-amber-300 bg-amber-50 p-6" aria-labelledby="forbidden-title" role="alert">
      <h1 id="forbidden-title" className="text-xl font-semibold text-amber-900">
        {t.title}
      </h1>
      <p className="mt-2 text-amber-900">{t.hint}</p>
      <p className="mt-4">
        <Link href={`/${lang}`} prefetch={false} className="text-brand-700 underline">
          {t.home}
        </Link>
      </p>
    </section>
  );
}
