import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDate } from "@/lib/format";
import { checkOutcome, documentChecks } from "../checks";

type Doc = { key: string; numberCanonical: string | null; numberPrinted: string | null; issuedOn: Date | null };

/** The decision page's record of its number and date checked against public sources. */
export function DocumentChecks({ doc, lang, m }: { doc: Doc; lang: Lang; m: Messages }) {
  const checks = documentChecks(doc.key);
  if (!checks.length) return null;
  const t = m.doc;
  const shown = (field: string, v: string) => (field === "issuedOn" ? formatDate(v, lang) : v);
  return (
    <section aria-labelledby="checks">
      <h2 id="checks" className="text-xl font-semibold text-brand-800">
        {t.checksTitle} ({checks.length})
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t.checksIntro}</p>
      <ul className="mt-3 space-y-2">
        {checks.map((c, i) => {
          const outcome = checkOutcome(c, doc);
          return (
            <li
              key={i}
              className={`rounded border-l-4 bg-white p-3 text-sm ${outcome === "match" ? "border-emerald-500" : "border-amber-400"}`}
              data-testid="document-check"
              data-field={c.field}
              data-outcome={outcome}
            >
              <p className="font-medium">
                {t.checkField[c.field]}: {fill(t.checkFound, { found: shown(c.field, c.found) })}{" "}
                <span className="text-slate-600">({fill(t.checkStored, { stored: shown(c.field, c.stored) })})</span>
              </p>
              <p className="mt-1 text-xs font-semibold">{t.checkOutcome[outcome]}</p>
              <blockquote lang="vi" className="mt-1 text-xs italic text-slate-700">
                “{c.quote}”
              </blockquote>
              <a href={c.url} rel="external noopener noreferrer" className="text-xs text-brand-700 underline break-all">
                {fill(t.checkSource, { date: formatDate(c.date, lang) })}: {c.url}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
