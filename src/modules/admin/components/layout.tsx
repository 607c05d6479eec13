// Building blocks of the admin pages (server components): heading with the way back, the
// forbidden message, pagination links, the search and filter forms of the lists.
import Link from "next/link";
import type { ReactNode } from "react";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";

export function AdminHeading({
  lang,
  title,
  intro,
  back,
  children,
}: {
  lang: Lang;
  title: string;
  intro?: string;
  back?: { href: string; label: string } | false;
  children?: ReactNode;
}) {
  const t = getMessages(lang).admin;
  const backLink = back === false ? null : (back ?? { href: `/${lang}/admin`, label: t.backToIndex });
  return (
    <div className="mb-6 space-y-2">
      {backLink ? (
        <p>
          <Link href={backLink.href} className="text-sm text-brand-700 underline hover:no-underline">
            {backLink.label}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-800">{title}</h1>
        {children}
      </div>
      {intro ? <p className="max-w-3xl text-slate-700">{intro}</p> : null}
    </div>
  );
}

/** Previous / next links that keep the other query parameters. */
export function Pager({
  lang,
  path,
  params,
  page,
  pages,
  total,
}: {
  lang: Lang;
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  pages: number;
  total: number;
}) {
  const t = getMessages(lang).admin;
  const href = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) qs.set(k, v);
    if (p > 1) qs.set("page", String(p));
    const s = qs.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <nav aria-label={t.common.pagination} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700">
        {fill(t.common.total, { total })} · {fill(t.common.page, { page, pages })}
      </p>
      <p className="flex gap-3">
        {page > 1 ? (
          <Link
            href={href(page - 1)}
            rel="prev"
            className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
          >
            {t.common.prev}
          </Link>
        ) : null}
        {page < pages ? (
          <Link
            href={href(page + 1)}
            rel="next"
            className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
          >
            {t.common.next}
          </Link>
        ) : null}
      </p>
    </nav>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{children}</p>;
}

/** The end of a filter form: apply, and (once something is filtered) the way back to the full list. */
export function FilterButtons({
  lang,
  path,
  filtered,
  label,
  primary,
}: {
  lang: Lang;
  path: string;
  filtered: boolean;
  label?: string;
  primary?: boolean;
}) {
  const t = getMessages(lang).admin;
  return (
    <>
      <button
        type="submit"
        className={
          primary
            ? "rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            : "rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        }
      >
        {label ?? t.common.search}
      </button>
      {filtered ? (
        <Link href={path} className="px-2 py-2 text-sm text-brand-700 underline">
          {t.common.clear}
        </Link>
      ) : null}
    </>
  );
}

/** A list's search form (GET, works without JavaScript): one search box, any further filters. */
export function SearchBar({
  lang,
  path,
  id,
  label,
  q,
  filtered,
  children,
}: {
  lang: Lang;
  path: string;
  id: string;
  label: string;
  q?: string;
  filtered: boolean;
  children?: ReactNode;
}) {
  return (
    <form method="get" action={path} role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={q ?? ""}
          maxLength={200}
          className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 sm:text-sm"
        />
      </div>
      {children}
      <FilterButtons lang={lang} path={path} filtered={filtered} />
    </form>
  );
}
