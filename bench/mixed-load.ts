// Mixed load: public readers, dashboard users and reporters at the same time, on loopback.
//   npx tsx bench/mixed-load.ts     (SECONDS=20 READERS=24 DASHBOARD=4 REPORTERS=16 BENCH_PORT=3315;
//                                    DETAIL=1 adds a per-URL table)
// Starts its own portal on a fresh embedded database with two reporter accounts per province,
// then measures two phases of SECONDS each in the same run:
//   1. baseline — READERS public readers alone, cycling over the scorecard (vi, en), indicator,
//      decision and document pages, the tasks page and the open-data API;
//   2. mixed    — the same readers, plus DASHBOARD signed-in reviewers loading the national and
//      agency dashboards and their CSVs, plus REPORTERS saving drafts and submitting values and
//      task progress through the JSON reporting API. The two reporters of a province work on the
//      same items, so some saves are refused with 409: expected, counted apart from errors.
// Prints, per kind of request and phase, throughput, p50/p95, expected refusals and errors; the
// public readers' throughput and p95 under mixed load relative to the baseline; and the database's
// integrity afterwards (every item's version = its number of revisions, every accepted save has
// its revision). Exits 1 on any unexpected response (5xx, unexpected 4xx, network error) or a
// lost revision.
//
// Approvals are not exercised: reviewers approve only through a server action (reviewAction in
// src/modules/reporting/actions.ts); there is no JSON route for it, so public caches are not
// refreshed during the run.
import pg from "pg";
import { hashPassword } from "../src/server/password";
import { request, runFor, signIn, startPortal, summarise, type Sample } from "./lib";

const SECONDS = Number(process.env.SECONDS ?? 20);
const READERS = Number(process.env.READERS ?? 24);
const DASHBOARD = Number(process.env.DASHBOARD ?? 4);
const REPORTERS = Number(process.env.REPORTERS ?? 16);
const PORT = Number(process.env.BENCH_PORT ?? 3315);
const PASSWORD = "Bench@2026mixed";
const DEMO_PASSWORD = "Demo@2026cds";
/** Both reporters of a province keep re-saving these as drafts: the source of the 409s. */
const DRAFT_INDICATORS = [
  "online-public-services-level4-share",
  "work-records-processed-online-share",
  "digital-inspections-share",
];
/** Submitted once each per province, before its tasks. */
const SUBMIT_INDICATORS = [
  "admin-dossiers-fully-online-share",
  "online-dossier-settlement-share",
  "interagency-documents-electronic-share",
  "records-electronic-lifecycle-share",
  "online-reporting-regimes-share",
];

type Target = { kind: string; url: string };
type Res = Sample & { url: string; body: unknown };
type SaveBody = {
  data?: { saved: number };
  error?: { message?: string; details?: Record<string, { version: number }> };
};

/** Two reporter accounts per province (then per ministry if REPORTERS asks for more), with indicators to report. */
async function prepare(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const agencies = (
    await c.query(
      `SELECT id, code FROM "Agency" WHERE kind IN ('PROVINCE', 'MINISTRY') AND "validTo" IS NULL ORDER BY kind = 'PROVINCE' DESC, code`,
    )
  ).rows as { id: number; code: string }[];
  const needed = Math.ceil(REPORTERS / 2);
  if (needed > agencies.length)
    throw new Error(
      `REPORTERS=${REPORTERS} needs ${needed} agencies; only ${agencies.length} provinces and ministries exist (max REPORTERS=${agencies.length * 2})`,
    );
  const codes = [...DRAFT_INDICATORS, ...SUBMIT_INDICATORS];
  const ind = (await c.query(`SELECT id FROM "Indicator" WHERE code = ANY($1)`, [codes])).rows as { id: number }[];
  if (ind.length !== codes.length)
    throw new Error(`indicators missing from the seed: expected ${codes.length}, found ${ind.length}`);
  const hash = await hashPassword(PASSWORD);
  for (let i = 0; i < REPORTERS; i++) {
    const a = agencies[Math.floor(i / 2)];
    await c.query(
      `INSERT INTO "User" (email, name, "passwordHash", role, "agencyId") VALUES ($1, $2, $3, 'REPORTER', $4) ON CONFLICT DO NOTHING`,
      [`mixed${(i % 2) + 1}.${a.code.toLowerCase()}@bench.local`, `Bench mixed ${a.code} ${(i % 2) + 1}`, hash, a.id],
    );
    // Keeps an existing assignment (a ministry reporting the national figure) as it is.
    for (const x of ind)
      await c.query(
        `INSERT INTO "IndicatorAssignment" ("indicatorId", "agencyId") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [x.id, a.id],
      );
  }
  await c.end();
}

/** The public pages and API calls readers cycle over, taken from the seeded data. */
async function publicTargets(c: pg.Client): Promise<Target[]> {
  const indicators = (
    await c.query(
      `SELECT DISTINCT i.code FROM "Indicator" i JOIN "Observation" o ON o."indicatorId" = i.id WHERE o."isNational" AND o.state = 'APPROVED' ORDER BY i.code LIMIT 4`,
    )
  ).rows.map((r) => r.code as string);
  const documents = (await c.query(`SELECT key FROM "Document" ORDER BY "sortOrder", key`)).rows.map(
    (r) => r.key as string,
  );
  const page = (url: string) => ({ kind: "public page", url });
  const api = (url: string) => ({ kind: "public API", url });
  // Interleaved so every reader mixes cheap and expensive requests from the start.
  return [
    page("/vi"),
    api("/api/v1/indicators"),
    ...indicators.map((code) => page(`/vi/indicators/${code}`)),
    page("/en"),
    api("/api/v1/observations"),
    ...documents.map((key) => page(`/vi/decisions/${key}`)),
    page(`/en/indicators/${indicators[0]}`),
    api(`/api/v1/observations?indicator=${indicators[0]}`),
    ...documents.slice(0, 2).map((key) => page(`/vi/documents/${key}`)),
    page("/vi/tasks"),
  ];
}

/**
 * One reporter's view: the versions it last saw of the province's shared draft items, and the
 * province's queue of items to submit. The queue is shared by both reporters and an item leaves it
 * only when answered, so the two often submit the same item at once and one is refused (under
 * load, with responses slower than a step, nearly every item is tried by both).
 */
type Reporter = { cookie: string; versions: Map<number, number>; queue: SubmitQueue; step: number };
type SubmitItem =
  | { kind: "reporter submit (value)"; indicatorId: number; version: number }
  | { kind: "reporter submit (task)"; taskId: number; version: number };
type SubmitQueue = { items: SubmitItem[]; next: number };

/** a1, b1, a2, b2, …, then the rest of the longer list: both kinds of submission from the start. */
function interleave<T>(a: T[], b: T[]): T[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]])
    .flat()
    .filter((x): x is T => x !== undefined);
}

async function main() {
  console.log(`Starting an isolated portal on :${PORT} (fresh embedded database, build if needed)…`);
  const portal = await startPortal("bench-mixed", PORT, prepare);
  const c = new pg.Client({ connectionString: portal.db.url });
  try {
    const base = portal.base;
    await c.connect();

    // --- Who does what ---------------------------------------------------------------------
    const publicList = await publicTargets(c);
    const reviewer = await signIn(base, "reviewer@cds.gov.vn", DEMO_PASSWORD);
    const reporterRows = (
      await c.query(
        `SELECT u.email, a.code FROM "User" u JOIN "Agency" a ON a.id = u."agencyId" WHERE u.email LIKE 'mixed%@bench.local' ORDER BY a.code, u.email`,
      )
    ).rows as {
      email: string;
      code: string;
    }[];
    const agencyCodes = [...new Set(reporterRows.map((r) => r.code))];
    const dashboardList: Target[] = [
      { kind: "dashboard page", url: "/vi/dashboard" },
      { kind: "dashboard CSV", url: "/api/v1/dashboard/completeness.csv" },
      { kind: "dashboard page", url: "/vi/dashboard/agencies/T-HA-NOI" },
      { kind: "dashboard CSV", url: "/api/v1/dashboard/tasks.csv" },
      { kind: "dashboard page", url: `/vi/dashboard/agencies/${agencyCodes[0] ?? "T-HO-CHI-MINH"}` },
      { kind: "dashboard CSV", url: "/api/v1/dashboard/targets.csv" },
      { kind: "dashboard page", url: "/vi/dashboard/agencies/BKHCN" },
    ];

    // First requests render and cache the public pages and memoise the dashboard's statuses: not
    // what is measured. A URL that does not answer 200 here is a mistake in this script.
    for (const t of [...publicList, ...dashboardList]) {
      const r = await request(
        "warm-up",
        base + t.url,
        { headers: t.kind.startsWith("dashboard") ? { Cookie: reviewer } : {} },
        120_000,
      );
      if (r.status !== 200) throw new Error(`warm-up: ${t.url} answered ${r.status}`);
    }

    console.log(`Signing in ${reporterRows.length} reporters (${agencyCodes.length} agencies)…`);
    const ids = new Map(
      (
        await c.query(`SELECT id, code FROM "Indicator" WHERE code = ANY($1)`, [
          [...DRAFT_INDICATORS, ...SUBMIT_INDICATORS],
        ])
      ).rows.map((r) => [r.code as string, r.id as number]),
    );
    const draftIds = new Set(DRAFT_INDICATORS.map((code) => ids.get(code)!));
    const submitIds = new Set(SUBMIT_INDICATORS.map((code) => ids.get(code)!));
    const queues = new Map<string, SubmitQueue>();
    const reporters: Reporter[] = [];
    let period = "";
    for (const r of reporterRows) {
      const cookie = await signIn(base, r.email, PASSWORD);
      // Without a period the workspace is the quarter open today, as a reporter lands on it.
      const res = await request("workspace", `${base}/api/v1/reporting/workspace`, { headers: { Cookie: cookie } });
      if (res.status !== 200) throw new Error(`${r.email}: workspace answered ${res.status}`);
      const ws = res.body as {
        period: string;
        indicators: { indicatorId: number; version: number; state: string }[];
        tasks: { items: { taskId: number; version: number; state: string }[] };
      };
      period = ws.period;
      const open = (s: string) => s !== "SUBMITTED" && s !== "APPROVED";
      if (!queues.has(r.code)) {
        queues.set(r.code, {
          next: 0,
          items: interleave<SubmitItem>(
            ws.indicators
              .filter((i) => submitIds.has(i.indicatorId) && open(i.state))
              .map((i) => ({ kind: "reporter submit (value)", indicatorId: i.indicatorId, version: i.version })),
            ws.tasks.items
              .filter((t) => open(t.state))
              .map((t) => ({ kind: "reporter submit (task)", taskId: t.taskId, version: t.version })),
          ),
        });
      }
      const versions = new Map(
        ws.indicators.filter((i) => draftIds.has(i.indicatorId)).map((i) => [i.indicatorId, i.version]),
      );
      if (versions.size !== DRAFT_INDICATORS.length)
        throw new Error(`${r.email}: the workspace lacks the draft indicators`);
      reporters.push({ cookie, versions, queue: queues.get(r.code)!, step: 0 });
    }

    // --- The three kinds of users ----------------------------------------------------------
    // Each worker walks its list from its own starting point, so workers do not move in step.
    const cycle = (list: Target[], headers: Record<string, string> = {}) => {
      const next: number[] = [];
      return (w: number) => {
        const i = (next[w] ??= (w * 3) % list.length);
        next[w] = i + 1;
        const t = list[i % list.length];
        return request(t.kind, base + t.url, { headers });
      };
    };

    let savedRows = 0; // rows the server said it saved: each must have left exactly one revision
    let n = 0;
    const post = (rep: Reporter, kind: string, path: string, rows: unknown[]) =>
      request(kind, `${base}/api/v1/reporting/${path}`, {
        method: "POST",
        headers: { Cookie: rep.cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ period, rows }),
      });

    // A reporter alternates a draft save of the shared items with one submission, while the
    // province still has something to submit.
    const reporterStep = async (w: number): Promise<Res> => {
      const rep = reporters[w];
      const q = rep.queue;
      const item = rep.step++ % 2 === 1 ? q.items[q.next] : undefined;
      if (item) {
        const value = String(40 + ((n++ * 7) % 50));
        const s =
          item.kind === "reporter submit (value)"
            ? await post(rep, item.kind, "observations", [
                {
                  indicatorId: item.indicatorId,
                  version: item.version,
                  value,
                  source: "bench",
                  explanation: "Số liệu thử tải (bench).",
                  submit: true,
                },
              ])
            : await post(rep, item.kind, "tasks", [
                {
                  taskId: item.taskId,
                  version: item.version,
                  status: "IN_PROGRESS",
                  percent: "50",
                  achieved: "Đang triển khai (bench)",
                  submit: true,
                },
              ]);
        // Submitted by either reporter (200), or by the colleague first (409): done either way.
        if ((s.status === 200 || s.status === 409) && q.items[q.next] === item) q.next++;
        if (s.status === 200) savedRows += (s.body as SaveBody).data?.saved ?? 0;
        return s;
      }
      const rows = [...rep.versions].map(([indicatorId, version]) => ({
        indicatorId,
        version,
        value: String(40 + ((n++ * 7) % 50)),
        source: "bench",
      }));
      const s = await post(rep, "reporter save", "observations", rows);
      if (s.status === 200) {
        savedRows += (s.body as SaveBody).data?.saved ?? 0;
        for (const r of rows) rep.versions.set(r.indicatorId, r.version + 1);
      } else if (s.status === 409) {
        // Take the colleague's versions and try again; rows without a conflict were refused too
        // (all or nothing) and keep theirs. A creation race has no details: the next try gets them.
        for (const [k, v] of Object.entries((s.body as SaveBody)?.error?.details ?? {}))
          rep.versions.set(Number(k.split(".")[1]), v.version);
      }
      return s;
    };

    // --- The two phases --------------------------------------------------------------------
    console.log(`Baseline: ${READERS} public readers alone for ${SECONDS} s…`);
    const baseline = await runFor(SECONDS, READERS, cycle(publicList));
    console.log(
      `Mixed: ${READERS} public readers + ${DASHBOARD} dashboard users + ${reporters.length} reporters for ${SECONDS} s…`,
    );
    const [mixedReaders, dashboard, reporting] = await Promise.all([
      runFor(SECONDS, READERS, cycle(publicList)),
      runFor(SECONDS, DASHBOARD, cycle(dashboardList, { Cookie: reviewer })),
      runFor(SECONDS, reporters.length, reporterStep),
    ]);
    const mixed = [...mixedReaders, ...dashboard, ...reporting] as Res[];

    // --- Integrity ----------------------------------------------------------------------------
    const mismatch = async (table: string, revisions: string, fk: string) =>
      (
        await c.query(
          `SELECT count(*)::int AS n FROM "${table}" t WHERE t.version <> (SELECT count(*) FROM "${revisions}" r WHERE r."${fk}" = t.id)`,
        )
      ).rows[0].n as number;
    const obsMismatch = await mismatch("Observation", "ObservationRevision", "observationId");
    const taskMismatch = await mismatch("TaskProgress", "TaskProgressRevision", "taskProgressId");
    const written = (
      await c.query(
        `SELECT (SELECT count(*) FROM "ObservationRevision" r JOIN "User" u ON u.id = r."authorId" WHERE u.email LIKE 'mixed%@bench.local')
              + (SELECT count(*) FROM "TaskProgressRevision" r JOIN "User" u ON u.id = r."authorId" WHERE u.email LIKE 'mixed%@bench.local') AS n`,
      )
    ).rows[0].n as string;
    const lost = savedRows - Number(written);

    // --- Report ------------------------------------------------------------------------------
    // A 409 is the expected refusal of a stale save; everything else that is not 2xx is an error.
    const conflict = (s: Sample) => s.status === 409 && s.kind.startsWith("reporter");
    const kinds = [
      "public page",
      "public API",
      "dashboard page",
      "dashboard CSV",
      "reporter save",
      "reporter submit (value)",
      "reporter submit (task)",
    ];
    const rows = [
      ...["public page", "public API"].map((k) => ({
        phase: "baseline",
        ...summarise(
          k,
          baseline.filter((s) => s.kind === k),
          SECONDS,
        ),
      })),
      ...kinds.map((k) => ({
        phase: "mixed",
        ...summarise(
          k,
          mixed.filter((s) => s.kind === k),
          SECONDS,
          conflict,
        ),
      })),
    ];
    console.table(rows);

    if (process.env.DETAIL === "1") {
      // Per URL, to find which page or route drives a kind's p95.
      const byUrl = (phase: string, samples: Res[]) =>
        [...new Set(samples.map((s) => s.url))].map((u) => ({
          phase,
          ...summarise(
            u.replace(base, ""),
            samples.filter((s) => s.url === u),
            SECONDS,
            conflict,
          ),
        }));
      console.table(
        [...byUrl("baseline", baseline as Res[]), ...byUrl("mixed", mixed)].map(
          ({ phase, label, requests, p50, p95, errors }) => ({ phase, label, requests, p50, p95, errors }),
        ),
      );
    }

    const readersBase = summarise("public readers", baseline, SECONDS);
    const readersMixed = summarise("public readers", mixedReaders, SECONDS);
    console.log(
      `Public readers (pages + API), mixed vs baseline: throughput ${readersMixed.rps} vs ${readersBase.rps} req/s = ×${(readersMixed.rps / readersBase.rps).toFixed(2)}; ` +
        `p95 ${readersMixed.p95} vs ${readersBase.p95} ms = ×${(readersMixed.p95 / readersBase.p95).toFixed(2)}; p50 ×${(readersMixed.p50 / readersBase.p50).toFixed(2)}.`,
    );
    const submitted = [...queues.values()].reduce((a, q) => a + q.next, 0);
    const pending = [...queues.values()].reduce((a, q) => a + q.items.length - q.next, 0);
    console.log(
      `Reporters: ${reporters.length} in ${agencyCodes.length} agencies (2 per agency on the same items), period ${period}; items submitted ${submitted}, still queued ${pending}.`,
    );
    console.log(
      "Approvals: not measured — approving is only a server action (reviewAction), there is no JSON route for it.",
    );
    console.log(
      `Integrity: observations with version ≠ revisions: ${obsMismatch}; task progress with version ≠ revisions: ${taskMismatch}; ` +
        `rows saved (200) ${savedRows}, revisions written by the bench reporters ${written}, lost revisions: ${lost}.`,
    );

    const failures = [...baseline, ...mixed].filter(
      (s) => !(s.status >= 200 && s.status < 300) && !conflict(s),
    ) as Res[];
    for (const f of failures.slice(0, 10))
      console.error(
        `  unexpected: ${f.kind} ${f.url.replace(base, "")} → ${f.status || "network error"} ${JSON.stringify(f.body)?.slice(0, 300) ?? ""}`,
      );
    if (failures.length > 0 || obsMismatch > 0 || taskMismatch > 0 || lost !== 0) {
      console.error(
        `FAIL: ${failures.length} unexpected responses, ${obsMismatch + taskMismatch} items whose version ≠ revision count, ${lost} lost revisions`,
      );
      process.exitCode = 1;
    }
  } finally {
    await c.end().catch(() => {});
    await portal.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
