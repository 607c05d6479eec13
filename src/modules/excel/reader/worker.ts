// Entry of the worker thread that reads an upload (bundled in memory by ./isolate.ts). It gets the
// bytes, the limits and the wanted sheet names, and answers once: the rows, or why not.
import { parentPort, workerData } from "node:worker_threads";
import { normalizeLabel } from "../normalize";
import { ReadError, readWorkbook, type ReadLimits } from "./workbook";

const input = workerData as { bytes: ArrayBuffer; limits: ReadLimits; wanted: string[] };
const wanted = new Set(input.wanted);

readWorkbook(new Uint8Array(input.bytes), input.limits, (name) => wanted.has(normalizeLabel(name))).then(
  (workbook) => parentPort!.postMessage({ ok: true, workbook }),
  (err: unknown) =>
    parentPort!.postMessage(
      err instanceof ReadError
        ? { ok: false, code: err.code, sheet: err.sheet }
        : {
            ok: false,
            code: "NOT_XLSX",
            sheet: null,
            internal: err instanceof Error ? (err.stack ?? err.message) : String(err),
          },
    ),
);
