// Runs the .docx and PDF readers in a worker thread with a heap of their own and a wall-clock
// limit, as the Excel import does (src/modules/excel/reader/isolate.ts): a hostile file can neither
// block the server's event loop (PDF.js parses synchronously between its awaits, and a crafted
// file can keep it busy) nor grow the server's memory past the worker's limit. When the time
// budget is spent the thread is terminated, whatever it is doing.
//
// The worker's code is ./worker.ts bundled in memory by esbuild the first time it is needed (so
// the same source runs under `next start` and Vitest); PDF.js is not bundled but imported by the
// worker from the project's node_modules, which is also where its character maps and standard
// fonts are read from.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExtractLimits } from "./limits";
import type { PdfAssets } from "./pdf";
import type { Params, TextErrorCode, TextNotice } from "./result";

/** Heap of one reader: PDF.js keeps the parsed file and its fonts; a 500-page report fits. */
const RESOURCE_LIMITS = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 16,
  codeRangeSizeMb: 16,
  stackSizeMb: 4,
};
/** Readers running at once per process; further uploads wait their turn. */
const MAX_PARALLEL = 2;

export type IsolatedResult =
  { ok: true; text: string; warnings: TextNotice[] } | { ok: false; code: TextErrorCode; params?: Params };

let code: Promise<string> | null = null;

function workerCode(root: string): Promise<string> {
  code ??= (async () => {
    const load = createRequire(path.join(root, "package.json"));
    const esbuild = load("esbuild") as typeof import("esbuild");
    const out = await esbuild.build({
      entryPoints: [path.join(root, "src/modules/catalogue/text/worker.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      external: ["pdfjs-dist"],
      write: false,
      logLevel: "silent",
    });
    return new TextDecoder().decode(out.outputFiles[0].contents);
  })().catch((err: unknown) => {
    code = null;
    throw err;
  });
  return code;
}

function pdfAssets(root: string): PdfAssets {
  const load = createRequire(path.join(root, "package.json"));
  const main = load.resolve("pdfjs-dist/legacy/build/pdf.mjs");
  const pkg = path.resolve(path.dirname(main), "../..");
  return {
    moduleUrl: pathToFileURL(main).href,
    cMapDir: path.join(pkg, "cmaps") + path.sep,
    standardFontDir: path.join(pkg, "standard_fonts") + path.sep,
  };
}

let running = 0;
const queue: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  return () => {
    running--;
    queue.shift()?.();
  };
}

/** Readers running or waiting in this process (for tests). */
export function readerLoad(): { running: number; waiting: number } {
  return { running, waiting: queue.length };
}

/**
 * Reads a .docx or PDF in a worker. Never rejects: an unexpected failure is logged and answered
 * as "failed" (the editor sees "the file could not be read", never internal text).
 */
export async function readIsolated(
  kind: "docx" | "pdf",
  bytes: Uint8Array,
  limits: ExtractLimits,
  root = process.cwd(),
): Promise<IsolatedResult> {
  let js: string;
  let pdf: PdfAssets;
  try {
    js = await workerCode(root);
    pdf = pdfAssets(root);
  } catch (err) {
    console.error("[catalogue-text] cannot prepare the reader", err);
    return { ok: false, code: "failed" };
  }
  // Out of its heap: far more than any genuine document needs.
  const outOfMemory: IsolatedResult =
    kind === "pdf"
      ? { ok: false, code: "pdfDamaged" }
      : { ok: false, code: "docxTooBig", params: { maxMb: Math.round(limits.maxDocxXmlBytes / (1024 * 1024)) } };
  const release = await slot();
  try {
    const copy = bytes.slice();
    return await new Promise<IsolatedResult>((resolve) => {
      let settled = false;
      const worker = new Worker(js, {
        eval: true,
        workerData: { kind, bytes: copy.buffer, limits, pdf },
        transferList: [copy.buffer],
        resourceLimits: RESOURCE_LIMITS,
      });
      const done = (r: IsolatedResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
        void worker.terminate();
      };
      // The worker checks the budget itself between pages; this stops it when it cannot.
      const timer = setTimeout(
        () => done({ ok: false, code: "timeout", params: { seconds: Math.ceil(limits.timeBudgetMs / 1000) } }),
        limits.timeBudgetMs + 500,
      );
      worker.once(
        "message",
        (
          m:
            | { ok: true; text: string; warnings: TextNotice[] }
            | { ok: false; code: TextErrorCode; params?: Params; internal?: string },
        ) => {
          if (m.ok) return done({ ok: true, text: m.text, warnings: m.warnings });
          if (m.internal) console.error("[catalogue-text] reader failed", m.internal);
          done(m.params ? { ok: false, code: m.code, params: m.params } : { ok: false, code: m.code });
        },
      );
      worker.once("error", (err: Error & { code?: string }) => {
        if (err.code === "ERR_WORKER_OUT_OF_MEMORY") return done(outOfMemory);
        console.error("[catalogue-text] reader crashed", err);
        done({ ok: false, code: "failed" });
      });
      worker.once("exit", () => done({ ok: false, code: "failed" }));
    });
  } finally {
    release();
  }
}
