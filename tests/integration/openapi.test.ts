// The OpenAPI document at /api/v1/openapi.json against the real API: every route file is in the
// spec and every spec path has a route; every documented JSON response of every endpoint is
// produced by calling its route handler (lists, page 2, filters, 400s, 404s, and the signed-in
// reporting endpoints' 200/400/401/403/404/409/413, and the public reads' 503 while the database
// cannot be reached) and validated with Ajv against the schema of
// its status code; documented headers (CORS, Cache-Control, Content-Disposition) are checked on
// every response. Bulk CSVs are checked against the database.
import { readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormatsPlugin from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/server/session", () => import("../support/session-mock"));

import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { observationCsvChunks } from "@/app/api/v1/bulk/observations.csv/chunks";
import { overrideStatusAction } from "@/modules/statuses/actions";
import { createPrisma, db } from "@/server/db";
import { form } from "../support/forms";
import { actAs } from "../support/session-mock";
import { openQuarter } from "../support/periods";

const base = "http://localhost";
const API_DIR = path.join(process.cwd(), "src/app/api/v1");
const SPEC_ID = "urn:cds:openapi";
/**
 * Routes owned by another change (the tasks page's CSV): documented here, checked against the
 * spec when present, but their file may not exist yet and does not export OPTIONS yet.
 */
const OTHER_CHANGE_ROUTES = new Set<string>();
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<(typeof METHODS)[number] | "OPTIONS", Handler>>;
type Spec = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };

// ajv-formats is CommonJS with a `default` property; depending on interop either form arrives.
const addFormats = ((addFormatsPlugin as any).default ?? addFormatsPlugin) as typeof addFormatsPlugin;
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

let spec: Spec;
const routes = new Map<string, { file: string; mod: RouteModule }>();
const exercised = new Set<string>();

/** JSON pointer into the spec, as an Ajv schema reference. */
const pointer = (...parts: string[]) =>
  `${SPEC_ID}#/${parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/")}`;

function validator(ref: string) {
  const v = ajv.getSchema(ref);
  if (!v) throw new Error(`no schema at ${ref}`);
  return v;
}

function assertValid(ref: string, data: unknown, label: string) {
  const v = validator(ref);
  if (!v(data)) {
    const errors = (v.errors ?? [])
      .slice(0, 8)
      .map((e) => `${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`);
    throw new Error(`${label} does not match its schema:\n  ${errors.join("\n  ")}`);
  }
}

/** Route files under src/app/api/v1 as OpenAPI paths ([code] → {code}). */
function routeFiles(dir = API_DIR): { apiPath: string; file: string }[] {
  const out: { apiPath: string; file: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const rel = path.relative(API_DIR, dir).split(path.sep).filter(Boolean);
      out.push({ apiPath: ["/api/v1", ...rel.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/"), file: full });
    }
  }
  return out;
}

/** The spec path template a URL path belongs to, and its path parameters. */
function match(urlPath: string): { template: string; params: Record<string, string> } {
  for (const template of Object.keys(spec.paths)) {
    const names: string[] = [];
    const re = new RegExp(
      `^${template.replace(/\./g, "\\.").replace(/\{(\w+)\}/g, (_, n) => (names.push(n), "([^/]+)"))}$`,
    );
    const m = re.exec(urlPath);
    if (m) return { template, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  throw new Error(`no spec path for ${urlPath}`);
}

/**
 * Calls the route handler for `url` as Next.js would, checks the status, validates the documented
 * headers and (for JSON) the body against the spec's schema for that status.
 */
async function call(url: string, status: number, init: RequestInit & { method?: "GET" | "POST" } = {}) {
  const method = (init.method ?? "GET") as "GET" | "POST";
  const u = new URL(base + url);
  const { template, params } = match(u.pathname);
  const route = routes.get(template);
  if (!route) throw new Error(`no route file for ${template}`);
  const handler = route.mod[method];
  if (!handler) throw new Error(`${template} has no ${method} handler`);
  const res = await handler(new Request(u, init), { params: Promise.resolve(params) });
  const label = `${method} ${url} → ${res.status}`;
  expect(res.status, label).toBe(status);
  const op = spec.paths[template][method.toLowerCase()];
  expect(op, `${method} ${template} in the spec`).toBeDefined();
  const documented = op.responses[String(status)];
  expect(documented, `${label} is documented`).toBeDefined();
  for (const [name, h] of Object.entries<any>(documented.headers ?? {})) {
    const value = res.headers.get(name);
    if (h.required) expect(value, `${label}: header ${name}`).not.toBeNull();
    if (value !== null) expect(ajv.validate(h.schema, value), `${label}: header ${name} = ${value}`).toBe(true);
  }
  const types = Object.keys(documented.content ?? {});
  const contentType = res.headers.get("content-type") ?? "";
  let body: any = null;
  let text: string | null = null;
  if (types.includes("application/json")) {
    expect(contentType, label).toMatch(/^application\/json/);
    body = await res.json();
    assertValid(
      pointer(
        "paths",
        template,
        method.toLowerCase(),
        "responses",
        String(status),
        "content",
        "application/json",
        "schema",
      ),
      body,
      label,
    );
  } else if (types.includes("text/csv")) {
    expect(contentType, label).toMatch(/^text\/csv/);
    text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFF"), `${label}: byte-order mark for Excel`).toBe(true);
  }
  exercised.add(`${method} ${template} ${status}`);
  return { res, body, text };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks); strips the BOM. */
function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && s[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Follows links.next from `first`, validating every page; returns all items. */
async function walk(first: string) {
  const items: any[] = [];
  let next: string | null = first;
  let pages = 0;
  while (next) {
    const { body } = await call(next, 200);
    items.push(...body.data);
    next = body.links.next;
    if (++pages > 200) throw new Error("pagination does not end");
  }
  return items;
}

const isPublic = (op: any) => Array.isArray(op.security) && op.security.length === 0;

beforeAll(async () => {
  const res = await openapiGET();
  expect(res.status).toBe(200);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  spec = await res.json();
  // The document's own fields are not JSON Schema keywords: declare them so strict mode accepts
  // the document as the root that "#/components/schemas/…" references resolve in.
  for (const k of Object.keys(spec)) ajv.addKeyword(k);
  ajv.addSchema(spec, SPEC_ID);
  for (const { apiPath, file } of routeFiles())
    routes.set(apiPath, { file, mod: (await import(/* @vite-ignore */ file)) as RouteModule });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and every schema in it compiles (strict mode: no unknown keywords, every $ref resolves)", () => {
    expect(spec).toMatchObject({ openapi: "3.1.0", info: { version: expect.any(String) } });
    for (const name of Object.keys(spec.components.schemas)) validator(pointer("components", "schemas", name));
    const ids = new Set<string>();
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(
          (op.parameters ?? [])
            .filter((p: any) => p.in === "path")
            .map((p: any) => p.name)
            .sort(),
          `${method} ${template} path parameters`,
        ).toEqual(pathParams);
        for (const p of op.parameters ?? []) ajv.compile(p.schema);
        for (const [status, r] of Object.entries<any>(op.responses)) {
          if (r.content?.["application/json"])
            validator(pointer("paths", template, method, "responses", status, "content", "application/json", "schema"));
          for (const h of Object.values<any>(r.headers ?? {})) ajv.compile(h.schema);
        }
        if (op.requestBody)
          validator(pointer("paths", template, method, "requestBody", "content", "application/json", "schema"));
      }
    }
  });

  it("describes exactly the route files under src/app/api/v1, with the same methods", () => {
    const files = [...routes.keys()].filter((p) => p !== "/api/v1/openapi.json");
    const documented = Object.keys(spec.paths);
    expect(
      files.filter((p) => !documented.includes(p)),
      "route files missing from the spec",
    ).toEqual([]);
    // A path may be documented ahead of its route only if another change is adding it.
    expect(
      documented.filter((p) => !routes.has(p) && !OTHER_CHANGE_ROUTES.has(p)),
      "spec paths without a route file",
    ).toEqual([]);
    for (const p of files) {
      const exported = METHODS.filter((m) => typeof routes.get(p)!.mod[m] === "function").map((m) => m.toLowerCase());
      expect(Object.keys(spec.paths[p]).sort(), `methods of ${p}`).toEqual(exported.sort());
    }
  });

  it("is itself a public read", async () => {
    const res = await openapiGET();
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(typeof routes.get("/api/v1/openapi.json")!.mod.OPTIONS).toBe("function");
  });
});

describe("public JSON endpoints match the spec", () => {
  it("index", async () => {
    const { body } = await call("/api/v1", 200);
    for (const href of [...Object.values<string>(body.resources), ...Object.values<string>(body.downloads)])
      expect(routes.has(href), href).toBe(true);
  });

  it("decisions: every page, page 2, one document, 404 and 400", async () => {
    expect((await walk("/api/v1/decisions?pageSize=2")).length).toBe(await db.document.count());
    const p2 = (await call("/api/v1/decisions?page=2&pageSize=2", 200)).body;
    expect(p2.meta.page).toBe(2);
    expect(p2.links.prev).toMatch(/page=1/);
    for (const d of await db.document.findMany({ select: { key: true } }))
      await call(`/api/v1/decisions/${d.key}`, 200);
    await call("/api/v1/decisions/nope", 404);
    await call("/api/v1/decisions/..%2Fetc", 404);
    await call("/api/v1/documents/nope/seed.json", 404);
    const bad = (await call("/api/v1/decisions?pageSize=0", 400)).body;
    expect(bad.error.details[0].param).toBe("pageSize");
    expect((await call("/api/v1/decisions?page=2&page=1", 400)).body.error.details).toEqual([
      { param: "page", message: expect.stringContaining('"page"') },
    ]);
  });

  it("indicators: every page, filters, page 2, each indicator in detail with statuses and series, 404 and 400", async () => {
    const all = await walk("/api/v1/indicators?pageSize=500");
    expect(all.length).toBe(await db.indicator.count());
    const p2 = (await call("/api/v1/indicators?pageSize=10&page=2", 200)).body;
    expect(p2.data.map((i: any) => i.code)).toEqual(all.slice(10, 20).map((i) => i.code));
    const filtered = (await call("/api/v1/indicators?pillar=DIGITAL_ECONOMY&decision=411-2022&pageSize=500", 200)).body
      .data;
    expect(filtered.length).toBeGreaterThan(0);
    expect(
      filtered.every(
        (i: any) => i.pillar === "DIGITAL_ECONOMY" && i.targets.some((t: any) => t.decision.key === "411-2022"),
      ),
    ).toBe(true);
    await call("/api/v1/indicators?pillar=SPACE", 400);

    let withSeries = 0;
    for (const i of all) {
      const { body } = await call(`/api/v1/indicators/${i.code}`, 200);
      expect(body.data.targets.map((t: any) => t.key)).toEqual(i.targets.map((t: any) => t.key));
      expect(body.data.targets.every((t: any) => t.status !== null)).toBe(true);
      if (body.data.observations.length) withSeries++;
      expect(body.data.latest?.period ?? null).toBe(body.data.observations.at(-1)?.period ?? null);
    }
    expect(withSeries, "indicators with an approved national series").toBeGreaterThan(0);
    await call("/api/v1/indicators/no-such-indicator", 404);
    await call("/api/v1/indicators/NOT%20A%20CODE", 404);
  });

  it("indicators/{code}/compare: the ranking, a 400 and a 404", async () => {
    const { body } = await call("/api/v1/indicators/work-records-processed-online-share/compare?period=2026-Q2", 200);
    expect(body.data.ranking.length + body.data.notReported.length).toBeGreaterThan(0);
    await call("/api/v1/indicators/work-records-processed-online-share/compare", 200);
    await call("/api/v1/indicators/work-records-processed-online-share/compare?period=2026-Q9", 400);
    await call("/api/v1/indicators/no-such-indicator/compare", 404);
  });

  it("statuses: every target once, filters, page 2, 400", async () => {
    const all = await walk("/api/v1/statuses?pageSize=100");
    expect(all.length).toBe(await db.target.count());
    expect(new Set(all.map((s) => s.target)).size).toBe(all.length);
    const p2 = (await call("/api/v1/statuses?pageSize=25&page=2", 200)).body;
    expect(p2.data.map((s: any) => s.target)).toEqual(all.slice(25, 50).map((s) => s.target));
    const f = (await call("/api/v1/statuses?decision=411-2022&pillar=DIGITAL_ECONOMY&milestone=2030&pageSize=500", 200))
      .body.data;
    expect(f.length).toBeGreaterThan(0);
    expect(
      f.every((s: any) => s.decision.key === "411-2022" && s.pillar === "DIGITAL_ECONOMY" && s.year === 2030),
    ).toBe(true);
    const byIndicator = (await call("/api/v1/statuses?indicator=digital-economy-gdp-share", 200)).body.data;
    expect(byIndicator.map((s: any) => s.indicator)).toEqual(Array(4).fill("digital-economy-gdp-share"));
    const noData = (await call("/api/v1/statuses?status=NO_DATA&pageSize=500", 200)).body;
    expect(noData.meta.total).toBe(all.filter((s) => s.status === "NO_DATA").length);
    await call("/api/v1/statuses?asOf=2025-Q4&pageSize=500", 200);
    for (const q of ["status=GREAT", "milestone=abc", "asOf=2025Q4", "pillar=x", "indicator=BAD CODE"])
      await call(`/api/v1/statuses?${q}`, 400);
  });

  it("observations: every page, page 2, from/to, illustrative, national, 400", async () => {
    const all = await walk("/api/v1/observations?pageSize=500");
    expect(all.length).toBe(await db.observation.count({ where: { approvedAt: { not: null } } }));
    expect(all.length).toBeGreaterThan(100);
    const p2 = (await call("/api/v1/observations?pageSize=100&page=2", 200)).body;
    expect(p2.data).toEqual(all.slice(100, 200));
    const key = (p: string) => Number(p.slice(0, 4)) * 10 + Number(p.slice(6));
    const range = await walk("/api/v1/observations?from=2025-Q2&to=2026-Q1&pageSize=500");
    expect(range.length).toBe(
      all.filter((o) => key(o.period) >= key("2025-Q2") && key(o.period) <= key("2026-Q1")).length,
    );
    expect(range.length).toBeGreaterThan(0);
    const real = (await call("/api/v1/observations?illustrative=false&pageSize=500", 200)).body;
    const demo = (await call("/api/v1/observations?illustrative=true&pageSize=500", 200)).body;
    expect(real.data.every((o: any) => !o.illustrative) && demo.data.every((o: any) => o.illustrative)).toBe(true);
    expect(real.meta.total + demo.meta.total).toBe(all.length);
    const national = (
      await call("/api/v1/observations?national=true&indicator=digital-economy-gdp-share&from=2024-Q1", 200)
    ).body.data;
    expect(
      national.every(
        (o: any) => o.national && o.indicator === "digital-economy-gdp-share" && key(o.period) >= key("2024-Q1"),
      ),
    ).toBe(true);
    for (const q of ["from=2024Q1", "to=2024-Q5", "illustrative=maybe", "national=yes", "agency=bkhcn"])
      await call(`/api/v1/observations?${q}`, 400);
  });

  it("tasks: every page, page 2, filters, 400", async () => {
    const all = await walk("/api/v1/tasks?pageSize=100");
    expect(all.length).toBe(await db.task.count());
    const p2 = (await call("/api/v1/tasks?pageSize=50&page=2", 200)).body;
    expect(p2.data.map((t: any) => t.key)).toEqual(all.slice(50, 100).map((t) => t.key));
    const f = (await call("/api/v1/tasks?decision=942-2021&agency=BKHCN&pageSize=500", 200)).body.data;
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((t: any) => t.decision.key === "942-2021")).toBe(true);
    await call("/api/v1/tasks?agency=not+a+code", 400);
  });

  it("agencies: every page, page 2, filters, 400", async () => {
    const all = await walk("/api/v1/agencies?pageSize=50");
    expect(all.length).toBe(await db.agency.count());
    const p2 = (await call("/api/v1/agencies?pageSize=20&page=2", 200)).body;
    expect(p2.data.map((a: any) => a.code)).toEqual(all.slice(20, 40).map((a) => a.code));
    expect((await call("/api/v1/agencies?kind=PROVINCE&current=true&pageSize=500", 200)).body.meta.total).toBe(34);
    await call("/api/v1/agencies?kind=PLANET", 400);
  });

  it("figures and sources: every page, page 2, filters, asOf, 400", async () => {
    const all = await walk("/api/v1/figures?pageSize=40");
    expect(all.length).toBe(await db.publishedFigure.count());
    const p2 = (await call("/api/v1/figures?pageSize=20&page=2", 200)).body;
    expect(p2.data.map((f: any) => f.key)).toEqual(all.slice(20, 40).map((f) => f.key));
    expect(all.some((f) => f.revises !== null) && all.every((f) => f.illustrative === false)).toBe(true);
    const nso2022 = (
      await call("/api/v1/figures?indicator=digital-economy-gdp-share&source=NSO&asOf=2024-01-01", 200)
    ).body.data.filter((f: any) => f.period === "2022");
    expect(nso2022.map((f: any) => f.value)).toEqual([12.67]);
    const sources = await walk("/api/v1/sources?pageSize=5");
    expect(sources.length).toBe(await db.source.count());
    for (const q of ["asOf=2024-13-01", "asOf=2024-02-30", "source=nso", "indicator=A%20B"])
      await call(`/api/v1/figures?${q}`, 400);
    await call("/api/v1/sources?page=0", 400);
  });

  it("bulk/indicators.json: one row per target", async () => {
    const { body, res } = await call("/api/v1/bulk/indicators.json", 200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=300, stale-while-revalidate=600");
    const keys = (await db.target.findMany({ select: { key: true } })).map((t) => t.key).sort();
    expect(body.meta.total).toBe(keys.length);
    expect(body.data.map((r: any) => r.target).sort()).toEqual(keys);
    expect(body.data.every((r: any) => r.status !== null)).toBe(true);
  });
});

describe("a status override is published without the reviewer", () => {
  let targetId = 0;
  let key = "";
  beforeAll(async () => {
    const t = await db.target.findFirstOrThrow({
      where: { document: { key: "942-2021" } },
      orderBy: { id: "asc" },
      include: { indicator: true },
    });
    targetId = t.id;
    key = t.key;
    await actAs("reviewer@cds.gov.vn");
    expect(
      (
        await overrideStatusAction(
          null,
          form({ targetId, status: "LIMITED_PROGRESS", reason: "Kiểm thử OpenAPI: điều chỉnh tạm" }),
        )
      ).ok,
    ).toBe(true);
  });
  afterAll(async () => {
    await actAs("reviewer@cds.gov.vn");
    await overrideStatusAction(null, form({ targetId, status: "LIMITED_PROGRESS", intent: "revoke" }));
    await actAs(null);
  });

  it("in /statuses and /indicators/{code}", async () => {
    const t = await db.target.findUniqueOrThrow({ where: { id: targetId }, include: { indicator: true } });
    const row = (await call(`/api/v1/statuses?indicator=${t.indicator.code}&pageSize=500`, 200)).body.data.find(
      (s: any) => s.target === key,
    );
    expect(row.status).toBe("LIMITED_PROGRESS");
    expect(row.override).toEqual({
      status: "LIMITED_PROGRESS",
      reason: "Kiểm thử OpenAPI: điều chỉnh tạm",
      at: expect.any(String),
    });
    const detail = (await call(`/api/v1/indicators/${t.indicator.code}`, 200)).body.data.targets.find(
      (x: any) => x.key === key,
    );
    expect(detail.status.override.status).toBe("LIMITED_PROGRESS");
    const json = JSON.stringify(detail);
    expect(json).not.toMatch(/@cds\.gov\.vn|"by"/);
  });
});

describe("CSV downloads", () => {
  const BULK_HEADERS: Record<string, string[]> = {
    "/api/v1/bulk/indicators.csv": [
      "target",
      "indicator",
      "indicator_name_vi",
      "indicator_name_en",
      "unit",
      "pillar",
      "decision",
      "decision_number",
      "decision_in_force",
      "year",
      "comparator",
      "value",
      "approximate",
      "scope",
      "scope_level",
      "scope_of",
      "scope_label",
      "clause",
      "line",
      "quote",
      "status",
      "computed_status",
    ],
    "/api/v1/bulk/observations.csv": [
      "indicator",
      "agency",
      "national",
      "period",
      "value",
      "unit",
      "approved_at",
      "illustrative",
    ],
    "/api/v1/bulk/tasks.csv": [
      "task",
      "decision",
      "decision_number",
      "heading",
      "number",
      "title",
      "leads_named",
      "leads_named_codes",
      "deadline_kind",
      "deadline_raw",
      "due_on",
      "lead_agency",
      "lead_agency_name_vi",
      "lead_via",
      "latest_period",
      "latest_status",
      "latest_percent",
      "latest_approved_at",
      "latest_illustrative",
      "status",
    ],
  };

  it("bulk/indicators.csv: the header row, and exactly one row per target in the database", async () => {
    const { text } = await call("/api/v1/bulk/indicators.csv", 200);
    const [header, ...rows] = parseCsv(text!);
    expect(header).toEqual(BULK_HEADERS["/api/v1/bulk/indicators.csv"]);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const keys = (await db.target.findMany({ select: { key: true } })).map((t) => t.key).sort();
    expect(rows.length).toBe(keys.length);
    expect(rows.map((r) => r[0]).sort()).toEqual(keys);
    const quote = (await db.target.findFirstOrThrow({ where: { quote: { contains: "," } } })).quote;
    expect(
      rows.some((r) => r[header.indexOf("quote")] === quote),
      "a quote with a comma survives quoting",
    ).toBe(true);
  });

  it("bulk/observations.csv: every approved observation, read in chunks", async () => {
    const { text } = await call("/api/v1/bulk/observations.csv", 200);
    const [header, ...rows] = parseCsv(text!);
    expect(header).toEqual(BULK_HEADERS["/api/v1/bulk/observations.csv"]);
    expect(rows.length).toBe(await db.observation.count({ where: { approvedAt: { not: null } } }));
    expect(new Set(rows.map((r) => `${r[0]}/${r[1]}/${r[3]}`)).size).toBe(rows.length);
    // Small chunks give the same file: the keyset pagination neither skips nor repeats a row.
    const chunks: string[] = [];
    for await (const c of observationCsvChunks(7)) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toBe(text);
  });

  it("bulk/tasks.csv: one row per task and agency leading it today, with its latest approved update", async () => {
    // The demo data has no task updates: give one lead agency two approved quarters, removed after.
    const lead = await db.taskAssignment.findFirstOrThrow({
      where: { role: "LEAD" },
      orderBy: { id: "asc" },
      include: { task: true, agency: true },
    });
    const approved = (quarter: number, percent: number) => ({
      taskId: lead.taskId,
      agencyId: lead.agencyId,
      year: 2025,
      quarter,
      illustrative: true,
      status: "IN_PROGRESS" as const,
      state: "APPROVED" as const,
      approvedStatus: "IN_PROGRESS" as const,
      approvedPercent: percent,
      approvedAt: new Date(Date.UTC(2025, quarter * 3, 10)),
    });
    // Rows other files' approvals gave a latest update (integration files share the database).
    const reported = async () => {
      const [h, ...rs] = parseCsv((await call("/api/v1/bulk/tasks.csv", 200)).text!);
      const at = (r: string[], name: string) => r[h.indexOf(name)];
      return rs.filter((r) => at(r, "latest_status") !== "").map((r) => `${r[0]}|${at(r, "lead_agency")}`);
    };
    const before = await reported();
    const made = [
      await db.taskProgress.create({ data: approved(2, 20) }),
      await db.taskProgress.create({ data: approved(3, 40) }),
    ];
    try {
      const { text } = await call("/api/v1/bulk/tasks.csv", 200);
      const [header, ...rows] = parseCsv(text!);
      expect(header).toEqual(BULK_HEADERS["/api/v1/bulk/tasks.csv"]);
      expect(rows.every((r) => r.length === header.length)).toBe(true);
      const tasks = await db.task.findMany({
        select: { key: true, _count: { select: { assignees: { where: { role: "LEAD" } } } } },
      });
      expect(rows.length).toBe(tasks.reduce((n, t) => n + Math.max(1, t._count.assignees), 0));
      expect(new Set(rows.map((r) => r[0])).size).toBe(tasks.length);
      const col = (r: string[], name: string) => r[header.indexOf(name)];
      expect(
        rows.every((r) =>
          /^(DONE_ON_TIME|DONE_LATE|IN_PROGRESS|ONGOING|OVERDUE|NO_REPORT|NOT_STARTED)$/.test(col(r, "status")),
        ),
      ).toBe(true);
      const mine = rows.find((r) => r[0] === lead.task.key && col(r, "lead_agency") === lead.agency.code)!;
      expect([
        col(mine, "latest_period"),
        col(mine, "latest_status"),
        col(mine, "latest_percent"),
        col(mine, "latest_illustrative"),
      ]).toEqual(["2025-Q3", "IN_PROGRESS", "40", "true"]);
      // Exactly one more row has a latest update: this one (unless another file's approval gave it one).
      expect((await reported()).sort()).toEqual(
        [...new Set([...before, `${lead.task.key}|${lead.agency.code}`])].sort(),
      );
    } finally {
      await db.taskProgress.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
    }
  });

  it("one indicator's CSV and the dashboard's target CSV are public reads; 404 for an unknown indicator", async () => {
    const { text } = await call("/api/v1/indicators/digital-economy-gdp-share/observations.csv", 200);
    expect(parseCsv(text!)[0]).toEqual([
      "indicator",
      "agency",
      "national",
      "period",
      "value",
      "unit",
      "approved_at",
      "illustrative",
    ]);
    await call("/api/v1/indicators/nope/observations.csv", 404);
    const targets = await call("/api/v1/dashboard/targets.csv?milestone=2030", 200);
    expect(parseCsv(targets.text!)[0][0]).toBe("target");
  });

  it("tasks.csv, when its route exists, is a public CSV", async () => {
    if (!routes.has("/api/v1/tasks.csv")) return;
    const { text } = await call("/api/v1/tasks.csv?decision=942-2021", 200);
    expect(parseCsv(text!).length).toBeGreaterThan(1);
  });
});

describe("CORS", () => {
  it("every public read has an OPTIONS preflight answering any origin", async () => {
    for (const [template, item] of Object.entries(spec.paths)) {
      if (!item.get || !isPublic(item.get) || !routes.has(template) || OTHER_CHANGE_ROUTES.has(template)) continue;
      const options = routes.get(template)!.mod.OPTIONS;
      expect(options, `OPTIONS ${template}`).toBeTypeOf("function");
      const res = await options!(new Request(base + template, { method: "OPTIONS" }), { params: Promise.resolve({}) });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    }
  });

  it("signed-in endpoints have none, and the spec says they need the session cookie", async () => {
    await actAs(null);
    for (const template of Object.keys(spec.paths).filter(
      (p) =>
        p.startsWith("/api/v1/reporting/") ||
        p.startsWith("/api/v1/dashboard/completeness") ||
        (p.endsWith(".xlsx") && p.startsWith("/api/v1/dashboard/")) ||
        p === "/api/v1/dashboard/tasks.csv",
    )) {
      const item = spec.paths[template];
      for (const op of Object.values<any>(item)) expect(op.security, template).toEqual([{ session: [] }]);
      expect(routes.get(template)!.mod.OPTIONS, `no OPTIONS on ${template}`).toBeUndefined();
    }
    for (const url of [
      "/api/v1/reporting/workspace",
      "/api/v1/dashboard/completeness.csv",
      "/api/v1/dashboard/tasks.csv",
      "/api/v1/dashboard/targets.xlsx",
      "/api/v1/dashboard/completeness.xlsx",
      "/api/v1/dashboard/tasks.xlsx",
    ]) {
      const { res } = await call(url, 401);
      expect(res.headers.get("access-control-allow-origin"), url).toBeNull();
    }
    for (const url of ["/api/v1/reporting/observations", "/api/v1/reporting/tasks"]) {
      const { res } = await call(url, 401, {
        method: "POST",
        body: JSON.stringify({ period: openQuarter().key, rows: [] }),
        headers: { "content-type": "application/json" },
      });
      expect(res.headers.get("access-control-allow-origin"), url).toBeNull();
    }
  });
});

describe("signed-in endpoints match the spec", () => {
  const post = (url: string, body: unknown, status: number, headers: Record<string, string> = {}) =>
    call(url, status, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    });
  const requestValid = (template: string, body: unknown) => {
    const v = validator(pointer("paths", template, "post", "requestBody", "content", "application/json", "schema"));
    return v(body) as boolean;
  };

  it("reporter: workspace, 404, cross-site 403, bad bodies 400, too large 413, stale versions 409, untouched rows 200", async () => {
    await actAs("reporter.bkhcn@cds.gov.vn");
    const { body: ws, res } = await call("/api/v1/reporting/workspace", 200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(ws.indicators.length).toBeGreaterThan(0);
    await call("/api/v1/reporting/workspace?period=1999-Q1", 404);
    expect((await call("/api/v1/reporting/workspace?period=2026-Q9", 400)).body.error.fieldErrors).toHaveProperty(
      "period",
    );
    await call("/api/v1/reporting/workspace", 403, { headers: { origin: "https://elsewhere.example" } });
    await call("/api/v1/dashboard/completeness.csv", 200);
    await call("/api/v1/dashboard/tasks.csv", 200);
    await call("/api/v1/dashboard/completeness.csv", 403, { headers: { origin: "https://elsewhere.example" } });
    await call("/api/v1/dashboard/tasks.csv", 403, { headers: { origin: "https://elsewhere.example" } });
    for (const url of [
      "/api/v1/dashboard/targets.xlsx",
      "/api/v1/dashboard/completeness.xlsx",
      "/api/v1/dashboard/tasks.xlsx",
    ]) {
      const { res } = await call(url, 200);
      expect(res.headers.get("content-type"), url).toMatch(/spreadsheetml/);
      await call(url, 403, { headers: { origin: "https://elsewhere.example" } });
    }

    const writes = await db.auditLog.count();
    for (const url of ["/api/v1/reporting/observations", "/api/v1/reporting/tasks"]) {
      const malformed = { period: "2026-Q5", rows: [] };
      expect(requestValid(url, malformed), "the spec refuses what the route refuses").toBe(false);
      expect((await post(url, malformed, 400)).body.error.fieldErrors).toHaveProperty("period");
      await post(url, "{not json", 400);
      await post(url, JSON.stringify({ pad: "x".repeat(1_000_001) }), 413);
      await post(url, JSON.stringify(malformed), 415, { "content-type": "text/plain" });
      await post(url, {}, 403, { origin: "https://elsewhere.example" });
    }

    const ind = ws.indicators[0];
    const staleInd = {
      period: ws.period,
      rows: [{ indicatorId: ind.indicatorId, version: ind.version + 7, value: "1" }],
    };
    expect(requestValid("/api/v1/reporting/observations", staleInd)).toBe(true);
    const conflict = (await post("/api/v1/reporting/observations", staleInd, 409)).body;
    expect(conflict.error.details).toHaveProperty(`ind.${ind.indicatorId}`);

    const untouchedInd = ws.indicators.find((i: any) => i.state === "NOT_STARTED");
    expect(untouchedInd, "an indicator not started this quarter").toBeDefined();
    const noOpInd = { period: ws.period, rows: [{ indicatorId: untouchedInd.indicatorId, version: 0, value: "" }] };
    expect(requestValid("/api/v1/reporting/observations", noOpInd)).toBe(true);
    expect((await post("/api/v1/reporting/observations", noOpInd, 200)).body).toEqual({
      data: { saved: 0, submitted: 0 },
    });

    const task = ws.tasks.items[0];
    const staleTask = {
      period: ws.period,
      rows: [{ taskId: task.taskId, version: task.version + 7, status: "IN_PROGRESS", percent: 10 }],
    };
    expect(requestValid("/api/v1/reporting/tasks", staleTask)).toBe(true);
    expect((await post("/api/v1/reporting/tasks", staleTask, 409)).body.error.details).toHaveProperty(
      `task.${task.taskId}`,
    );
    const untouchedTask = ws.tasks.items.find((t: any) => t.state === "NOT_STARTED");
    expect(untouchedTask, "a task not started this quarter").toBeDefined();
    const noOpTask = { period: ws.period, rows: [{ taskId: untouchedTask.taskId, version: 0, status: "NOT_STARTED" }] };
    expect(requestValid("/api/v1/reporting/tasks", noOpTask)).toBe(true);
    expect((await post("/api/v1/reporting/tasks", noOpTask, 200)).body).toEqual({ data: { saved: 0, submitted: 0 } });

    expect(await db.auditLog.count(), "nothing above wrote anything").toBe(writes);
  });

  it("viewer: 403 on writes", async () => {
    await actAs("viewer.hanoi@cds.gov.vn");
    await post(
      "/api/v1/reporting/observations",
      { period: openQuarter().key, rows: [{ indicatorId: 1, value: "1" }] },
      403,
    );
    await post("/api/v1/reporting/tasks", { period: openQuarter().key, rows: [{ taskId: 1, status: "DONE" }] }, 403);
    await actAs(null);
  });
});

describe("while the database cannot be reached", () => {
  it("every public read documented with a 503 answers it, and works again on the next call once the database is back", async () => {
    // The app's one client (src/server/db.ts) swapped for one whose server refuses every connection,
    // as when PostgreSQL is down: each route's own export must map that to the documented 503.
    const holder = globalThis as { __prisma?: unknown };
    const live = holder.__prisma;
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = createPrisma(`postgresql://nobody:x@127.0.0.1:${port}/cds`);
    const sample: Record<string, string> = { key: "942-2021", code: "digital-economy-gdp-share" };
    const urls = Object.entries(spec.paths)
      .filter(([template, item]) => item.get?.responses["503"] && routes.has(template))
      .map(([template]) => template.replace(/\{(\w+)\}/g, (_, name: string) => sample[name]));
    expect(urls.length, "public reads documenting a 503").toBeGreaterThanOrEqual(15);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    holder.__prisma = down;
    try {
      for (const url of urls) {
        const { body } = await call(url, 503);
        expect(body.error.message, url).toMatch(/^Cơ sở dữ liệu tạm thời không truy cập được/);
      }
    } finally {
      holder.__prisma = live;
      warn.mockRestore();
      await down.$disconnect().catch(() => {});
    }
    for (const url of urls) await call(url, 200);
  });
});

describe("coverage", () => {
  it("every documented JSON response of every endpoint was produced and validated above", () => {
    const missing: string[] = [];
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const [status, r] of Object.entries<any>(op.responses)) {
          const key = `${method.toUpperCase()} ${template} ${status}`;
          const needed = r.content?.["application/json"] || (r.content?.["text/csv"] && routes.has(template));
          if (needed && !exercised.has(key)) missing.push(key);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
