import { clockNow } from "@/server/clock";
import { cardSearch } from "@/lib/enhance/logic";
import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate, formatThreshold, formatValue } from "@/lib/format";
import { formatQuarter, type Quarter } from "@/lib/periods";
import { PILLARS } from "@/lib/enums";
import { MILESTONE_STATUSES } from "@/lib/status";
import { countBy, type TargetStatus } from "@/modules/statuses/filter";
import { StatusBadge } from "@/modules/statuses/components/StatusBadge";
import { DocumentBadges } from "@/modules/decisions/components/DocumentBadges";
import { staticMarkup } from "@/lib/static-markup";
import { scorecard } from "../queries";
import { ArchivePicker } from "./ArchivePicker";
import { CardFilter } from "./CardFilter";

type Data = Awaited<ReturnType<typeof scorecard>>;
type Indicator = Data["indicators"][number];
type Latest = Data["latest"] extends Map<number, infer V> ? V : never;
type Ctx = { lang: Lang; m: Messages; asOf: Quarter | null };

/** The public home page: status counts, one card per indicator, the source documents. */
export async function Scorecard({
  lang,
  m,
  asOf = null,
  periods = [],
}: {
  lang: Lang;
  m: Messages;
  asOf?: Quarter | null;
  periods?: Quarter[];
}) {
  const d = m.dashboard;
  const s = d.scorecard;
  const { indicators, documents, latest, statuses } = await scorecard(asOf);
  const ctx: Ctx = { lang, m, asOf };
  const byIndicator = groupByIndicator(statuses);
  const inForce = statuses.filter((t) => t.documentInForce);

  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-bold text-brand-800">{s.title}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{s.intro}</p>
        {asOf && (
          <p
            className="mt-3 rounded border border-indigo-300 bg-indigo-50 p-3 text-indigo-900"
            role="note"
            data-testid="as-published"
          >
            {fill(s.archiveBanner, { period: formatQuarter(asOf, lang) })}{" "}
            <Link href={`/${lang}`} className="underline">
              {s.backToNow}
            </Link>
          </p>
        )}
        {periods.length > 0 && (
          <ArchivePicker
            lang={lang}
            label={s.asPublished}
            go={s.go}
            periods={periods.map((p) => [`${p.year}-Q${p.quarter}`, formatQuarter(p, lang)])}
            current={asOf ? `${asOf.year}-Q${asOf.quarter}` : ""}
            now={d.now}
          />
        )}
      </section>

      <section aria-labelledby="summary" className="grid gap-4">
        <h2 id="summary" className="sr-only">
          {s.summary}
        </h2>
        <Summary ctx={ctx} statuses={inForce} year={2025} />
        <Summary ctx={ctx} statuses={inForce} year={2030} />
      </section>

      <section aria-labelledby="cards" className="space-y-3">
        <h2 id="cards" className="text-xl font-semibold text-brand-800">
          {fill(s.indicators, { count: indicators.length })}
        </h2>
        <CardFilter
          labels={{ search: s.search, pillar: d.pillar, status: d.status, all: d.all, shown: s.shown }}
          pillars={PILLARS.map((p) => [p, m.pillars[p]])}
          statuses={MILESTONE_STATUSES.map((st) => [st, d.statuses[st]])}
        />
        {/* Static markup (see src/lib/static-markup.ts): the cards are ~1,400 elements that React
            would otherwise rebuild from the RSC payload and hydrate. CardFilter hides and shows them,
            and turns clicks on their links into client-side navigations. */}
        <ul
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
          data-cards
          dangerouslySetInnerHTML={{
            __html: staticMarkup(
              indicators.map((ind) => indicatorCard(ctx, ind, byIndicator.get(ind.id) ?? [], latest.get(ind.id))),
            ),
          }}
        />
        <p
          hidden
          data-cards-empty
          className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600"
        >
          {s.noMatch}
        </p>
      </section>

      <Documents ctx={ctx} documents={documents} />
    </div>
  );
}

/** Targets grouped by indicator, in the order given. */
function groupByIndicator(statuses: TargetStatus[]): Map<number, TargetStatus[]> {
  const out = new Map<number, TargetStatus[]>();
  for (const t of statuses) (out.get(t.indicatorId) ?? out.set(t.indicatorId, []).get(t.indicatorId)!).push(t);
  return out;
}

function Summary({ ctx, statuses, year }: { ctx: Ctx; statuses: TargetStatus[]; year: number }) {
  const { lang, m, asOf } = ctx;
  const d = m.dashboard;
  const counts = countBy(statuses, year, (t) => t.pillar);
  // A milestone is final once its year is over, at the clock or at the end of the archived quarter.
  const final = year < (asOf ? asOf.year + (asOf.quarter === 4 ? 1 : 0) : clockNow().getUTCFullYear());
  return (
    <div
      className="overflow-x-auto rounded border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={`${d.scorecard.summary} ${year}`}
    >
      <table className="min-w-full text-sm" data-testid={`summary-${year}`}>
        <caption className="px-3 py-2 text-left font-semibold">
          {d.milestone} {year} ({final ? d.milestoneFinal : d.milestoneOpen})
        </caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-2 py-1">
              {d.pillar}
            </th>
            {MILESTONE_STATUSES.map((st) => (
              <th key={st} scope="col" className="px-1 py-1 align-top">
                <StatusBadge status={st} m={d} wrap glossary={{ lang, label: m.compare.glossary }} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PILLARS.filter((p) => counts.has(p)).map((p) => (
            <tr key={p} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-medium">
                {m.pillars[p]}
              </th>
              {MILESTONE_STATUSES.map((st) => (
                <td key={st} className="px-2 py-1 text-center">
                  {counts.get(p)?.[st] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One indicator's card, as an element for staticMarkup (a plain function: it is never hydrated). */
function indicatorCard({ lang, m, asOf }: Ctx, ind: Indicator, targets: TargetStatus[], l: Latest | undefined) {
  const d = m.dashboard;
  const ts = targets.filter((t) => t.year === 2025 || t.year === 2030);
  const href = asOf
    ? `/${lang}/archive/${asOf.year}-Q${asOf.quarter}/indicators/${ind.code}`
    : `/${lang}/indicators/${ind.code}`;
  return (
    <li
      key={ind.id}
      data-card
      data-pillar={ind.pillar}
      data-statuses={[...new Set(ts.map((t) => t.effective))].join(" ")}
      data-search={cardSearch(ind.nameVi, ind.nameEn, ind.code)}
      className="indicator-card"
      data-testid="indicator-card"
    >
      <p className="text-xs text-slate-600">{m.pillars[ind.pillar]}</p>
      <h3 className="font-semibold">
        <a href={href} className="text-brand-700 hover:underline">
          {lang === "vi" ? ind.nameVi : ind.nameEn}
        </a>
      </h3>
      <p className="mt-1 text-sm">
        {l?.approvedValue != null ? (
          <>
            <strong className="text-lg">{formatValue(l.approvedValue, ind.unit, ind.kind, lang)}</strong>{" "}
            <span className="text-slate-600">{`(${formatQuarter(l, lang)})`}</span>
            {l.illustrative && <span className="ml-1 text-xs text-amber-900">{`(${m.common.illustrative})`}</span>}
          </>
        ) : (
          <span className="text-slate-600">{d.scorecard.noValue}</span>
        )}
      </p>
      <ul className="mt-2 space-y-1 text-xs">
        {ts.map((t) => (
          <li key={t.targetId} className="indicator-card-target">
            <span className="font-medium">{t.year}</span>
            <span>{formatThreshold({ comparator: t.comparator, value: t.value }, ind.unit, ind.kind, lang)}</span>
            <span className="text-slate-500">{`(${t.documentNumber ?? t.documentKey})`}</span>
            <StatusBadge
              status={t.effective}
              m={d}
              overridden={!!t.override}
              phase={t.computed.explanation.phase}
              glossary={{ lang, label: m.compare.glossary }}
            />
          </li>
        ))}
      </ul>
    </li>
  );
}

function Documents({ ctx, documents }: { ctx: Ctx; documents: Data["documents"] }) {
  const { lang, m } = ctx;
  return (
    <section aria-labelledby="docs" className="space-y-3">
      <h2 id="docs" className="text-xl font-semibold text-brand-800">
        {m.dashboard.scorecard.documents}
      </h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {documents.map((doc) => (
          <li key={doc.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <DocumentBadges doc={doc} m={m} />
            <h3 className="mt-2 text-lg font-semibold">
              <Link
                href={`/${lang}/decisions/${doc.key}`}
                prefetch={false}
                className="text-brand-700 hover:underline"
                data-testid="decision-link"
              >
                {doc.numberCanonical ?? m.doc.noNumber} — {lang === "vi" ? doc.titleVi : doc.titleEn}
              </Link>
            </h3>
            <p className="mt-1 text-sm text-slate-600">
              {m.doc.issuedOn}: {doc.issuedOn ? formatDate(doc.issuedOn, lang) : m.doc.noDate}
            </p>
            <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
              <span>
                <strong>{doc._count.targets}</strong> {m.home.targets}
              </span>
              <span>
                <strong>{doc._count.tasks}</strong> {m.home.tasks}
              </span>
              <span>
                <strong>{doc._count.commitments}</strong> {m.home.commitments}
              </span>
              <span>
                <strong>{doc._count.notes}</strong> {m.home.notes}
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
