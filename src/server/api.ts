// Shared plumbing for the public JSON API: pagination with next links, CORS, cache headers,
// and error bodies that never leak internals.
import { NextResponse } from "next/server";
import { z } from "zod";

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type PageQuery = z.infer<typeof pageQuery>;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

export function apiError(status: number, message: string, details?: unknown) {
  return NextResponse.json({ error: { message, details } }, { status, headers: CORS });
}

/** Parses the query with `schema`; on failure returns a 400 response instead of data. */
export function parseQuery<T extends z.ZodTypeAny>(req: Request, schema: T): { ok: true; data: z.infer<T> } | { ok: false; response: NextResponse } {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const r = schema.safeParse(params);
  if (!r.success) {
    return {
      ok: false,
      response: apiError(400, "Tham số truy vấn không hợp lệ / invalid query parameters", r.error.issues.map((i) => ({ param: i.path.join("."), message: i.message }))),
    };
  }
  return { ok: true, data: r.data };
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
  return NextResponse.json(
    {
      data: items,
      meta: { page: q.page, pageSize: q.pageSize, total, pages },
      links: { self: link(q.page), next: q.page < pages ? link(q.page + 1) : null, prev: q.page > 1 ? link(q.page - 1) : null },
    },
    { headers: { ...CORS, "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300" } },
  );
}

export function corsPreflight() {
  return new NextResponse(null, { status: 204, headers: CORS });
}
