import Link from "next/link";
import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import type { ImportPageData } from "../queries";
import { BatchActions } from "./BatchActions";
import { PreviewTable } from "./PreviewTable";
import { UploadForm } from "./UploadForm";

// Over 80 lines on purpose: the import page's three steps (download, upload, preview) laid out top to
// bottom as the reporter goes through them; each step is already its own component.
/** The import page: download the template, upload the filled file, review the preview, confirm. */
export function ImportScreen({ lang, m, data }: { lang: Lang; m: Messages; data: ImportPageData }) {
  const { period, batch } = data;
  const base = `/${lang}/reporting/import`;
  return (
    <div className="space-y-6">
      <div>
        <Link
          href={`/${lang}/reporting${period ? `?period=${period.key}` : ""}`}
          className="text-sm text-brand-700 underline"
        >
          {m.excel.back}
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-brand-800">{m.excel.title}</h1>
        <p className="mt-1 text-slate-700">
          {m.excel.agency}: <strong>{lang === "vi" ? data.agencyName.vi : data.agencyName.en}</strong>
        </p>
        <p className="mt-2 max-w-3xl text-slate-700">{m.excel.intro}</p>
      </div>

      <form method="get" action={base} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="import-period" className="block text-sm font-medium">
            {m.excel.period}
          </label>
          <select
            id="import-period"
            name="period"
            defaultValue={period?.key}
            className="mt-1 rounded border border-slate-300 bg-white p-2"
          >
            {data.periods.map((k) => {
              const [y, q] = k.split("-Q").map(Number);
              return (
                <option key={k} value={k}>
                  {formatQuarter({ year: y, quarter: q }, lang)}
                </option>
              );
            })}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-2">
          {m.excel.choosePeriod}
        </button>
      </form>

      {data.batchMissing && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {m.excel.batchNotFound}
        </p>
      )}

      {!period ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {m.excel.periodMissing}
        </p>
      ) : (
        <>
          <section className="space-y-2">
            <h2 className="text-xl font-semibold">{m.excel.step1}</h2>
            <p className="text-sm text-slate-700">{m.excel.downloadHint}</p>
            <a
              href={`/api/reporting/template?period=${period.key}`}
              download
              className="inline-block rounded border border-brand-700 bg-white px-4 py-2 text-brand-700 hover:bg-brand-50"
              data-testid="excel-template"
            >
              {fill(m.excel.download, { period: formatQuarter(period, lang) })}
            </a>
          </section>

          <section className="space-y-2">
            <h2 className="text-xl font-semibold">{m.excel.step2}</h2>
            <UploadForm key={batch?.id ?? "new"} lang={lang} period={period.key} m={m.excel} />
          </section>

          {batch && (
            <section className="space-y-3" aria-labelledby="preview-title">
              <h2 id="preview-title" className="text-xl font-semibold">
                {m.excel.step3}
              </h2>
              <p className="text-sm text-slate-700">
                {fill(m.excel.previewOf, {
                  file: batch.fileName,
                  at: formatDateTime(batch.createdAt, lang),
                  period: formatQuarter(batch, lang),
                })}
              </p>
              {batch.status === "APPLIED" && (
                <p role="status" className="rounded border border-green-300 bg-green-50 p-3">
                  {fill(m.excel.statusApplied, { at: batch.appliedAt ? formatDateTime(batch.appliedAt, lang) : "" })}{" "}
                  {batch.parsed.submitted ? m.excel.submittedNote : m.excel.draftNote}
                </p>
              )}
              {batch.status === "CANCELLED" && (
                <p role="status" className="rounded border border-slate-300 bg-slate-100 p-3">
                  {m.excel.statusCancelled}
                </p>
              )}
              <PreviewTable batch={batch} lang={lang} m={m} />
              {batch.status === "PREVIEW" && (
                <BatchActions
                  batchId={batch.id}
                  errorCount={batch.errorCount}
                  changes={batch.summary.changes}
                  items={[
                    ...batch.parsed.indicators
                      .filter((r) => r.outcome === "change")
                      .map((r) => ({ key: `ind-${r.row}`, row: r.row, label: `${m.excel.indicators}: ${r.name}` })),
                    ...batch.parsed.tasks
                      .filter((r) => r.outcome === "change")
                      .map((r) => ({
                        key: `task-${r.row}`,
                        row: r.row,
                        label: `${m.excel.tasks}: ${r.title.slice(0, 160)}`,
                      })),
                  ]}
                  m={m.excel}
                />
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
