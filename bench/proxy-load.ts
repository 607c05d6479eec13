// The recommended production front, measured: nginx with deploy/nginx.conf in front of a portal
// (src/cli/serve.ts on a fresh embedded database), against nginx serving the same HTML bytes as
// static files, in the same run. Load comes from wrk in its own process (Debian: apt-get install
// nginx-light wrk). Prints requests/s, p50/p95 and the ratio for the public home page and an
// indicator page, then how long an approval takes to reach the public pages through the proxy
// (idle and under load). Exit code 1 if that delay reaches 5 s.
//
//   npx tsx bench/proxy-load.ts            SECONDS=5 ROUNDS=3 CONNECTIONS=50 BENCH_PORT=3460 MICROCACHE=1s PROXY_CONF=deploy/nginx.conf
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../src/server/db/embedded";
import { migrate } from "../src/server/db/migrate";
import { runSeed } from "../src/server/seed";

const SECONDS = Number(process.env.SECONDS ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3460);
const PROXY_PORT = PORT + 1;
const STATIC_PORT = PORT + 2;
const INDICATOR_CODE = "digital-economy-gdp-share";
const PAGES = [
  { name: "home", url: "/vi", file: "home.html" },
  { name: "indicator", url: `/vi/indicators/${INDICATOR_CODE}`, file: "indicator.html" },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function need(cmd: string) {
  if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0) {
    console.error(`${cmd} is missing: apt-get install -y nginx-light wrk`);
    process.exit(2);
  }
}

async function waitFor(url: string, tries = 240) {
  for (let i = 0; i < tries; i++) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`${url} did not answer`);
}

/** nginx's main file around a server config: everything in `dir`, in the foreground. */
function mainConf(dir: string, body: string): string {
  return [
    // Workers run as nobody by default and could not read the temporary folder (0700).
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "daemon off;",
    "worker_processes auto;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 4096; }",
    "http {",
    "  include /etc/nginx/mime.types;",
    "  access_log off;",
    "  sendfile on; tcp_nopush on; keepalive_requests 100000;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t}_temp;`),
    body,
    "}",
  ].join("\n");
}

function startNginx(dir: string, conf: string): ChildProcess {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, conf);
  const test = spawnSync("nginx", ["-t", "-q", "-p", dir, "-e", path.join(dir, "error.log"), "-c", file], {
    encoding: "utf8",
  });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  // Its own process group: stopping the bench stops its workers too.
  return spawn("nginx", ["-p", dir, "-e", path.join(dir, "error.log"), "-c", file], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function stopGroup(child: ChildProcess | null, signal: NodeJS.Signals = "SIGTERM") {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return;
  }
  await Promise.race([exited, sleep(10_000)]);
}

type WrkResult = { rps: number; p50: number; p95: number; errors: string };

/** wrk in its own process; p50/p95 come from a done() hook (wrk's --latency table has no p95). */
function wrk(url: string, seconds: number, script: string): WrkResult {
  const r = spawnSync("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-s", script, url], {
    encoding: "utf8",
    timeout: (seconds + 30) * 1000,
  });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const out = r.stdout;
  const num = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
  const errors = [/Socket errors:[^\n]*/.exec(out)?.[0], /Non-2xx or 3xx responses: \d+/.exec(out)?.[0]]
    .filter(Boolean)
    .join("; ");
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: num(/P50_US (\d+)/) / 1000,
    p95: num(/P95_US (\d+)/) / 1000,
    errors,
  };
}

async function main() {
  need("nginx");
  need("wrk");
  const root = process.cwd();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Building the portal (next build)…");
    if (
      spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
        stdio: "inherit",
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      }).status !== 0
    )
      process.exit(1);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), "cds-proxy-bench-"));
  const dataDir = path.join(root, ".data", "bench-proxy");
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbedded(dataDir);
  let portal: ChildProcess | null = null;
  let proxy: ChildProcess | null = null;
  let stat: ChildProcess | null = null;
  let failed = false;
  try {
    await migrate(db.url);
    await runSeed(db.url);
    // The server alone (what a deployment runs on each machine), in a process group of its own.
    portal = spawn(path.join("node_modules", ".bin", "tsx"), ["src/cli/serve.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        NEXTAUTH_SECRET: "proxy-bench-secret-0123456789abcdef0123",
        NEXTAUTH_URL: `http://127.0.0.1:${PROXY_PORT}`,
        NEXT_TELEMETRY_DISABLED: "1",
        PUBLIC_CACHE_POLL_MS: "1000",
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    await waitFor(`http://127.0.0.1:${PORT}/vi`);

    // deploy/nginx.conf as shipped, but for the upstream address, the port and the cache folder.
    // PROXY_CONF=file: try a variant of it under the same rewrites.
    const shipped = readFileSync(process.env.PROXY_CONF ?? path.join(root, "deploy", "nginx.conf"), "utf8");
    const rendered = shipped
      .replace(/server app-scaled:3000\b/, `server 127.0.0.1:${PORT}`)
      .replace(/listen 80;/, `listen 127.0.0.1:${PROXY_PORT};`)
      .replace("/var/cache/nginx/portal", path.join(tmp, "proxy", "cache"))
      // MICROCACHE=5s: what a longer micro-cache would buy (and cost in approval delay).
      .replace("proxy_cache_valid 200 1s;", `proxy_cache_valid 200 ${process.env.MICROCACHE ?? "1s"};`);
    if (rendered === shipped || !rendered.includes(`127.0.0.1:${PORT}`) || !rendered.includes(`${PROXY_PORT};`))
      throw new Error("deploy/nginx.conf no longer has the lines this bench rewrites");
    proxy = startNginx(path.join(tmp, "proxy"), mainConf(path.join(tmp, "proxy"), rendered));
    const P = `http://127.0.0.1:${PROXY_PORT}`;
    await waitFor(`${P}/vi`);

    // The same bytes, as nginx serves a file.
    const site = path.join(tmp, "static", "site");
    mkdirSync(site, { recursive: true });
    for (const p of PAGES) {
      const res = await fetch(P + p.url, { headers: { "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`${p.url}: ${res.status}`);
      writeFileSync(path.join(site, p.file), Buffer.from(await res.arrayBuffer()));
    }
    stat = startNginx(
      path.join(tmp, "static"),
      mainConf(
        path.join(tmp, "static"),
        `  server { listen 127.0.0.1:${STATIC_PORT}; root ${site}; default_type text/html; location / { } }`,
      ),
    );
    const S = `http://127.0.0.1:${STATIC_PORT}`;
    await waitFor(`${S}/${PAGES[0].file}`);
    for (const p of PAGES) {
      const [a, b] = await Promise.all([
        fetch(P + p.url).then((r) => r.arrayBuffer()),
        fetch(`${S}/${p.file}`).then((r) => r.arrayBuffer()),
      ]);
      const status = (await fetch(P + p.url)).headers.get("x-proxy-cache");
      console.log(`${p.url} through the proxy: X-Proxy-Cache ${status}`);
      if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0)
        console.log(`note: ${p.url} changed between the copy and the check (${a.byteLength} vs ${b.byteLength} bytes)`);
    }

    const lua = path.join(tmp, "pct.lua");
    writeFileSync(
      lua,
      'done = function(summary, latency, requests)\n  io.write(string.format("P50_US %d\\nP95_US %d\\n", latency:percentile(50), latency:percentile(95)))\nend\n',
    );

    const loadavg = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ");
    console.log(
      `\nwrk -t2 -c${CONNECTIONS}, no Accept-Encoding (identity bodies); per page a 3 s warm-up of each side, then ${ROUNDS} rounds of ${SECONDS} s per side, alternating which goes first; ${os.cpus().length} cores shared by wrk, nginx and the portal (and whatever else runs here)`,
    );
    console.log(`load average before: ${loadavg()}`);
    console.log("page       round   bytes    proxy req/s  p50 ms  p95 ms   static req/s  p50 ms  p95 ms   ratio");
    for (const p of PAGES) {
      const bytes = readFileSync(path.join(site, p.file)).length;
      const sides = { proxy: P + p.url, static: `${S}/${p.file}` };
      wrk(sides.proxy, 3, lua);
      wrk(sides.static, 3, lua);
      const ratios: number[] = [];
      let proxyTotal = 0;
      let staticTotal = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        // Alternating the order spreads whatever else the machine does over both sides alike.
        const order = round % 2 ? (["proxy", "static"] as const) : (["static", "proxy"] as const);
        const got: Partial<Record<"proxy" | "static", WrkResult>> = {};
        for (const side of order) got[side] = wrk(sides[side], SECONDS, lua);
        const viaProxy = got.proxy!;
        const viaStatic = got.static!;
        const ratio = viaProxy.rps / viaStatic.rps;
        ratios.push(ratio);
        proxyTotal += viaProxy.rps;
        staticTotal += viaStatic.rps;
        const row = `${p.name.padEnd(10)} ${String(round).padStart(5)} ${String(bytes).padStart(7)}   ${viaProxy.rps.toFixed(0).padStart(10)}  ${viaProxy.p50.toFixed(2).padStart(6)}  ${viaProxy.p95.toFixed(2).padStart(6)}   ${viaStatic.rps.toFixed(0).padStart(12)}  ${viaStatic.p50.toFixed(2).padStart(6)}  ${viaStatic.p95.toFixed(2).padStart(6)}   ×${ratio.toFixed(2)}`;
        console.log(
          row + (viaProxy.errors || viaStatic.errors ? `  errors: ${viaProxy.errors} ${viaStatic.errors}` : ""),
        );
      }
      const overall = proxyTotal / staticTotal;
      const sorted = [...ratios].sort((a, b) => a - b);
      console.log(
        `${p.name.padEnd(10)}   all: ×${overall.toFixed(2)} (rounds ×${sorted[0].toFixed(2)}–×${sorted[sorted.length - 1].toFixed(2)})${overall >= 0.8 ? "" : "  (aim ×0.8 not reached)"}`,
      );
    }
    console.log(`load average after: ${loadavg()}`);

    // An approval made elsewhere (another instance, a direct change): the transaction that changes
    // published data bumps its version, as approving does; this portal learns of it only by polling,
    // the slowest path. The delay is until a visitor through nginx sees the new text.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const indicatorUrl = `${P}${PAGES[1].url}`;
    const approve = async (i: number) => {
      const marker = `Proxy bench change ${i} ${Date.now()}`;
      await client.query("BEGIN");
      await client.query(`UPDATE "Indicator" SET "nameVi" = $1 WHERE code = $2`, [marker, INDICATOR_CODE]);
      await client.query(
        `INSERT INTO "PublicDataVersion" ("id", "version", "changedAt") VALUES (1, 1, now()) ON CONFLICT ("id") DO UPDATE SET "version" = "PublicDataVersion"."version" + 1, "changedAt" = now()`,
      );
      await client.query("COMMIT");
      const t0 = Date.now();
      while (Date.now() - t0 < 15_000) {
        const html = await (await fetch(indicatorUrl)).text();
        if (html.includes(marker)) return Date.now() - t0;
        await sleep(25);
      }
      return Infinity;
    };
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      idle.push(await approve(i));
      await sleep(300 + Math.random() * 700);
    }
    // The same under load: wrk on the indicator page through the proxy meanwhile.
    const loaded: number[] = [];
    const load = spawn("wrk", ["-t2", `-c${CONNECTIONS}`, "-d20s", indicatorUrl], { stdio: "ignore" });
    await sleep(2000);
    for (let i = 0; i < 5; i++) {
      loaded.push(await approve(10 + i));
      await sleep(300 + Math.random() * 700);
    }
    load.kill("SIGTERM");
    await client.end();
    const fmt = (a: number[]) => `${a.map((ms) => `${ms}`).join(", ")} ms (max ${Math.max(...a)} ms)`;
    console.log(
      `\napproval → public page through the proxy (poll 1 s, micro-cache ${process.env.MICROCACHE ?? "1s"}): idle ${fmt(idle)}; under load ${fmt(loaded)}`,
    );
    const worst = Math.max(...idle, ...loaded);
    if (!(worst < 5000)) {
      console.log(`FAIL: an approval took ${worst} ms to reach the public page (limit 5000 ms)`);
      failed = true;
    }
  } finally {
    await stopGroup(stat, "SIGQUIT");
    await stopGroup(proxy, "SIGQUIT");
    await stopGroup(portal);
    await db.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
