import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { catalogueOverview } from "../queries";

/** Drafts (newest first, 25 a page) and the published documents with their seed-file downloads. */
export async function CataloguePage({ lang, user, page }: { lang: Lang; user: SessionUser; page: number }) {
  const t = getMessages(lang).catalogue;
  const o = await catalogueOverview(user, page);
  const base = `/${lang}/admin/catalogue`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t.title}</h1>
      <p className="max-w-3xl text-slate-700">{t.intro}</p>
      {can(user.role, "catalogue.edit") && (
        <Link href={`${base}/new`} className="inline-block rounded bg-brand-700 px-3 py-2 text-white">
          {t.newDraft}
        </Link>
      )}
      <section aria-labelledby="drafts">
        <h2 id="drafts" className="text-xl font-semibold">
          {t.drafts}
        </h2>
        {o.drafts.length === 0 ? (
          <p className="text-slate-600">{t.noDrafts}</p>
        ) : (
          <ul className="divide-y rounded border" data-testid="draft-list">
            {o.drafts.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-3 p-2">
                <Link href={`${base}/${d.id}`} className="font-mono text-brand-700 underline">
                  {d.documentKey}
                </Link>
                <span className="rounded bg-slate-100 px-2 text-sm">{t.state[d.state]}</span>
              </li>
            ))}
          </ul>
        )}
        {o.pages > 1 && (
          <nav className="mt-2 flex gap-3 text-sm" aria-label={fill(t.page, { page, pages: o.pages })}>
            {page > 1 && <Link href={`${base}?page=${page - 1}`}>{t.prev}</Link>}
            <span>{fill(t.page, { page, pages: o.pages })}</span>
            {page < o.pages && <Link href={`${base}?page=${page + 1}`}>{t.next}</Link>}
          </nav>
        )}
      </section>
      <section aria-labelledby="published">
        <h2 id="published" className="text-xl font-semibold">
          {t.published}
        </h2>
        {o.documents.length === 0 ? (
          <p className="text-slate-600">{t.noPublished}</p>
        ) : (
          <ul className="divide-y rounded border" data-testid="published-list">
            {o.documents.map((d) => (
              <li key={d.key} className="flex flex-wrap items-center gap-3 p-2">
                <Link href={`/${lang}/decisions/${d.key}`} className="text-brand-700 underline">
                  {d.numberPrinted ?? d.key} — {lang === "en" ? d.titleEn : d.titleVi}
                </Link>
                <Link href={`${base}/documents/${d.key}`} className="text-sm underline">
                  {getMessages(lang).catalogueHistory.manage}
                </Link>
                <a href={`/api/v1/documents/${d.key}/seed.json`} className="text-sm underline" download>
                  {t.exportSeed}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
