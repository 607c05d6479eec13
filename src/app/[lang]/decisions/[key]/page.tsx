import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDecision, groupNames } from "@/modules/decisions/queries";
import { latestApprovedNational } from "@/modules/indicators/queries";
import { DocumentBadges } from "@/modules/decisions/components/DocumentBadges";
import { TargetsTable } from "@/modules/decisions/components/TargetsTable";
import { TaskTable } from "@/modules/decisions/components/TaskTable";
import { DocumentChecks } from "@/modules/decisions/components/DocumentChecks";
import { resolveLang } from "@/i18n/server";
import { fill, getMessages } from "@/i18n/messages";
import { isLang } from "@/i18n/config";
import { publicPageMetadata } from "@/modules/documents/seo";
import { documentHeader } from "@/modules/documents/source";
import { formatDate } from "@/lib/format";

// Rendered per request and cached only by the front server (src/server/http/server.ts), which
// keeps whole 200 responses and never an error page. Why not Next's own page cache: it writes
// every path it renders to disk (.next/server/route-cache), unknown slugs included, and keeps
// them across restarts, so anonymous requests for invented slugs filled the disk.
export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string; key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, key } = await params;
  if (!isLang(lang)) return {};
  const d = await documentHeader(key);
  if (!d) return {};
  const title = lang === "en" ? d.titleEn : d.titleVi;
  const number = d.numberCanonical ?? d.numberPrinted;
  const summary = lang === "en" ? d.summaryEn : d.summaryVi;
  return publicPageMetadata({
    lang,
    rest: `/decisions/${d.key}`,
    title: `${number ?? ""} ${title}`.trim(),
    description: summary || fill(getMessages(lang).public.meta.decisionDescription, { number: number ?? title, title }),
    type: "article",
  });
}

export default async function DecisionPage({ params }: { params: Params }) {
  const { lang, m } = await resolveLang(params);
  const { key } = await params;
  const [d, groups] = await Promise.all([getDecision(key), groupNames()]);
  if (!d) notFound();
  const latest = await latestApprovedNational([...new Set(d.targets.map((t) => t.indicatorId))]);

  const headingTasks = d.headings.map((h) => ({ heading: h, tasks: d.tasks.filter((t) => t.headingId === h.id) }));
  const orphanTasks = d.tasks.filter((t) => t.headingId === null);

  return (
    <article className="space-y-8">
      <div>
        <Link href={`/${lang}`} className="text-sm text-brand-700 hover:underline">
          {m.doc.back}
        </Link>
        <div className="mt-3">
          <DocumentBadges doc={d} m={m} />
        </div>
        <h1 className="mt-2 text-2xl font-bold text-brand-800">{lang === "vi" ? d.titleVi : d.titleEn}</h1>
        {lang === "en" && (
          <p className="mt-1 text-slate-600" lang="vi">
            {d.titleVi}
          </p>
        )}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-600">{m.doc.numberCanonical}</dt>
            <dd data-testid="number-canonical">{d.numberCanonical ?? m.doc.noNumber}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{m.doc.numberPrinted}</dt>
            <dd>{d.numberPrinted ?? m.doc.noNumber}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{m.doc.issuedOn}</dt>
            <dd>{d.issuedOn ? formatDate(d.issuedOn, lang) : m.doc.noDate}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">{m.doc.sourceFile}</dt>
            <dd className="font-mono text-xs">{d.sourceFile}</dd>
          </div>
          {d.relatedKeys.length > 0 && (
            <div>
              <dt className="font-medium text-slate-600">{m.doc.related}</dt>
              <dd className="flex gap-2">
                {d.relatedKeys.map((k) => (
                  <Link key={k} href={`/${lang}/decisions/${k}`} className="text-brand-700 underline">
                    {k}
                  </Link>
                ))}
              </dd>
            </div>
          )}
        </dl>
        {d.kind === "DRAFT" && (
          <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note">
            ⚠ {m.doc.draftWarning}
          </p>
        )}
        {d.kind === "PRESS_SUMMARY" && (
          <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note">
            ⓘ {m.doc.pressWarning}
          </p>
        )}
        <p className="mt-4 max-w-3xl text-slate-700">{lang === "vi" ? d.summaryVi : d.summaryEn}</p>
      </div>

      <section aria-labelledby="targets">
        <h2 id="targets" className="text-xl font-semibold text-brand-800">
          {m.doc.targetsTitle} ({d.targets.length})
        </h2>
        {d.targets.length === 0 ? (
          <p className="mt-2 text-slate-600">{m.doc.targetsEmpty}</p>
        ) : (
          <TargetsTable targets={d.targets} documentKey={d.key} latest={latest} lang={lang} m={m} />
        )}
      </section>

      {d.commitments.length > 0 && (
        <section aria-labelledby="commitments">
          <h2 id="commitments" className="text-xl font-semibold text-brand-800">
            {m.doc.commitmentsTitle} ({d.commitments.length})
          </h2>
          <ul className="mt-3 space-y-2">
            {d.commitments.map((c) => (
              <li key={c.key} id={c.key} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <blockquote lang="vi" className="italic">
                  “{c.quote}”
                </blockquote>
                <p className="mt-1 text-xs text-slate-600">
                  {c.year ? `${c.year} · ` : ""}
                  {c.clause ? `${c.clause} · ` : ""}
                  {fill(m.doc.line, { line: c.line })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="tasks">
        <h2 id="tasks" className="text-xl font-semibold text-brand-800">
          {m.doc.tasksTitle} ({d.tasks.length})
        </h2>
        {d.tasks.length === 0 ? (
          <p className="mt-2 text-slate-600">{m.doc.tasksEmpty}</p>
        ) : (
          <div className="mt-3 space-y-6">
            {headingTasks.map(({ heading, tasks }) => (
              <div key={heading.id} id={`heading-${heading.code}`}>
                <h3
                  className={heading.depth === 1 ? "text-lg font-semibold" : "font-semibold text-slate-800"}
                  lang="vi"
                >
                  {heading.code} · {heading.title}
                  {tasks.length > 0 && (
                    <span className="ml-2 text-sm font-normal text-slate-600">
                      ({fill(m.doc.taskCount, { count: tasks.length })})
                    </span>
                  )}
                </h3>
                {tasks.length > 0 && <TaskTable tasks={tasks} groups={groups} lang={lang} m={m} />}
              </div>
            ))}
            {orphanTasks.length > 0 && <TaskTable tasks={orphanTasks} groups={groups} lang={lang} m={m} />}
          </div>
        )}
      </section>

      <DocumentChecks doc={d} lang={lang} m={m} />

      {d.notes.length > 0 && (
        <section aria-labelledby="notes">
          <h2 id="notes" className="text-xl font-semibold text-brand-800">
            {m.doc.notesTitle} ({d.notes.length})
          </h2>
          <p className="mt-1 text-sm text-slate-600">{m.doc.notesIntro}</p>
          <ul className="mt-3 space-y-2">
            {d.notes.map((n) => (
              <li
                key={n.key}
                className="rounded border-l-4 border-amber-400 bg-white p-3 text-sm"
                data-testid="quality-note"
              >
                <p className="text-xs font-semibold uppercase tracking-wide text-amber-900">
                  {n.kind}
                  {n.line ? ` · ${fill(m.doc.line, { line: n.line })}` : ""}
                </p>
                <p className="mt-1">{lang === "vi" ? n.noteVi : n.noteEn}</p>
                {n.evidence && (
                  <blockquote lang="vi" className="mt-1 font-mono text-xs text-slate-700">
                    “{n.evidence}”
                  </blockquote>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
