import Link from "next/link";
import { listDecisions, totals } from "@/modules/decisions/queries";
import { DocumentBadges } from "@/modules/decisions/components/DocumentBadges";
import { resolveLang } from "@/i18n/server";
import { fill } from "@/i18n/messages";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  const [docs, t] = await Promise.all([listDecisions(), totals()]);
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-2xl font-bold text-brand-800">{m.home.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{m.home.intro}</p>
        <p className="mt-2 text-sm text-slate-600">{fill(m.home.totals, t)}</p>
      </section>
      {docs.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{m.home.empty}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={m.nav.decisions}>
          {docs.map((d) => (
            <li key={d.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <DocumentBadges doc={d} m={m} />
              <h2 className="mt-2 text-lg font-semibold">
                <Link href={`/${lang}/decisions/${d.key}`} className="text-brand-700 hover:underline" data-testid="decision-link">
                  {d.numberCanonical ?? m.doc.noNumber} — {lang === "vi" ? d.titleVi : d.titleEn}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                {m.doc.issuedOn}: {d.issuedOn ? formatDate(d.issuedOn, lang) : m.doc.noDate}
              </p>
              <p className="mt-2 text-sm text-slate-700">{lang === "vi" ? d.summaryVi : d.summaryEn}</p>
              <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
                <span>
                  <strong>{d._count.targets}</strong> {m.home.targets}
                </span>
                <span>
                  <strong>{d._count.tasks}</strong> {m.home.tasks}
                </span>
                <span>
                  <strong>{d._count.commitments}</strong> {m.home.commitments}
                </span>
                <span>
                  <strong>{d._count.notes}</strong> {m.home.notes}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
