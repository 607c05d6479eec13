// Runs the workbook reader in a worker thread with its own small heap and a wall-clock limit, so a
// hostile upload can neither block the server's event loop (public pages keep answering) nor grow
// its memory past the worker's limit; at most MAX_PARALLEL readers run at once per process.
//
// The worker's code is ./worker.ts bundled in memory by esbuild the first time it is needed (as
// the lite pages' script is, src/server/http/lite-script.ts): the same source then runs under
// `next start` (whose Turbopack bundle cannot hand a worker a file of its own) and under Vitest.
// esbuild is loaded from the project's node_modules at run time, out of the bundler's sight.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { RawWorkbook, ReadErrorCode, ReadLimits } from "./workbook";

export type IsolatedErrorCode = ReadErrorCode | "TIMEOUT";

export class IsolatedReadError extends Error {
  constructor(
    readonly code: IsolatedErrorCode,
    readonly sheet: string | null = null,
  ) {
    super(code);
  }
}

/** Heap of one reader: ample for 2,000 rows, far below what a bomb would need. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8, codeRangeSizeMb: 8, stackSizeMb: 4 };
export const READ_TIMEOUT_MS = 15_000;
const MAX_PARALLEL = 2;

let code: Promise<string> | null = null;

function workerCode(root = process.cwd()): Promise<string> {
  code ??= (async () => {
    const load = createRequire(path.join(root, "package.json"));
    const esbuild = load("esbuild") as typeof import("esbuild");
    const out = await esbuild.build({
      entryPoints: [path.join(root, "src/modules/excel/reader/worker.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
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

/** Readers running or waiting in this process (for tests and the bench). */
export function readerLoad(): { running: number; waiting: number } {
  return { running, waiting: queue.length };
}

/**
 * Reads `bytes` in a worker. Resolves with the rows of the wanted sheets (names normalised with
 * normalizeLabel) or rejects with IsolatedReadError; an unexpected failure is logged and reported
 * as NOT_XLSX (the user sees "not an Excel file", never internal text).
 */
export async function readWorkbookIsolated(
  bytes: Uint8Array,
  limits: ReadLimits,
  wanted: string[],
  timeoutMs = READ_TIMEOUT_MS,
): Promise<RawWorkbook> {
  const js = await workerCode();
  const release = await slot();
  try {
    const copy = bytes.slice();
    return await new Promise<RawWorkbook>((resolve, reject) => {
      let settled = false;
      const worker = new Worker(js, {
        eval: true,
        workerData: { bytes: copy.buffer, limits, wanted },
        transferList: [copy.buffer],
        resourceLimits: RESOURCE_LIMITS,
        stdout: false,
        stderr: false,
      });
      const done = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => done(() => reject(new IsolatedReadError("TIMEOUT"))), timeoutMs);
      worker.once(
        "message",
        (
          m:
            | { ok: true; workbook: RawWorkbook }
            | { ok: false; code: ReadErrorCode; sheet: string | null; internal?: string },
        ) => {
          if (m.ok) return done(() => resolve(m.workbook));
          if (m.internal) console.error("[excel] workbook reader failed", m.internal);
          done(() => reject(new IsolatedReadError(m.code, m.sheet)));
        },
      );
      worker.once("error", (err: Error & { code?: string }) => {
        // Out of its heap: the file needs far more memory than any template.
        if (err.code === "ERR_WORKER_OUT_OF_MEMORY") return done(() => reject(new IsolatedReadError("TOO_BIG")));
        console.error("[excel] workbook reader crashed", err);
        done(() => reject(new IsolatedReadError("NOT_XLSX")));
      });
      worker.once("exit", () => done(() => reject(new IsolatedReadError("NOT_XLSX"))));
    });
  } finally {
    release();
  }
}
