// Caches no visitor can fill, on the real server (src/cli/serve.ts on the production build): 200
// requests for invented indicator, decision, document, archive and language slugs, then 200 with
// invented query parameters, must leave the files under .next/server and .next/cache and the
// entries in this process's memory (the front cache, Next's own page caches) where they were,
// apart from the one canonical entry per real page. Also: the portal's own origin reached as
// 127.0.0.1:PORT may write (the JSON write API used to accept only localhost:PORT).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbedded, type RunningDb } from "../../src/server/db/embedded";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 30;
const BASE = `http://127.0.0.1:${PORT}`;
const INDICATOR = "/vi/indicators/digital-economy-gdp-share";

type Stats = {
  front: { entries: number; bytes: number };
  inflight: number;
  next: { memory: number | null; cacheControls: number | null; seedReads: number | null };
};

let db: RunningDb;
let dataDir: string;
let server: ChildProcess;

function files(dir: string): number {
  let n = 0;
  const walk = (p: string) => {
    for (const e of readdirSync(p, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(p, e.name));
      else n++;
    }
  };
  try {
    if (statSync(dir).isDirectory()) walk(dir);
  } catch {
    /* absent: nothing written */
  }
  return n;
}

const diskFiles = () => files(path.join(".next", "server")) + files(path.join(".next", "cache"));

function stats(): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("no cache-stats answer")), 5000);
    server.once("message", (m) => {
      clearTimeout(t);
      resolve((m as { cacheStats: Stats }).cacheStats);
    });
    server.send("cache-stats");
  });
}

/** Sequential requests with a few at a time, each answered in full. */
async function getAll(urls: string[], concurrency = 8): Promise<number[]> {
  const statuses: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < urls.length) {
        const url = urls[i++];
        const res = await fetch(BASE + url, { redirect: "manual" });
        await res.arrayBuffer();
        statuses.push(res.status);
      }
    }),
  );
  return statuses;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "cds-cache-bounds-"));
  db = await startEmbedded(dataDir);
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };
  const seeded = spawnSync(path.join("node_modules", ".bin", "tsx"), ["src/cli/seed.ts"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (seeded.status !== 0) throw new Error("seed failed");
  // The server alone, with a channel only its parent can use to ask what it caches.
  server = spawn(path.join("node_modules", ".bin", "tsx"), ["src/cli/serve.ts"], {
    env: {
      ...env,
      PORT: String(PORT),
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "cache-bounds-test-secret-0123456789abcdef",
      NEXTAUTH_URL: BASE,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/vi`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${BASE} did not start`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("200 unknown slugs and 200 junk query parameters leave the disk and the caches as they were", async () => {
  test.setTimeout(180_000);
  // The real pages once each, so their canonical entries exist before counting.
  const real = [
    "/vi",
    "/en",
    INDICATOR,
    "/vi/decisions/411-2022",
    "/vi/archive/2026-Q2",
    "/vi/tasks",
    "/api/v1/indicators",
  ];
  for (const s of await getAll(real)) expect(s).toBe(200);
  const before = { files: diskFiles(), stats: await stats() };

  const unknown = Array.from({ length: 200 }, (_, i) => {
    const n = `x${i}-${Math.random().toString(36).slice(2, 8)}`;
    return [
      `/vi/indicators/${n}`,
      `/en/decisions/${n}`,
      `/vi/documents/${n}`,
      `/vi/archive/${n}`,
      `/en/archive/2026-Q2/indicators/${n}`,
      `/${n}`,
      `/${n}/indicators/${n}`,
      `/vi/indicators/${n}?page=${i}`,
    ][i % 8];
  });
  const slugStatuses = await getAll(unknown);
  expect(
    slugStatuses.every((s) => s === 404 || s === 307 || s === 308),
    String([...new Set(slugStatuses)]),
  ).toBe(true);
  const afterSlugs = { files: diskFiles(), stats: await stats() };

  const junk = Array.from({ length: 200 }, (_, i) => {
    const q = `utm_${i}=${Math.random().toString(36).slice(2, 8)}`;
    return [
      `/vi?${q}`,
      `${INDICATOR}?${q}`,
      `/vi/tasks?${q}`,
      `/vi/decisions/411-2022?${q}&x=1`,
      `/api/v1/indicators?${q}`,
    ][i % 5];
  });
  for (const s of await getAll(junk)) expect(s).toBe(200);
  const afterJunk = { files: diskFiles(), stats: await stats() };

  console.log(
    `[cache-bounds] files under .next/server+.next/cache: ${before.files} → ${afterSlugs.files} (200 unknown slugs) → ${afterJunk.files} (200 junk parameters); ` +
      `front cache entries: ${before.stats.front.entries} → ${afterSlugs.stats.front.entries} → ${afterJunk.stats.front.entries}; ` +
      `Next memory/cache-control/seed entries: ${JSON.stringify(before.stats.next)} → ${JSON.stringify(afterSlugs.stats.next)} → ${JSON.stringify(afterJunk.stats.next)}`,
  );
  expect(afterSlugs.files).toBe(before.files);
  expect(afterSlugs.stats.front).toEqual(before.stats.front);
  expect(afterSlugs.stats.next).toEqual(before.stats.next);
  expect(afterJunk.files).toBe(before.files);
  // Every junk request was answered from (or filled) its page's one canonical entry.
  expect(afterJunk.stats.front.entries).toBe(before.stats.front.entries);
  expect(afterJunk.stats.next).toEqual(before.stats.next);
});

test("the portal's own origin reached as 127.0.0.1:PORT may write; another port may not", async () => {
  const post = (origin: string) =>
    fetch(`${BASE}/api/v1/reporting/observations`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: "{}",
    });
  // Past the origin check, the anonymous writer is asked to sign in (401), not refused as another site (403).
  expect((await post(BASE)).status).toBe(401);
  expect((await post(`http://127.0.0.1:${PORT + 1}`)).status).toBe(403);
  expect((await post(`http://localhost.evil.example:${PORT}`)).status).toBe(403);
});
