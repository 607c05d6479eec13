// Dashboard speed at national scale.
//   npx tsx --conditions=react-server bench/dashboard-load.ts     (SECONDS=15 WORKERS=4)
// Fills a fresh embedded database with a national history (bench/generate-national.ts), starts the
// portal, signs in a reviewer, then measures in one run:
//   - the national overview, an agency dashboard and an indicator page with one client (the
//     target: p95 <= 150 ms), then with WORKERS concurrent clients (p50/p95, req/s);
//   - the data layer alone, unmemoised, in this process: the SQL and status computation behind
//     the overview (every target's status, the completeness grid, every task's status) — the
//     baseline the page times are compared with.
// The react-server condition lets this script import the server-only modules directly.
import { generateNationalHistory } from "./generate-national";
import { percentile, runFor, signIn, startPortal, summarise, timed } from "./lib";

const SECONDS = Number(process.env.SECONDS ?? 15);
const WORKERS = Number(process.env.WORKERS ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3312);

async function main() {
  console.log("Generating a national-scale history and starting the portal…");
  let counts: Awaited<ReturnType<typeof generateNationalHistory>> | null = null;
  const portal = await startPortal("bench-dashboard", PORT, async (url) => {
    counts = await generateNationalHistory(url);
  });
  try {
    console.log("Generated:", counts);
    const cookie = await signIn(portal.base, "reviewer@cds.gov.vn", "Demo@2026cds");
    const pages = {
      overview: `${portal.base}/vi/dashboard`,
      indicator: `${portal.base}/vi/indicators/digital-economy-gdp-share`,
      agency: `${portal.base}/vi/dashboard/agencies/T-HA-NOI`,
    };
    // Warm-up: the first request computes and memoises the statuses.
    for (const u of Object.values(pages)) {
      const t = performance.now();
      const r = await fetch(u, { headers: { Cookie: cookie } });
      await r.text();
      console.log(
        `first request ${u.replace(portal.base, "")}: ${r.status} in ${(performance.now() - t).toFixed(0)} ms`,
      );
    }
    const load = async (url: string, workers: number) =>
      runFor(SECONDS, workers, async () =>
        timed("page", async () => {
          const r = await fetch(url, { headers: { Cookie: cookie } });
          const body = await r.text();
          return new Response(JSON.stringify({ size: body.length }), { status: r.status });
        }),
      );
    const rows = [];
    for (const workers of [1, WORKERS]) {
      const label = (page: string) => `${page}, ${workers} client${workers > 1 ? "s" : ""}`;
      rows.push(summarise(label("overview"), await load(pages.overview, workers), SECONDS));
      rows.push(summarise(label("agency dashboard"), await load(pages.agency, workers), SECONDS));
      rows.push(summarise(label("indicator page"), await load(pages.indicator, workers), SECONDS));
    }

    // The data layer alone, in this process, against the same database.
    (await import("../src/server/database-url")).useDatabaseUrl(portal.db.url);
    const { computeStatuses } = await import("../src/modules/statuses/queries");
    const { loadCompletenessGrid, loadTaskStatuses } = await import("../src/modules/dashboards/queries");
    const sql: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    while (performance.now() < until) {
      const t = performance.now();
      await Promise.all([computeStatuses(new Date()), loadCompletenessGrid({}), loadTaskStatuses(new Date())]);
      sql.push(performance.now() - t);
    }
    sql.sort((a, b) => a - b);

    console.table(rows);
    const sqlP50 = percentile(sql, 50);
    const sqlP95 = percentile(sql, 95);
    console.log(
      `Data layer alone (unmemoised: all target statuses + completeness grid + task statuses), sequential: n=${sql.length}, p50 ${sqlP50.toFixed(1)} ms, p95 ${sqlP95.toFixed(1)} ms`,
    );
    for (const r of rows)
      console.log(
        `${r.label}: ${r.rps} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms = ×${(r.p95 / sqlP95).toFixed(2)} the data layer's p95${r.label.includes(" 1 client") && !r.label.startsWith("indicator") ? `; target p95 <= 150 ms: ${r.p95 <= 150 ? "met" : "NOT met"}` : ""}`,
      );
    if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    await portal.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
