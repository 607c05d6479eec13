// Parts of the public list pages (tasks, published figures): the filter form, which works without
// script (a GET form), and the previous/next pager. One place, so every public list reads alike.
import Link from "next/link";
import type { ReactNode } from "react";
import { fill } from "@/i18n/messages";

export function SearchForm({ action, label, children }: { action: string; label: string; children: ReactNode }) {
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      aria-label={label}
      role="search"
    >
      {children}
    </form>
  );
}

export function Pager({
  page,
  pages,
  href,
  t,
}: {
  page: number;
  pages: number;
  /** The address of a page number. */
  href: (page: number) => string;
  t: { pagination: string; prev: string; next: string; page: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav className="flex gap-3 text-sm" aria-label={t.pagination}>
      {page > 1 && (
        <Link href={href(page - 1)} prefetch={false} className="text-brand-700 underline" rel="prev">
          {t.prev}
        </Link>
      )}
      <span>{fill(t.page, { page, pages })}</span>
      {page < pages && (
        <Link href={href(page + 1)} prefetch={false} className="text-brand-700 underline" rel="next">
          {t.next}
        </Link>
      )}
    </nav>
  );
}
