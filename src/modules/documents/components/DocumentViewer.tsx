import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { DocumentBadges } from "@/modules/decisions/components/DocumentBadges";
import { highlightSpan } from "../lines";
import { linesHtml, type LineRef } from "../render";
import type { DocumentSource } from "../source";

// Every line is one <div> with one plain <a> and its text, styled from the container (see
// render.ts for why the lines are one HTML string). No client component: a line a link points at
// (#L130) is highlighted with CSS :target.
const LINES =
  "whitespace-pre-wrap py-2 font-mono text-[13px] leading-6 text-slate-900 " +
  "[&>div]:relative [&>div]:min-h-6 [&>div]:scroll-mt-8 [&>div]:pr-3 [&>div]:pl-14 [&>div]:[overflow-wrap:anywhere] " +
  "[&>div>a]:absolute [&>div>a]:left-0 [&>div>a]:w-11 [&>div>a]:select-none [&>div>a]:text-right [&>div>a]:text-slate-600 [&>div>a]:no-underline [&>div>a]:hover:underline " +
  "[&>div:target]:bg-amber-200 [&>div:target]:outline-2 [&>div:target]:-outline-offset-2 [&>div:target]:outline-amber-700";

/** The source text of a document, numbered line by line, with the lines its targets and tasks quote highlighted. */
export function DocumentViewer({ doc, lang, m }: { doc: DocumentSource; lang: Lang; m: Messages }) {
  const p = m.public.source;
  const { lines } = doc;
  const cited = new Uint8Array(lines.length + 1);
  const refs = new Map<number, LineRef[]>();
  const cite = (line: number, from: number, to: number, ref: LineRef) => {
    if (line < 1 || line > lines.length) return;
    for (let n = Math.max(1, from); n <= Math.min(lines.length, to); n++) cited[n] = 1;
    (refs.get(line) ?? refs.set(line, []).get(line)!).push(ref);
  };
  const decisionPage = `/${lang}/decisions/${doc.key}`;
  for (const t of doc.targets) {
    const s = highlightSpan(lines, t.line, t.quote);
    cite(t.line, s.from, s.to, {
      href: `${decisionPage}#${t.key}`,
      label: fill(p.targetRef, { year: t.year, name: lang === "vi" ? t.indicator.nameVi : t.indicator.nameEn }),
    });
  }
  for (const t of doc.tasks) {
    // A row starts at its number ("1", "|"); the title follows on the next lines.
    const s = highlightSpan(lines, t.line, t.title, { before: 0, after: 60 });
    cite(t.line, s.from, s.to, {
      href: `${decisionPage}#${t.key}`,
      label: t.numberPrinted ? fill(p.taskRef, { number: t.numberPrinted }) : p.taskRefNoNumber,
    });
  }

  const number = doc.numberCanonical ?? doc.numberPrinted;
  const title = lang === "vi" ? doc.titleVi : doc.titleEn;

  return (
    <article className="space-y-6">
      <div>
        <Link href={decisionPage} className="text-sm text-brand-700 hover:underline" data-testid="decision-page-link">
          {p.back}
        </Link>
        <div className="mt-3">
          <DocumentBadges doc={doc} m={m} />
        </div>
        <h1 className="mt-2 text-2xl font-bold text-brand-800">{number ? fill(p.title, { number }) : title}</h1>
        {number && <p className="mt-1 text-slate-700">{title}</p>}
        {lang === "en" && (
          <p className="mt-1 text-slate-600" lang="vi">
            {doc.titleVi}
          </p>
        )}
        {doc.kind === "DRAFT" && (
          <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note">
            ⚠ {m.doc.draftWarning}
          </p>
        )}
        {doc.kind === "PRESS_SUMMARY" && (
          <p className="mt-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note">
            ⓘ {m.doc.pressWarning}
          </p>
        )}
        <p className="mt-4 max-w-3xl text-slate-700">{p.intro}</p>
        <p className="mt-2 text-sm">
          <Link href={decisionPage} className="text-brand-700 underline">
            {p.decisionPage}
          </Link>
        </p>
      </div>

      <section aria-labelledby="source-text" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="source-text" className="text-xl font-semibold text-brand-800">
            {p.textTitle}
          </h2>
          <p className="text-sm text-slate-600">{fill(p.lineCount, { count: lines.length, file: doc.sourceFile })}</p>
        </div>
        <p className="text-sm text-slate-700">{p.legend}</p>
        <a href="#after-source" className="sr-only focus:not-sr-only focus:underline">
          {p.skipText}
        </a>
        <div
          className={`rounded border border-slate-200 bg-white ${LINES}`}
          lang="vi"
          data-testid="document-text"
          dangerouslySetInnerHTML={{ __html: linesHtml(lines, cited, refs) }}
        />
        <span id="after-source" />
      </section>
    </article>
  );
}
