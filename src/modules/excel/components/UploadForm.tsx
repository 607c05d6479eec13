"use client";
import { useRouter } from "next/navigation";
import { useFormAction } from "@/components/use-form-action";
import type { ActionResult } from "@/server/action";
import type { ExcelMessages } from "./types";
import { uploadImportAction } from "../actions";
import { MAX_FILE_BYTES } from "../limits";

type Result = ActionResult<{ batchId: number; errorCount: number }>;

export function UploadForm({ lang, period, m }: { lang: string; period: string; m: ExcelMessages }) {
  const router = useRouter();
  const { state, pending, formProps } = useFormAction<Result | null>(async (prev, formData) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: [m.noFile] } };
    if (file.size > MAX_FILE_BYTES) return { ok: false, fieldErrors: { file: [m.tooBig] } };
    try {
      const r = await uploadImportAction(prev, formData);
      if (r.ok && r.data)
        router.push(`/${lang}/reporting/import?period=${encodeURIComponent(period)}&batch=${r.data.batchId}`);
      return r;
    } catch {
      return { ok: false, message: m.uploadFailed };
    }
  }, null);
  const fileErrors = state?.fieldErrors?.file ?? [];
  const other = state && !state.ok && !fileErrors.length ? (state.message ?? m.uploadFailed) : null;
  return (
    <form {...formProps} className="space-y-3" aria-busy={pending}>
      <input type="hidden" name="period" value={period} />
      <div>
        <label htmlFor="excel-file" className="block font-medium">
          {m.file}
        </label>
        <input
          id="excel-file"
          name="file"
          type="file"
          required
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={fileErrors.length > 0}
          aria-describedby="excel-file-errors"
          className="mt-1 block w-full max-w-md rounded border border-slate-300 bg-white p-2 text-sm"
          data-testid="excel-file"
        />
        <div id="excel-file-errors" aria-live="polite">
          {fileErrors.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700">
              {e}
            </p>
          ))}
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60"
        data-testid="excel-upload"
      >
        {pending ? m.uploading : m.upload}
      </button>
      <div role="status" aria-live="polite" className="text-sm">
        {pending && (
          <span className="flex items-center gap-2 text-slate-700">
            <progress className="h-2 w-40" aria-label={m.uploading} />
            {m.uploading}
          </span>
        )}
        {!pending && other && <span className="text-red-700">{other}</span>}
        {!pending && state?.ok && state.message && <span className="text-slate-700">{state.message}</span>}
      </div>
    </form>
  );
}
