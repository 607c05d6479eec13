// Public pages under load, against a plain static file server serving the same HTML, in one run.
//   npx tsx bench/public-load.ts   (SECONDS=15 WORKERS=16 LH_RUNS=3, LIGHTHOUSE=0 to skip Lighthouse)
// Prints requests/s and p50/p95 for the scorecard home and an indicator page from the portal
// (cached, refreshed on approval) and from a static server, their ratio, the compressed size of
// the JavaScript each page loads, and Lighthouse performance and accessibility scores (median of
// LH_RUNS runs, mobile preset). Pages are measured as anonymous visitors get them (script-free,
// src/server/http/lite-page.ts) and, for comparison in the same run, as Next's React page that
// signed-in visitors get.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { runFor, startPortal, summarise, timed } from "./lib";

const SECONDS = Number(process.env.SECONDS ?? 15);
const WORKERS = Number(process.env.WORKERS ?? 16);
const PORT = Number(process.env.BENCH_PORT ?? 3313);
const STATIC_PORT = PORT + 1;
const PAGES = ["/vi", "/vi/indicators/digital-economy-gdp-share"];
// Both servers are asked for the uncompressed page, so the ratio measures the servers' own work
// and not this client decoding Brotli on the same two cores. (Browsers get the portal's
// pre-compressed copy; its size is printed below.)
const IDENTITY = { "accept-encoding": "identity" };
// Any session cookie makes the front server answer with Next's React page (the cookie need not be
// valid: the page is the same cookie-less render either way).
const REACT_PAGE = { cookie: "next-auth.session-token=bench" };
const LH_RUNS = Number(process.env.LH_RUNS ?? 3);

async function staticServer(files: Map<string, Buffer>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const body = files.get(req.url ?? "");
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(STATIC_PORT, "127.0.0.1", r));
  return server;
}

async function jsSize(base: string, html: string): Promise<{ files: number; raw: number; gzip: number }> {
  const srcs = [
    ...new Set([...html.matchAll(/(?:src|href)="(\/(?:_next\/static|_cds)\/[^"]+\.js)"/g)].map((m) => m[1])),
  ];
  let raw = 0;
  let gzip = 0;
  for (const s of srcs) {
    const buf = Buffer.from(await (await fetch(base + s)).arrayBuffer());
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { files: srcs.length, raw, gzip };
}

type Scores = { performance: number; accessibility: number; tbt: number; lcp: number; benchmarkIndex: number };

function lighthouseOnce(url: string, headers?: Record<string, string>): Scores | { error: string } {
  const out = mkdtempSync(path.join(os.tmpdir(), "lh-"));
  const report = path.join(out, "report.json");
  const r = spawnSync(
    path.join("node_modules", ".bin", "lighthouse"),
    [
      url,
      "--quiet",
      "--output=json",
      `--output-path=${report}`,
      "--only-categories=performance,accessibility",
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic",
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
      encoding: "utf8",
      timeout: 180_000,
    },
  );
  try {
    const j = JSON.parse(readFileSync(report, "utf8"));
    return {
      performance: Math.round(j.categories.performance.score * 100),
      accessibility: Math.round(j.categories.accessibility.score * 100),
      tbt: Math.round(j.audits["total-blocking-time"].numericValue),
      lcp: Math.round(j.audits["largest-contentful-paint"].numericValue),
      benchmarkIndex: Math.round(j.environment.benchmarkIndex),
    };
  } catch {
    return { error: (r.stderr || r.stdout || "no report").slice(-300) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Lighthouse LH_RUNS times (its scores move by several points between runs on a shared machine). */
function lighthouse(url: string, headers?: Record<string, string>) {
  const runs = Array.from({ length: LH_RUNS }, () => lighthouseOnce(url, headers));
  const ok = runs.filter((r): r is Scores => !("error" in r));
  if (!ok.length) return runs[0];
  const median = (k: keyof Scores) => ok.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(ok.length / 2)];
  return {
    performance: median("performance"),
    accessibility: median("accessibility"),
    tbtMs: median("tbt"),
    lcpMs: median("lcp"),
    runs: ok.map((r) => r.performance).join(","),
    benchmarkIndex: median("benchmarkIndex"),
  };
}

async function main() {
  console.log(`Starting an isolated portal on :${PORT}…`);
  const portal = await startPortal("bench-public", PORT);
  const files = new Map<string, Buffer>();
  try {
    for (const p of PAGES) {
      await fetch(portal.base + p); // first request renders and caches the page
      files.set(p, Buffer.from(await (await fetch(portal.base + p, { headers: IDENTITY })).arrayBuffer()));
      const br = await fetch(portal.base + p, { headers: { "accept-encoding": "br" } });
      console.log(
        `${p}: ${br.headers.get("content-encoding")} ${br.headers.get("content-length")} bytes on the wire for browsers, x-cache ${br.headers.get("x-cache")}`,
      );
    }
    const server = await staticServer(files);
    const rows = [];
    for (const p of PAGES) {
      const live = await runFor(SECONDS, WORKERS, () =>
        timed("portal", async () => {
          const r = await fetch(portal.base + p, { headers: IDENTITY });
          await r.arrayBuffer();
          return new Response("{}", { status: r.status });
        }),
      );
      const flat = await runFor(SECONDS, WORKERS, () =>
        timed("static", async () => {
          const r = await fetch(`http://127.0.0.1:${STATIC_PORT}${p}`, { headers: IDENTITY });
          await r.arrayBuffer();
          return new Response("{}", { status: r.status });
        }),
      );
      const a = summarise(`portal ${p}`, live, SECONDS);
      const b = summarise(`static ${p}`, flat, SECONDS);
      rows.push(a, b);
      console.log(
        `${p}: HTML ${files.get(p)!.length} bytes; portal/static throughput ×${(a.rps / b.rps).toFixed(2)}, p95 ×${(a.p95 / b.p95).toFixed(2)}`,
      );
    }
    server.close();
    console.table(rows);
    for (const p of PAGES) {
      const js = await jsSize(portal.base, files.get(p)!.toString("utf8"));
      const reactHtml = await (await fetch(portal.base + p, { headers: { ...IDENTITY, ...REACT_PAGE } })).text();
      const reactJs = await jsSize(portal.base, reactHtml);
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      console.log(
        `${p}: anonymous page ${js.files} JavaScript file(s), ${kib(js.raw)} raw, ${kib(js.gzip)} gzip, HTML ${kib(files.get(p)!.length)}; React page (signed in) ${reactJs.files} files, ${kib(reactJs.raw)} raw, ${kib(reactJs.gzip)} gzip, HTML ${kib(reactHtml.length)}`,
      );
    }
    if (process.env.LIGHTHOUSE !== "0") {
      for (const p of PAGES) {
        console.log(`Lighthouse ${p} (anonymous):`, lighthouse(portal.base + p));
        console.log(`Lighthouse ${p} (React page, as signed in):`, lighthouse(portal.base + p, REACT_PAGE));
      }
    }
    if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    await portal.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
