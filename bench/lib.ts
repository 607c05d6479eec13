// Shared helpers for the benchmarks: an isolated portal on loopback, sign-in, timing, percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbedded, type RunningDb } from "../src/server/db/embedded";
import { migrate } from "../src/server/db/migrate";
import { runSeed } from "../src/server/seed";

export type Portal = { base: string; db: RunningDb; stop: () => Promise<void> };

/** A fresh embedded database in .data/<name>, seeded, and `npm start` serving it on `port`. */
export async function startPortal(
  name: string,
  port: number,
  prepare?: (url: string) => Promise<void>,
): Promise<Portal> {
  const dataDir = path.join(process.cwd(), ".data", name);
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbedded(dataDir);
  await migrate(db.url);
  await runSeed(db.url);
  if (prepare) await prepare(db.url);
  // A process group of its own, signalled as a whole on stop, as a terminal's Ctrl-C does: tsx's
  // wrapper gives a child 30 ms to acknowledge a relayed signal and SIGKILLs it otherwise, which on
  // a loaded machine left the portal's server running after the bench had ended.
  const child: ChildProcess = spawn(path.join("node_modules", ".bin", "tsx"), ["src/cli/start.ts"], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/vi`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    db,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await exited;
      await db.stop();
    },
  };
}

/** Signs in through next-auth's credentials flow and returns the Cookie header to send. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrfRes);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in failed for ${email} (${res.status})`);
  return cookie();
}

export type Sample = { ms: number; status: number; kind: string };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarise(
  label: string,
  samples: Sample[],
  seconds: number,
  expected: (s: Sample) => boolean = () => false,
) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300).length;
  const expectedN = samples.filter((s) => !(s.status >= 200 && s.status < 300) && expected(s)).length;
  const errors = samples.length - ok - expectedN;
  const row = {
    label,
    requests: samples.length,
    rps: +(samples.length / seconds).toFixed(1),
    p50: +percentile(ms, 50).toFixed(1),
    p95: +percentile(ms, 95).toFixed(1),
    ok,
    expectedRefusals: expectedN,
    errors,
    errorRate: samples.length ? +((errors / samples.length) * 100).toFixed(3) : 0,
  };
  return row;
}

/** Runs `workers` loops of `step` for `seconds`, timing each request. */
export async function runFor(
  seconds: number,
  workers: number,
  step: (worker: number) => Promise<Sample | null>,
): Promise<Sample[]> {
  const until = performance.now() + seconds * 1000;
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < until) {
        const s = await step(w);
        if (!s) break;
        samples.push(s);
      }
    }),
  );
  return samples;
}

export async function timed(kind: string, fn: () => Promise<Response>): Promise<Sample & { body: unknown }> {
  const t = performance.now();
  const res = await fn();
  const body = await res.json().catch(() => null);
  return { ms: performance.now() - t, status: res.status, kind, body };
}

/**
 * One timed request of any kind: the whole body is read, so a page or CSV is timed to its last
 * byte, and JSON bodies are parsed for the caller. Redirects are not followed (a signed-out
 * dashboard bounced to the login page must not pass for a dashboard), and a network failure or a
 * request still hanging after `timeoutMs` becomes a sample with status 0 — an error to count, not
 * the end of the run.
 */
export async function request(
  kind: string,
  url: string,
  init: RequestInit = {},
  timeoutMs = 30_000,
): Promise<Sample & { url: string; body: unknown }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { redirect: "manual", ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = null;
    if (res.headers.get("content-type")?.includes("json")) {
      try {
        body = JSON.parse(text);
      } catch {
        /* a truncated JSON body still counts by its status */
      }
    }
    return { ms: performance.now() - t, status: res.status, kind, url, body };
  } catch (e) {
    return { ms: performance.now() - t, status: 0, kind, url, body: String((e as Error)?.cause ?? e) };
  }
}
