// Starts this instance's job worker (src/modules/jobs) in the production server's process.
// The job code shares modules with the pages (notify(), the catalogue), which are marked
// "server-only"; outside Next's bundler that package throws on import, so before loading them
// this process resolves it to its empty variant, exactly what Next's server build does. That is
// why the worker is loaded with import() after the hook, never statically.
import { createRequire, register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Db } from "./db";

let hooked = false;

function resolveServerOnlyAsServer() {
  if (hooked) return;
  hooked = true;
  const require = createRequire(import.meta.url);
  const empty = pathToFileURL(path.join(path.dirname(require.resolve("server-only")), "empty.js")).href;
  const hook = `export async function resolve(s, c, next) {
    return s === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(s, c);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

export type JobWorkerOptions = {
  db: Db;
  clock: () => Date;
  pollMs: number;
  smtpUrl?: string;
  from: string;
  baseUrl: string;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
};

export async function startJobWorker(o: JobWorkerOptions): Promise<{ workerId: string; stop: () => Promise<void> }> {
  resolveServerOnlyAsServer();
  const { createJobRunner } = await import("@/modules/jobs/runner");
  const { HANDLERS, RECURRING } = await import("@/modules/jobs/reminders");
  const { smtpTransport } = await import("@/modules/mail/transport");
  const transport = o.smtpUrl ? smtpTransport(o.smtpUrl) : null;
  const runner = createJobRunner({
    db: o.db,
    clock: o.clock,
    handlers: HANDLERS,
    recurring: RECURRING,
    mail: { smtp: !!transport, transport, from: o.from, baseUrl: o.baseUrl },
    pollMs: o.pollMs,
    log: o.log,
  });
  runner.start();
  return {
    workerId: runner.workerId,
    stop: async () => {
      await runner.stop();
      transport?.close();
    },
  };
}
