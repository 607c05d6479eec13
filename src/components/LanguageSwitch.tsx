"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useSyncExternalStore } from "react";
import type { Lang } from "@/i18n/config";

type Props = { lang: Lang; label: string; ariaLabel: string };

/**
 * Links to the same page in the other language (the language is the first path segment).
 * The query string and the anchor (a line of a document) are only known in the browser (public
 * pages are static): the server renders the link without them and the browser adds them, so the
 * header never shifts. (src/lib/enhance/lite.ts does the same on the script-free pages.)
 */
export function LanguageSwitch(props: Props) {
  return (
    <Suspense fallback={<SwitchLink {...props} qs="" />}>
      <WithQuery {...props} />
    </Suspense>
  );
}

function WithQuery(props: Props) {
  const search = useSearchParams();
  return <SwitchLink {...props} qs={search?.toString() ?? ""} />;
}

const onHashChange = (cb: () => void) => {
  addEventListener("hashchange", cb);
  return () => removeEventListener("hashchange", cb);
};

function SwitchLink({ lang, label, ariaLabel, qs }: Props & { qs: string }) {
  const pathname = usePathname() ?? `/${lang}`;
  const hash = useSyncExternalStore(
    onHashChange,
    () => location.hash,
    () => "",
  );
  const other: Lang = lang === "vi" ? "en" : "vi";
  const rest = pathname.replace(/^\/(vi|en)(?=\/|$)/, "");
  return (
    <Link
      href={`/${other}${rest}${qs ? `?${qs}` : ""}${hash}`}
      prefetch={false}
      hrefLang={other}
      lang={other}
      aria-label={ariaLabel}
      className="rounded border border-white/40 px-2 py-1 text-sm hover:bg-white/10"
    >
      {label}
    </Link>
  );
}
