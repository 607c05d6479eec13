// Shared plumbing for the public JSON API: pagination with next links, CORS, cache headers,
// and error bodies that never leak internals. Everything here is for public reads; the signed-in
// endpoints under /api/v1/reporting answer through src/server/api-auth.ts and get no CORS.
import { NextResponse } from "next/server";
import { z } from "zod";
import { csvResponse } from "@/lib/csv";
import { PILLARS } from "@/lib/enums";
import { MILESTONE_STATUSES } from "@/lib/status";
import type { Lang } from "@/i18n/config";
import { requestLang } from "@/i18n/request";
import { msg, translate, type Msg } from "@/i18n/translate";
import { withLang, zmsg } from "@/i18n/zod";
import { en } from "@/messages/en";
import { vi } from "@/messages/vi";
import {
  AppError,
  DB_RETRY_AFTER_SECONDS,
  GENERIC_ERROR,
  isDatabaseUnavailable,
  logDatabaseUnavailable,
  zodErrorMap,
} from "./errors";
import { logUnexpected } from "./ops/logger";

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** A quarter key as used in URLs and CSVs: 2024-Q1. */
export const periodParam = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, zmsg("errors.api.quarter"))
  .transform((s) => ({ year: Number(s.slice(0, 4)), quarter: Number(s.slice(6)) }));

/**
 * The query parameters the public routes share. The OpenAPI document describes them from these
 * same schemas (src/modules/openapi/spec.ts), so a pattern or a range lives in one place.
 */
export const apiParam = {
  page: pageQuery.shape.page,
  pageSize: pageQuery.shape.pageSize,
  decision: z.string().regex(/^[a-z0-9-]{1,40}$/),
  indicator: z.string().regex(/^[a-z0-9-]{1,80}$/),
  agency: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  milestone: z.coerce.number().int().min(2000).max(2100),
  pillar: z.enum(PILLARS),
  status: z.enum(MILESTONE_STATUSES),
  asOf: periodParam,
};

/** "true" / "false" → boolean; absent → undefined. */
export const boolParam = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

export const CORS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

/** Lists and single resources: a CDN may keep them a minute and serve them stale for five more. */
export const CACHE_PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";
/** Whole-database downloads: heavier to build, so kept longer. */
export const CACHE_BULK = "public, max-age=0, s-maxage=300, stale-while-revalidate=600";

export function apiError(status: number, message: string, details?: unknown, headers: Record<string, string> = {}) {
  return NextResponse.json({ error: { message, details } }, { status, headers: { ...CORS, ...headers } });
}

/** The public API's answer while the database cannot be reached: 503, retry shortly, never cached. */
const DB_UNAVAILABLE_MESSAGE = `${vi.common.dbUnavailable} / ${en.common.dbUnavailable}`;

/**
 * Turns anything a public handler throws into a JSON error: a user-facing AppError keeps its
 * status and message, an unreachable database is a 503 (Retry-After, no-store), anything else is
 * logged and answered with a generic 500. Internal text (driver messages, stacks) never leaves.
 */
export function publicErrorResponse(err: unknown): NextResponse {
  if (isDatabaseUnavailable(err)) {
    if (!(err instanceof AppError)) logDatabaseUnavailable("api", err);
    return apiError(503, DB_UNAVAILABLE_MESSAGE, undefined, {
      "Retry-After": String(DB_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    });
  }
  if (err instanceof AppError) return apiError(err.status, err.message, err.details, { "Cache-Control": "no-store" });
  logUnexpected("api", err);
  return apiError(500, GENERIC_ERROR, undefined, { "Cache-Control": "no-store" });
}

const WRAPPED = Symbol.for("cds.publicRoute");

/**
 * Wraps a public route handler so that a failure is answered by publicErrorResponse instead of
 * Next.js's bare 500:  `export const GET = publicRoute(async (req) => { … })`.
 * Wrapping twice is harmless (the second call returns the first wrapper).
 */
export function publicRoute<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
): (...args: A) => Promise<Response> {
  if ((handler as { [WRAPPED]?: boolean })[WRAPPED]) return handler as (...args: A) => Promise<Response>;
  const wrapped = async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      return publicErrorResponse(err);
    }
  };
  return Object.assign(wrapped, { [WRAPPED]: true });
}

/**
 * The language of a public request's error messages: `?lang=vi|en`, else Accept-Language, else
 * Vietnamese. The answers that depend on it say so (Vary), as public answers may be cached.
 */
export function publicLang(req: Request): Lang {
  return requestLang(new URL(req.url).searchParams.get("lang"), req.headers.get("accept-language"));
}

/** A public error in the request's language. */
export function localizedApiError(req: Request, status: number, key: Parameters<typeof msg>[0], details?: unknown) {
  return apiError(status, translate(publicLang(req), msg(key)), details, { Vary: "Accept-Language" });
}

/**
 * Parses the query with `schema`; on failure returns a 400 response instead of data. A parameter
 * the schema reads may appear once: given twice, which one was meant is unknown (the last used to
 * win silently, so `?page=-1&page=1` read as page 1). Parameters the schema does not read are
 * ignored, repeated or not.
 */
export function parseQuery<T extends z.ZodTypeAny>(
  req: Request,
  schema: T,
): { ok: true; data: z.infer<T> } | { ok: false; response: NextResponse } {
  const search = new URL(req.url).searchParams;
  const lang = publicLang(req);
  const repeated = repeatedParams(search, schema).map((r) => ({ ...r, message: translate(lang, r.message) }));
  if (repeated.length) return { ok: false, response: localizedApiError(req, 400, "errors.api.badQuery", repeated) };
  // zod words its issues when they are first read: read them inside the language's scope.
  const r = withLang(lang, () => {
    const parsed = schema.safeParse(Object.fromEntries(search), zodErrorMap(lang));
    return parsed.success
      ? parsed
      : {
          success: false as const,
          issues: parsed.error.issues.map((i) => ({ param: i.path.join("."), message: i.message })),
        };
  });
  if (!r.success) return { ok: false, response: localizedApiError(req, 400, "errors.api.badQuery", r.issues) };
  return { ok: true, data: r.data };
}

/** Parameters `schema` reads that were sent more than once, each with its message by key. */
export function repeatedParams(search: URLSearchParams, schema: z.ZodTypeAny): { param: string; message: Msg }[] {
  const read = schema instanceof z.ZodObject ? new Set(Object.keys(schema.shape)) : null;
  return [...new Set(search.keys())]
    .filter((k) => (!read || read.has(k)) && search.getAll(k).length > 1)
    .map((k) => ({ param: k, message: msg("errors.api.repeated", { param: k }) }));
}

/** A public JSON read: CORS and a shared-cache policy. */
export function publicJson(body: unknown, cache: string = CACHE_PUBLIC) {
  return NextResponse.json(body, { headers: { ...CORS, "Cache-Control": cache } });
}

export function paginated<T>(req: Request, items: T[], total: number, q: PageQuery) {
  const url = new URL(req.url);
  const link = (page: number) => {
    const u = new URL(url);
    u.searchParams.set("page", String(page));
    u.searchParams.set("pageSize", String(q.pageSize));
    return `${u.pathname}${u.search}`;
  };
  const pages = Math.max(1, Math.ceil(total / q.pageSize));
  return publicJson({
    data: items,
    meta: { page: q.page, pageSize: q.pageSize, total, pages },
    links: {
      self: link(q.page),
      next: q.page < pages ? link(q.page + 1) : null,
      prev: q.page > 1 ? link(q.page - 1) : null,
    },
  });
}

/** A public CSV download (src/lib/csv.ts builds it) with CORS and the given cache policy. */
export function publicCsv(filename: string, body: string, cache: string = CACHE_PUBLIC): Response {
  const res = csvResponse(filename, body, { public: true });
  for (const [k, v] of Object.entries(CORS)) res.headers.set(k, v);
  res.headers.set("Cache-Control", cache);
  return res;
}

/**
 * A public CSV download written chunk by chunk: `chunks` yields CSV text (the first chunk carries
 * the byte-order mark and header row), so a large table is never held in memory at once.
 */
export async function publicCsvStream(
  filename: string,
  chunks: AsyncIterable<string>,
  cache: string = CACHE_BULK,
): Promise<Response> {
  const headers = publicCsv(filename, "", cache).headers;
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  // The first chunk is read before answering, so a database that cannot be reached throws here
  // (a 503 through publicRoute) instead of a 200 whose body breaks off.
  let first: IteratorResult<string> | null = await iterator.next();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = first ?? (await iterator.next());
        first = null;
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        console.error("[api] CSV stream failed", e);
        controller.error(e);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers });
}

export function corsPreflight() {
  return new NextResponse(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });
}
