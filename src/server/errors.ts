// Errors a user can cause carry a message meant for them; anything else is logged and replaced by
// a generic message so no internal detail reaches a browser. A database that cannot be reached
// (stopped, restarting, network cut, pool exhausted) is neither: it is reported as a 503 with a
// message saying so, never with the driver's text (see asAppError).
import { z } from "zod";
import { logWarn } from "./ops/logger";
import type { Lang } from "@/i18n/config";
import { msg, translate, translateFields, type Text } from "@/i18n/translate";

// zod's own messages ("expected string", "Unrecognized key") reach users as field errors and
// query details: Vietnamese by default, like the rest. Set here because every path that shows one
// (action.ts, api.ts, api-auth.ts, the modules' mutations) loads this module first; the setting is
// global to the process. An English request parses with the English locale (zodErrorMap). A
// message written in a schema still wins over the locale's.
z.config(z.locales.vi());
const zodEn = z.locales.en();
/** Parse options that give zod's own messages in `lang`. */
export const zodErrorMap = (lang: Lang) => (lang === "en" ? { error: zodEn.localeError } : undefined);

/**
 * An error a user can cause. Its message and field errors are texts: a message key with its
 * parameters (msg("errors.reporting.stale", { who })) for what the server words itself, or a
 * literal string. `message` and `fieldErrors` read them in Vietnamese (logs, tests); where the
 * error is shown, `localized(lang)` reads them in the reader's language.
 */
export class AppError extends Error {
  readonly text: Text;
  readonly fieldTexts?: Record<string, Text[]>;
  constructor(
    message: Text,
    readonly status: number,
    fieldErrors?: Record<string, Text[]>,
    readonly details?: unknown,
  ) {
    super(translate("vi", message));
    this.text = message;
    this.fieldTexts = fieldErrors;
  }

  get fieldErrors(): Record<string, string[]> | undefined {
    return translateFields("vi", this.fieldTexts);
  }

  localized(lang: Lang): { message: string; fieldErrors?: Record<string, string[]> } {
    return { message: translate(lang, this.text), fieldErrors: translateFields(lang, this.fieldTexts) };
  }
}

export class AuthError extends AppError {
  constructor(message: Text = msg("errors.signInRequired")) {
    super(message, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: Text = msg("errors.forbidden")) {
    super(message, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(message: Text = msg("errors.notFound")) {
    super(message, 404);
  }
}

export class ValidationError extends AppError {
  constructor(fieldErrors: Record<string, Text[]>, message: Text = msg("errors.invalidForm")) {
    super(message, 400, fieldErrors);
  }
}

/** Someone else saved the item first; `details` carries their value so it can be shown. */
export class ConflictError extends AppError {
  constructor(message: Text, fieldErrors?: Record<string, Text[]>, details?: unknown) {
    super(message, 409, fieldErrors, details);
  }
}

export const GENERIC_ERROR = translate("vi", msg("errors.generic"));

/** The database cannot be reached right now (503): the request may simply be retried later. */
export class DatabaseUnavailableError extends AppError {
  constructor(message: Text = msg("common.dbUnavailable")) {
    super(message, 503);
  }
}

/** Seconds a client is asked to wait before retrying after a 503 (Retry-After). */
export const DB_RETRY_AFTER_SECONDS = 5;

// Error codes that mean "no usable connection", from every layer between us and PostgreSQL:
// Node sockets, node-postgres, the Prisma driver adapter (its error kinds) and Prisma itself.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ECONNABORTED",
]);
// P1001 can't reach the server, P1002 reached but timed out, P1008 operation timed out,
// P1017 server closed the connection, P2024 timed out fetching a connection from the pool.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash
// shutdown, 57P03 cannot connect now (starting up / shutting down), 53300 too many connections.
const isPgUnavailableCode = (code: string) =>
  /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /Timed out fetching a new connection from the connection pool/i,
  /Unable to start a transaction in the given time/i, // every pooled connection busy for maxWait
  /\bECONNREFUSED\b|\bECONNRESET\b/,
];

/**
 * True when `err` (or anything in its `cause` chain) says the database cannot be reached or
 * dropped the connection, as opposed to a query the database refused.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 8) return false;
  if (err instanceof DatabaseUnavailableError) return true;
  if (err instanceof AppError) return false;
  const e = err as {
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    cause?: unknown;
    meta?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  for (const code of [e.code, e.errorCode]) {
    if (typeof code !== "string") continue;
    if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || isPgUnavailableCode(code)) return true;
  }
  if (typeof e.kind === "string") {
    if (ADAPTER_KINDS.has(e.kind)) return true;
    // The adapter passes other PostgreSQL errors on as kind "postgres" with their SQLSTATE.
    if (e.kind === "postgres" && typeof e.code === "string" && isPgUnavailableCode(e.code)) return true;
  }
  // A driver adapter error carries the mapped error in `cause`, as does an Error with a cause;
  // Prisma keeps the driver adapter's error in `meta.driverAdapterError` (e.g. P2010, P2039).
  if (isDatabaseUnavailable(e.cause, depth + 1)) return true;
  if (
    e.meta &&
    typeof e.meta === "object" &&
    isDatabaseUnavailable((e.meta as { driverAdapterError?: unknown }).driverAdapterError, depth + 1)
  )
    return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  // Last resort, for errors that only keep the text (Prisma's unknown-request errors).
  const message = typeof e.message === "string" ? e.message : "";
  return MESSAGES.some((re) => re.test(message));
}

/**
 * The error as something that may be shown to a user: an AppError as it is, an unreachable
 * database as a DatabaseUnavailableError (with `message` if given), anything else null (an
 * unexpected error: log it and answer with GENERIC_ERROR).
 */
export function asAppError(err: unknown, unavailableMessage?: Text): AppError | null {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new DatabaseUnavailableError(unavailableMessage);
  return null;
}

/** One short log line for an unreachable database (no stack trace: it is not a bug). */
export function logDatabaseUnavailable(where: string, err: unknown): void {
  const e = err as { code?: unknown; message?: unknown } | null;
  const text = typeof e?.message === "string" ? e.message.split("\n").filter(Boolean).pop() : String(err);
  logWarn(where, `database unavailable${typeof e?.code === "string" ? ` (${e.code})` : ""}: ${text}`);
}
