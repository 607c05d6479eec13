// Concurrent draft saves and submissions against a running portal on loopback.
//   npx tsx bench/reporting-load.ts            (SECONDS=20 CONCURRENCY=… to change)
// Starts its own portal on a fresh embedded database with one reporter per province, then, in the
// same run: a baseline of authenticated cheap reads (GET /api/me), concurrent draft saves of
// indicator values (two reporters share each of a few agencies, so some saves conflict — the
// expected 409s), and concurrent task submissions. Prints throughput, p50/p95 and error rates.
import pg from "pg";
import { hashPassword } from "../src/server/password";
import { runFor, signIn, startPortal, summarise, timed, type Sample } from "./lib";

const SECONDS = Number(process.env.SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3311);
const PASSWORD = "Bench@2026load";
const INDICATORS = [
  "online-public-services-level4-share",
  "work-records-processed-online-share",
  "digital-inspections-share",
];

async function prepare(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const hash = await hashPassword(PASSWORD);
  const provinces = (
    await c.query(`SELECT id, code FROM "Agency" WHERE kind = 'PROVINCE' AND "validTo" IS NULL ORDER BY code`)
  ).rows;
  const ind = (await c.query(`SELECT id FROM "Indicator" WHERE code = ANY($1)`, [INDICATORS])).rows;
  for (const p of provinces) {
    for (const n of [1, 2]) {
      await c.query(
        `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, $2, $3, 'REPORTER', $4) ON CONFLICT DO NOTHING`,
        [`bench${n}.${p.code.toLowerCase()}@bench.local`, `Bench ${p.code} ${n}`, hash, p.id],
      );
    }
    for (const i of ind)
      await c.query(
        `INSERT INTO "IndicatorAssignment" ("indicatorId", "agencyId") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [i.id, p.id],
      );
  }
  await c.end();
}

async function main() {
  console.log(`Starting an isolated portal on :${PORT} (fresh embedded database, build if needed)…`);
  const portal = await startPortal("bench-reporting", PORT, prepare);
  try {
    const base = portal.base;
    const c = new pg.Client({ connectionString: portal.db.url });
    await c.connect();
    const users = (
      await c.query(`SELECT email FROM "User" WHERE email LIKE 'bench%@bench.local' ORDER BY email`)
    ).rows.map((r) => r.email as string);
    const period = "2026-Q3";
    console.log(`Signing in ${users.length} reporters…`);
    const cookies: string[] = [];
    for (const u of users) cookies.push(await signIn(base, u, PASSWORD));

    // Baseline: the cheapest authenticated request, same server, same run.
    const baseline = await runFor(SECONDS, cookies.length, async (w) =>
      timed("me", () => fetch(`${base}/api/me`, { headers: { Cookie: cookies[w] } })),
    );

    // Draft saves. Reporters 1 and 2 of a province edit the same three indicators: a stale
    // version gets 409 with the other person's value, after which the worker takes that version.
    const ws = await Promise.all(
      cookies.map(
        async (ck) =>
          (await (
            await fetch(`${base}/api/v1/reporting/workspace?period=${period}`, { headers: { Cookie: ck } })
          ).json()) as {
            indicators: { indicatorId: number; version: number }[];
            tasks: { items: { taskId: number }[] };
          },
      ),
    );
    const versions = ws.map((w) => new Map(w.indicators.map((i) => [i.indicatorId, i.version])));
    let n = 0;
    const drafts = await runFor(SECONDS, cookies.length, async (w) => {
      const rows = [...versions[w]].map(([indicatorId, version]) => ({
        indicatorId,
        version,
        value: String(40 + ((n++ * 7) % 50)),
        source: "bench",
      }));
      const s = await timed("draft", () =>
        fetch(`${base}/api/v1/reporting/observations`, {
          method: "POST",
          headers: { Cookie: cookies[w], "Content-Type": "application/json" },
          body: JSON.stringify({ period, rows }),
        }),
      );
      if (s.status === 200) for (const r of rows) versions[w].set(r.indicatorId, r.version + 1);
      else if (s.status === 409) {
        const details = (s.body as { error?: { details?: Record<string, { version: number }> } })?.error?.details ?? {};
        for (const [k, v] of Object.entries(details)) versions[w].set(Number(k.split(".")[1]), v.version);
        // Rows without a conflict were refused too (all-or-nothing) and keep their version.
      }
      return s;
    });

    // Submissions: each reporter 1 submits its province's tasks one by one (each task once).
    const queues = ws.map((w, i) => (users[i].startsWith("bench1.") ? w.tasks.items.map((t) => t.taskId) : []));
    const submissions = await runFor(SECONDS, cookies.length, async (w) => {
      const taskId = queues[w].shift();
      if (taskId === undefined) return null;
      return timed("submit", () =>
        fetch(`${base}/api/v1/reporting/tasks`, {
          method: "POST",
          headers: { Cookie: cookies[w], "Content-Type": "application/json" },
          body: JSON.stringify({
            period,
            rows: [
              {
                taskId,
                version: 0,
                status: "IN_PROGRESS",
                percent: "50",
                achieved: "Đang triển khai (bench)",
                submit: true,
              },
            ],
          }),
        }),
      );
    });

    const lost = (
      await c.query(
        `SELECT count(*)::int AS n FROM "Observation" o WHERE o.version <> (SELECT count(*) FROM "ObservationRevision" r WHERE r."observationId" = o.id) AND o.year = 2026 AND o.quarter = 3`,
      )
    ).rows[0].n;
    await c.end();

    const table = [
      summarise("baseline GET /api/me", baseline, SECONDS),
      summarise("draft save (3 values)", drafts, SECONDS, (s: Sample) => s.status === 409),
      summarise("task submission", submissions, SECONDS),
    ];
    console.table(table);
    const b = table[0];
    console.log(
      `Ratios to baseline: draft p50 ×${(table[1].p50 / b.p50).toFixed(1)}, p95 ×${(table[1].p95 / b.p95).toFixed(1)}, throughput ×${(table[1].rps / b.rps).toFixed(2)}; submission p50 ×${(table[2].p50 / b.p50).toFixed(1)}.`,
    );
    console.log(
      `Workers: ${cookies.length} (2 per province, ${cookies.length / 2} provinces). Expected conflicts (409): ${table[1].expectedRefusals}. Observations whose version ≠ revision count (lost history): ${lost}.`,
    );
    const unexpected = table.reduce((a, r) => a + r.errors, 0);
    if (unexpected > 0 || lost > 0) {
      console.error(`FAIL: ${unexpected} unexpected errors, ${lost} observations with missing revisions`);
      process.exitCode = 1;
    }
  } finally {
    await portal.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
