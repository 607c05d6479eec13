// Structured logs: JSON lines (pino) on standard output, level from LOG_LEVEL. The front server
// creates the logger and shares it through globalThis with the Next.js code in its process; code
// running elsewhere (tests, `next dev`) falls back to the console.
import { requestContext } from "./request-context";

type Fields = Record<string, unknown>;
export type Log = {
  info(fields: Fields, msg: string): void;
  warn(fields: Fields, msg: string): void;
  error(fields: Fields, msg: string): void;
};

const KEY = "__cdsLogger";

export function installLogger(log: Log | null): void {
  (globalThis as Record<string, unknown>)[KEY] = log ?? undefined;
}

function current(): Log | null {
  return ((globalThis as Record<string, unknown>)[KEY] as Log | undefined) ?? null;
}

/** Email addresses and anything that looks like a token are cut from free text before it is logged. */
export function scrub(text: string): string {
  return text
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]")
    .replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "[token]")
    .replace(/((?:session-token|csrf-token|password)=)[^;&\s]+/gi, "$1[redacted]");
}

/**
 * An unexpected error, logged once with its stack and the request it broke; the user is shown a
 * generic message by the caller, never this.
 */
export function logUnexpected(where: string, err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  const ctx = requestContext();
  const fields = {
    where,
    requestId: ctx?.requestId,
    userId: ctx?.userId,
    err: { type: e.name, message: scrub(e.message), stack: scrub(e.stack ?? "") },
  };
  const log = current();
  if (log) log.error(fields, "unexpected error");
  else console.error(`[${where}] unexpected error`, e);
}

export function logWarn(where: string, msg: string, fields: Fields = {}): void {
  const log = current();
  if (log) log.warn({ where, requestId: requestContext()?.requestId, ...fields }, scrub(msg));
  else console.warn(`[${where}] ${msg}`);
}
