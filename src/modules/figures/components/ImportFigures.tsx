"use client";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/server/action";
import type { Messages } from "@/i18n/messages";
import { formatNumber } from "@/lib/format";
import { confirmFiguresAction, previewFiguresAction, type ConfirmData, type PreviewData } from "../actions";
import { CSV_COLUMNS, MAX_CSV_BYTES, type FigureIssue } from "../parse";

type M = Messages["figures"];

const fillIn = (s: string, v: Record<string, string | number> = {}) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? `{${k}}`));

/**
 * Upload → preview (each row with its errors in the reader's language) → confirm or cancel. The
 * server keeps nothing between the steps: the file chosen stays here and is sent again with the
 * preview's fingerprint, and the server checks it again before writing anything.
 */
export function ImportFigures({ lang, m }: { lang: string; m: M }) {
  const t = m.import;
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, previewDispatch, previewing] = useActionState<ActionResult<PreviewData> | null, FormData>(
    async (prev, fd) => {
      const f = fd.get("file");
      if (!(f instanceof File) || f.size === 0) return { ok: false, fieldErrors: { file: [t.noFile] } };
      if (f.size > MAX_CSV_BYTES) return { ok: false, fieldErrors: { file: [t.tooBig] } };
      setFile(f);
      return previewFiguresAction(prev, fd);
    },
    null,
  );
  // The confirmation's state: the server's answer, "cancelled", or nothing yet (a new upload).
  const [done, confirmDispatch, confirming] = useActionState<
    ActionResult<ConfirmData | PreviewData> | null | "cancelled",
    FormData | "cancel" | "reset"
  >(async (_prev, input) => {
    if (input === "cancel") return "cancelled";
    if (input === "reset") return null;
    return confirmFiguresAction(null, input);
  }, null);
  const [shownPreview, setShownPreview] = useState(0);

  const issueText = (i: FigureIssue) => `${i.column ? `${i.column}: ` : ""}${fillIn(m.errors[i.code], i.values)}`;
  const onUpload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setShownPreview((n) => n + 1);
    startTransition(() => {
      previewDispatch(fd);
      confirmDispatch("reset");
    });
  };
  const data = preview?.data;
  const ready = !!(preview?.ok && data && data.invalid === 0 && data.valid > 0 && data.fileErrors.length === 0);
  const confirmed = done && done !== "cancelled" && done.ok ? (done.data as ConfirmData) : null;
  const onConfirm = () => {
    if (!file || !data) return;
    const fd = new FormData();
    fd.set("file", file);
    fd.set("digest", data.digest);
    startTransition(() => confirmDispatch(fd));
  };
  const onCancel = () => {
    setFile(null);
    if (fileRef.current) fileRef.current.value = "";
    startTransition(() => confirmDispatch("cancel"));
  };
  const cancelled = done === "cancelled";
  const fileErrors = preview?.fieldErrors?.file ?? [];
  const showPreview = data && !cancelled && !confirmed && shownPreview > 0;

  return (
    <div className="space-y-4">
      <form
        onSubmit={onUpload}
        className="space-y-3 rounded border border-slate-200 bg-white p-4"
        aria-busy={previewing}
      >
        <div>
          <label htmlFor="figures-file" className="block font-medium">
            {t.file}
          </label>
          <input
            ref={fileRef}
            id="figures-file"
            name="file"
            type="file"
            required
            accept=".csv,text/csv"
            aria-invalid={fileErrors.length > 0}
            aria-describedby="figures-file-errors"
            className="mt-1 block w-full max-w-md rounded border border-slate-300 bg-white p-2 text-sm"
            data-testid="figures-file"
          />
          <div id="figures-file-errors" aria-live="polite">
            {fileErrors.map((e) => (
              <p key={e} className="mt-1 text-sm text-red-700">
                {data?.fileErrors[0] ? issueText(data.fileErrors[0]) : e}
              </p>
            ))}
          </div>
        </div>
        <button
          type="submit"
          disabled={previewing || confirming}
          className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60"
          data-testid="figures-upload"
        >
          {previewing ? t.uploading : t.upload}
        </button>
      </form>

      <div role="status" aria-live="polite" data-testid="figures-status">
        {cancelled && <p className="text-slate-700">{t.cancelled}</p>}
        {confirmed && (
          <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
            {fillIn(t.done, { count: confirmed.count })}{" "}
            <a href={`/${lang}/sources`} className="underline">
              {t.viewPublic}
            </a>
          </p>
        )}
        {done && done !== "cancelled" && !done.ok && (
          <p className="text-red-700">{lang === "vi" && done.message ? done.message : t.hasErrors}</p>
        )}
        {preview && !preview.ok && !fileErrors.length && (
          <p className="text-red-700">{lang === "vi" && preview.message ? preview.message : t.hasErrors}</p>
        )}
      </div>

      {showPreview && data && (
        <section aria-labelledby="figures-preview" className="space-y-3" data-testid="figures-preview">
          <h2 id="figures-preview" className="text-lg font-semibold text-brand-800">
            {fillIn(t.previewOf, { file: data.fileName })}
          </h2>
          <p data-testid="figures-summary">{fillIn(t.summary, { valid: data.valid, invalid: data.invalid })}</p>
          {data.fileErrors.length > 0 && (
            <div className="rounded border border-red-300 bg-red-50 p-3" data-testid="figures-file-errors">
              <h3 className="font-medium">{t.fileErrors}</h3>
              <ul className="list-disc pl-5 text-sm">
                {data.fileErrors.map((e, i) => (
                  <li key={i}>{issueText(e)}</li>
                ))}
              </ul>
            </div>
          )}
          {data.rows.length > 0 && (
            <div
              className="overflow-x-auto rounded border border-slate-200 bg-white"
              tabIndex={0}
              role="region"
              aria-labelledby="figures-preview"
            >
              <table className="min-w-full text-sm">
                <thead className="bg-slate-100 text-left">
                  <tr>
                    <th scope="col" className="px-2 py-1">
                      {t.line}
                    </th>
                    {(["indicator", "source", "period", "value", "release_date", "printed"] as const).map((c) => (
                      <th key={c} scope="col" className="px-2 py-1 font-mono text-xs">
                        {c}
                      </th>
                    ))}
                    <th scope="col" className="px-2 py-1">
                      {t.errors}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr
                      key={r.line}
                      className={`border-t border-slate-100 align-top ${r.errors.length ? "bg-red-50" : ""}`}
                      data-testid="figures-row"
                      data-line={r.line}
                      data-valid={r.errors.length ? "false" : "true"}
                    >
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        {r.line}
                      </th>
                      {(["indicator", "source", "period", "value", "release_date", "printed"] as const).map((c) => (
                        <td key={c} className="max-w-[14rem] truncate px-2 py-1">
                          {r.cells[c]}
                          {/* How the number was read ("1.234" is a thousand and more the Vietnamese way): shown so a misreading is caught before confirming. */}
                          {c === "value" && r.figure && (
                            <span className="block text-xs text-slate-600" data-testid="figures-read-as">
                              = {formatNumber(r.figure.value, lang === "en" ? "en" : "vi", 6)}
                            </span>
                          )}
                        </td>
                      ))}
                      <td className="px-2 py-1" data-testid="figures-row-errors">
                        {r.errors.length ? (
                          <ul className="text-red-800">
                            {r.errors.map((e, i) => (
                              <li key={i}>{issueText(e)}</li>
                            ))}
                          </ul>
                        ) : (
                          <span className="text-green-800">{t.ok}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!ready && (
            <p className="text-red-700" data-testid="figures-blocked">
              {t.blocked}
            </p>
          )}
          <div className="flex gap-3">
            {ready && (
              <button
                type="button"
                onClick={onConfirm}
                disabled={confirming}
                className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60"
                data-testid="figures-confirm"
              >
                {confirming ? t.confirming : fillIn(t.confirm, { count: data.valid })}
              </button>
            )}
            <button
              type="button"
              onClick={onCancel}
              disabled={confirming}
              className="rounded border border-slate-300 bg-white px-4 py-2"
              data-testid="figures-cancel"
            >
              {t.cancel}
            </button>
          </div>
        </section>
      )}

      <details className="rounded border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t.columns}</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {CSV_COLUMNS.map((c) => (
            <div key={c} className="contents">
              <dt className="font-mono text-xs">{c}</dt>
              <dd>{t.columnHelp[c]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
