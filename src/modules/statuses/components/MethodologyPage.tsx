import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatThreshold, formatValue } from "@/lib/format";
import { AGENCY_REPORTING_CUTOFF_DAYS, MILESTONE_STATUSES, type Measure } from "@/lib/status";
import { EXAMPLES, arithmetic, exampleIndicator, runExample, type Example } from "../examples";
import { periodLabel, statusSentence } from "../sentence";
import { StatusBadge } from "./StatusBadge";

const MEASURES: readonly Measure[] = ["LEVEL", "BOUNDED", "RANK", "RATE", "BOOLEAN"];

/** Anchors other pages link to ("how is this calculated"): keep them stable. */
export const METHODOLOGY_ANCHORS = {
  statuses: "statuses",
  source: "source",
  period: "period",
  base: "base",
  phase: "phase",
  method: "method",
  classify: "classify",
  tolerance: "tolerance",
  coverage: "coverage",
  examples: "examples",
} as const;

type Section = { id: string; title: string; body: string };

function WorkedExample({ x, lang, m }: { x: Example; lang: Lang; m: Messages }) {
  const t = m.methodology.page;
  const r = runExample(x);
  const ind = exampleIndicator(x, t);
  const v = (n: number) => formatValue(n, ind.unit, ind.kind, lang);
  const headingId = `example-${x.id}`;
  const rows = x.units
    ? x.units.list.filter((u) => u.series.length).flatMap((u) => u.series.map((p) => ({ who: u.name, p })))
    : x.series.map((p) => ({ who: null, p }));
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="font-semibold text-brand-800">
        {t.examples[x.id]}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {fill(t.example.target, {
          target: formatThreshold(x.target, ind.unit, ind.kind, lang),
          year: x.target.year,
          baseYear: x.target.baseYear ?? "—",
        })}{" "}
        · {fill(t.example.evaluatedOn, { date: formatDate(x.now, lang) })}
      </p>
      <table className="mt-2 text-sm">
        <caption className="text-left font-medium">{t.example.data}</caption>
        <tbody>
          {rows.map(({ who, p }, i) => (
            <tr key={i}>
              <th scope="row" className="pr-4 text-left font-normal text-slate-700">
                {who ? `${who} · ` : ""}
                {periodLabel(
                  {
                    period: x.spec.periodicity === "QUARTER" ? `${p.year}-Q${p.quarter}` : String(p.year),
                    year: p.year,
                    quarter: p.quarter,
                  },
                  lang,
                )}
              </th>
              <td className="text-right tabular-nums">{v(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="mt-2 text-sm font-medium">{t.example.arithmetic}</h4>
      <ul className="list-inside list-disc text-sm tabular-nums">
        {arithmetic(x, r, lang, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        <span className="font-medium">{t.example.result}: </span>
        <StatusBadge status={r.status} m={m.dashboard} phase={r.explanation.phase} />
      </p>
      <p className="mt-1 text-sm text-slate-800">
        <span className="font-medium">{t.example.sentence}: </span>
        {statusSentence(r, ind, lang, m.methodology.sentence)}
      </p>
    </section>
  );
}

/**
 * The public methodology page: what each status means, the rules in the order they apply, a table
 * of methods and tolerances per kind of indicator, and worked examples run through the engine.
 * Script-free, like every public page.
 */
export function MethodologyPage({ lang, m }: { lang: Lang; m: Messages }) {
  const t = m.methodology.page;
  const a = METHODOLOGY_ANCHORS;
  const sections: Section[] = [
    { id: a.source, title: t.sourceTitle, body: t.sourceBody },
    { id: a.period, title: t.periodTitle, body: t.periodBody },
    { id: a.base, title: t.baseTitle, body: t.baseBody },
    { id: a.phase, title: t.phaseTitle, body: fill(t.phaseBody, { agencyDays: AGENCY_REPORTING_CUTOFF_DAYS }) },
  ];
  const later: Section[] = [
    { id: a.classify, title: t.classifyTitle, body: t.classifyBody },
    { id: a.tolerance, title: t.toleranceTitle, body: t.toleranceBody },
    { id: a.coverage, title: t.coverageTitle, body: t.coverageBody },
  ];
  const contents: [string, string][] = [
    [a.statuses, t.statusesTitle],
    ...sections.map((s): [string, string] => [s.id, s.title]),
    [a.method, t.methodTitle],
    ...later.map((s): [string, string] => [s.id, s.title]),
    [a.examples, t.examplesTitle],
  ];
  const prose = (s: Section) => (
    <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`}>
      <h2 id={`${s.id}-title`} className="text-xl font-semibold text-brand-800">
        {s.title}
      </h2>
      <p className="mt-2 max-w-3xl text-slate-800">{s.body}</p>
    </section>
  );

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t.intro}</p>
      </div>
      <nav aria-label={t.contents}>
        <h2 className="font-semibold">{t.contents}</h2>
        <ol className="mt-1 list-inside list-decimal text-brand-700">
          {contents.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`} className="underline">
                {title.replace(/^\d+\.\s*/, "")}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <section id={a.statuses} aria-labelledby="statuses-title">
        <h2 id="statuses-title" className="text-xl font-semibold text-brand-800">
          {t.statusesTitle}
        </h2>
        <p className="mt-2 text-slate-700">{t.statusesIntro}</p>
        <dl className="mt-2 grid max-w-3xl gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
          {MILESTONE_STATUSES.map((s) => (
            <div key={s} className="contents">
              <dt id={`status-${s}`}>
                <StatusBadge status={s} m={m.dashboard} />
              </dt>
              <dd className="text-sm text-slate-800">{t.statusMeaning[s]}</dd>
            </div>
          ))}
        </dl>
      </section>

      {sections.map(prose)}

      <section id={a.method} aria-labelledby="method-title">
        <h2 id="method-title" className="text-xl font-semibold text-brand-800">
          {t.methodTitle}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-800">{t.methodIntro}</p>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-[36rem] text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-1 pr-4">
                  {t.measure}
                </th>
                <th scope="col" className="py-1 pr-4">
                  {t.howMeasured}
                </th>
                <th scope="col" className="py-1">
                  {t.tolerance}
                </th>
              </tr>
            </thead>
            <tbody>
              {MEASURES.map((k) => (
                <tr key={k} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-1 pr-4 text-left">
                    {t.measureName[k]}
                  </th>
                  <td className="py-1 pr-4">{t.methodRows[k]}</td>
                  <td className="py-1">{t.toleranceRows[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {later.map(prose)}

      <section id={a.examples} aria-labelledby="examples-title" className="space-y-3">
        <h2 id="examples-title" className="text-xl font-semibold text-brand-800">
          {t.examplesTitle}
        </h2>
        <p className="max-w-3xl text-slate-700">{t.examplesIntro}</p>
        <div className="grid gap-3 lg:grid-cols-2">
          {EXAMPLES.map((x) => (
            <WorkedExample key={x.id} x={x} lang={lang} m={m} />
          ))}
        </div>
      </section>
    </div>
  );
}
