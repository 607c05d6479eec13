"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { Lang } from "@/i18n/config";

/** Links to the same page in the other language (the language is the first path segment). */
export function LanguageSwitch({ lang, label, ariaLabel }: { lang: Lang; label: string; ariaLabel: string }) {
  const pathname = usePathname() ?? `/${lang}`;
  const search = useSearchParams();
  const other: Lang = lang === "vi" ? "en" : "vi";
  const rest = pathname.replace(/^\/(vi|en)(?=\/|$)/, "");
  const qs = search?.toString();
  return (
    <Link
      href={`/${other}${rest}${qs ? `?${qs}` : ""}`}
      hrefLang={other}
      lang={other}
      aria-label={ariaLabel}
      className="rounded border border-white/40 px-2 py-1 text-sm hover:bg-white/10"
    >
      {label}
    </Link>
  );
}
