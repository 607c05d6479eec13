// Entry of the worker thread that reads a .docx or a PDF (bundled in memory by ./isolate.ts). It
// gets the bytes, the limits and where PDF.js lives, and answers once: the raw text and warnings,
// or the refusal's code and parameters.
import { parentPort, workerData } from "node:worker_threads";
import { readDocx } from "./docx";
import type { ExtractLimits } from "./limits";
import { readPdf, type PdfAssets } from "./pdf";
import { TextError } from "./result";

const input = workerData as {
  kind: "docx" | "pdf";
  bytes: ArrayBuffer;
  limits: ExtractLimits;
  pdf: PdfAssets;
};
// The time budget runs from here; the parent also stops the thread once it is spent.
const startedAt = performance.now();
const bytes = new Uint8Array(input.bytes);

(input.kind === "docx" ? readDocx(bytes, input.limits) : readPdf(bytes, input.limits, input.pdf, startedAt)).then(
  (r) => parentPort!.postMessage({ ok: true, text: r.text, warnings: r.warnings }),
  (err: unknown) =>
    parentPort!.postMessage(
      err instanceof TextError
        ? { ok: false, code: err.code, params: err.params }
        : {
            ok: false,
            code: "failed",
            internal: err instanceof Error ? (err.stack ?? err.message) : String(err),
          },
    ),
);
