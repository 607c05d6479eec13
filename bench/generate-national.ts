// A national-scale reporting history for benchmarks: every current ministry and province reporting
// every quarter from 2020, with revisions, approvals, a few returns and late submissions.
//
//   npx tsx bench/generate-national.ts            fresh embedded database in .data/bench-national,
//                                                 seed, generate, print counts and time, stop
//   npx tsx bench/generate-national.ts --keep     … then print DATABASE_URL and keep running (Ctrl-C)
//   options: --from-year=2020 --revisions=3 --seed=1
//
// From another benchmark, before the portal starts:
//   startPortal("bench-x", port, async (url) => { await generateNationalHistory(url, { log: console.log }); })
//
// Everything written here is SYNTHETIC: rows are flagged `illustrative = true`, sources and texts say
// "minh họa". It is deterministic for a given seed, database content and "today". Rows that already
// exist (the demo seed's illustrative values, anything reported) are never touched; a second run
// writes nothing. Bulk inserts use `pg` directly (unnest of column arrays, ids taken from the
// tables' sequences so revisions can point at their parent without a round trip per row).
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbedded } from "../src/server/db/embedded";
import { migrate } from "../src/server/db/migrate";
import { runSeed } from "../src/server/seed";
import { defaultPeriodDates, needsExplanation } from "../src/modules/reporting/rules";

export type GenerateOptions = {
  fromYear?: number;
  revisionsPerItem?: number;
  seed?: number;
  log?: (s: string) => void;
};
export type GenerateResult = {
  observations: number;
  observationRevisions: number;
  taskProgress: number;
  taskRevisions: number;
  agencies: number;
  seconds: number;
};

/** The agency that reports an indicator's national figure when the seed names nobody. */
const DEFAULT_NATIONAL_REPORTER = "BKHCN";
const TASKS_FROM_YEAR = 2022;
const BATCH = 5000;
const DAY = 86_400_000;
const SOURCE = "Số liệu minh họa tổng hợp (bench/generate-national.ts), không phải số liệu thật";
const RETURN_SHARE = 0.03;
const LATE_SHARE = 0.04;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: one small PRNG per series, keyed by stable codes (not database ids).

function hashString(s: string): number {
  let h1 = 0xdeadbeef ^ s.length;
  let h2 = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

type Rng = {
  next: () => number;
  between: (a: number, b: number) => number;
  int: (a: number, b: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
  normal: () => number;
};

function rng(seed: number, ...parts: (string | number)[]): Rng {
  let a = hashString(`${seed}|${parts.join("|")}`);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r: Rng = {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    chance: (p) => next() < p,
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Quarters and reporting windows.

type Quarter = { year: number; quarter: number };
type Window = { opensAt: number; dueAt: number; locksAt: number };
const qIndex = (q: Quarter) => q.year * 4 + (q.quarter - 1);
const qOf = (i: number): Quarter => ({ year: Math.floor(i / 4), quarter: (i % 4) + 1 });
const qLabel = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

// ---------------------------------------------------------------------------------------------
// Bulk insert: INSERT … SELECT * FROM unnest($1::type[], $2::type[], …), one parameter per column.

type Col = [name: string, pgType: string];

async function bulkInsert(
  c: pg.Client,
  table: string,
  cols: Col[],
  rows: unknown[][],
  progress?: (done: number) => void,
) {
  const names = cols.map(([n]) => `"${n}"`).join(", ");
  const params = cols.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${params})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const chunk = rows.slice(start, start + BATCH);
    const arrays = cols.map((_, j) => chunk.map((r) => r[j]));
    await c.query(sql, arrays);
    progress?.(start + chunk.length);
  }
}

async function allocateIds(c: pg.Client, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const seq = (await c.query(`SELECT pg_get_serial_sequence($1, 'id') AS s`, [`"${table}"`])).rows[0].s as string;
  const rows = (await c.query(`SELECT nextval($1::regclass)::int AS id FROM generate_series(1, $2)`, [seq, n]))
    .rows as { id: number }[];
  return rows.map((r) => r.id);
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Submission timeline of one item in its quarter's window: draft(s) → submit → (return → resubmit)
// → approve, all inside [opensAt, min(locksAt, now)).

type Timeline = {
  drafts: number[];
  submit: number;
  returnAt?: number;
  resubmit?: number;
  approve: number;
  late: boolean;
};

function timeline(r: Rng, w: Window, nowMs: number, drafts: number, returned: boolean, late: boolean): Timeline {
  // Offsets in days from opensAt.
  const due = (w.dueAt - w.opensAt) / DAY;
  const submit = late ? due + r.between(1, 35) : r.between(Math.min(5, due * 0.1), due - 0.05);
  const firstDraft = Math.max(0.05, submit - r.between(0.3, 20));
  const draftOffsets = Array.from(
    { length: drafts },
    (_, i) => firstDraft + ((submit - 0.02 - firstDraft) * i) / Math.max(1, drafts),
  );
  let returnAt: number | undefined;
  let resubmit: number | undefined;
  let approve: number;
  if (returned) {
    returnAt = submit + r.between(0.5, 6);
    resubmit = returnAt + r.between(0.3, 6);
    approve = resubmit + r.between(0.3, 7);
  } else approve = submit + r.between(0.2, 10);
  // Compress everything into the window (and into the past) if it overflows.
  const limit = Math.min((w.locksAt - w.opensAt) / DAY - 0.01, (nowMs - w.opensAt) / DAY - 0.01);
  const k = approve > limit ? limit / approve : 1;
  const at = (d: number) => Math.round(w.opensAt + d * k * DAY);
  const t: Timeline = { drafts: draftOffsets.map(at), submit: at(submit), approve: at(approve), late: false };
  if (returned) {
    t.returnAt = at(returnAt!);
    t.resubmit = at(resubmit!);
  }
  t.late = (t.resubmit ?? t.submit) > w.dueAt;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Indicator trajectories.

type Indicator = {
  id: number;
  code: string;
  pillar: string;
  kind: string;
  direction: string;
  minValue: number | null;
  maxValue: number | null;
};
type Target = { indicatorId: number; year: number; value: number; scopeKind: string; scopeLevel: string | null };

function roundFor(kind: string, v: number): number {
  if (kind === "RANK") return Math.max(1, Math.round(v));
  if (kind === "COUNT") return Math.max(0, Math.round(v));
  if (kind === "BOOLEAN") return v >= 0.5 ? 1 : 0;
  return Math.round(v * 10) / 10;
}

function clampFor(ind: Indicator, v: number): number {
  let x = v;
  if (ind.kind === "PERCENT") x = Math.min(100, Math.max(0, x));
  if (ind.kind === "RANK") x = Math.max(1, x);
  if (ind.kind === "COUNT" || ind.kind === "AMOUNT") x = Math.max(0, x);
  if (ind.minValue != null) x = Math.max(ind.minValue, x);
  if (ind.maxValue != null) x = Math.min(ind.maxValue, x);
  return roundFor(ind.kind, x);
}

/**
 * One plausible series of quarterly values for an indicator and agency over quarters [q0, q1]:
 * anchored on the indicator's target (the national one for national reporters, the ministry/province
 * one for agencies), scaled by the agency's "maturity", trending the right way with noise.
 */
function trajectory(
  ind: Indicator,
  targets: Target[],
  national: boolean,
  maturity: number,
  r: Rng,
  q0: number,
  q1: number,
): number[] {
  const lowerBetter = ind.direction === "LOWER_IS_BETTER";
  const scoped = targets.filter((t) =>
    national ? t.scopeKind === "NATIONAL" : t.scopeKind === "GOV_LEVEL" && t.scopeLevel === "CENTRAL_PROVINCE",
  );
  const pool = scoped.length ? scoped : targets;
  const t = pool.length
    ? pool.reduce((best, x) => (Math.abs(x.year - 2025) < Math.abs(best.year - 2025) ? x : best))
    : null;
  const anchorQ = qIndex({ year: t?.year ?? 2025, quarter: 4 });
  const spread = national ? r.between(0.85, 1.05) : maturity * r.between(0.9, 1.1);
  const n = q1 - q0 + 1;
  const out: number[] = [];
  const noise = () => r.normal();
  switch (ind.kind) {
    case "RANK": {
      const target = t?.value ?? r.int(20, 80);
      // Ranks published once a year: constant within a year, a step each Q1.
      const atAnchor = lowerBetter ? target / spread : target * spread;
      const start = atAnchor * r.between(1.1, 1.5) + r.int(1, 4);
      let value = start;
      for (let i = 0; i < n; i++) {
        const q = q0 + i;
        if (i === 0 || q % 4 === 0) {
          const f = Math.min(
            1.2,
            (q - qIndex({ year: 2020, quarter: 1 })) / Math.max(1, anchorQ - qIndex({ year: 2020, quarter: 1 })),
          );
          value = start + (atAnchor - start) * f + noise() * Math.max(1, atAnchor * 0.05);
        }
        out.push(clampFor(ind, value));
      }
      return out;
    }
    case "RATE_PER_YEAR": {
      const level = (t?.value ?? r.between(4, 8)) * spread;
      for (let i = 0; i < n; i++) {
        const { year } = qOf(q0 + i);
        const dip = year === 2020 ? -level * 0.5 : year === 2021 ? -level * 0.25 : 0;
        out.push(clampFor(ind, level + dip + noise() * 0.6));
      }
      return out;
    }
    case "BOOLEAN": {
      const flip = q0 + r.int(0, n + 4);
      for (let i = 0; i < n; i++) out.push(q0 + i >= flip ? 1 : 0);
      return out;
    }
    default: {
      // PERCENT, COUNT, AMOUNT: a saturating trend from a start value to the anchor and beyond.
      const fallback =
        ind.kind === "PERCENT" ? r.between(40, 95) : ind.kind === "COUNT" ? r.int(100, 5000) : r.between(50, 150);
      const target = t?.value ?? fallback;
      let atAnchor = lowerBetter ? target / spread : target * spread;
      if (ind.kind === "PERCENT") atAnchor = Math.min(atAnchor, r.between(92, 99.5));
      const startQ = qIndex({ year: 2020, quarter: 1 });
      const start = lowerBetter
        ? Math.min(ind.kind === "PERCENT" ? 95 : Infinity, atAnchor * r.between(1.5, 2.5))
        : atAnchor * r.between(ind.kind === "COUNT" ? 0.1 : 0.3, 0.7);
      const span = Math.max(1, anchorQ - startQ);
      const scale = ind.kind === "PERCENT" ? 1.2 : Math.max(1, Math.abs(atAnchor) * 0.012);
      let prev: number | null = null;
      let wobble = 0; // autocorrelated noise: figures drift rather than jump
      for (let i = 0; i < n; i++) {
        const q = q0 + i;
        const f = (q - startQ) / span; // 0 at 2020-Q1, 1 at the anchor quarter
        wobble = 0.7 * wobble + 0.6 * noise();
        // Linear to the anchor, then half the slope, saturating at 100 for percentages.
        let trend = f <= 1 ? start + (atAnchor - start) * f : atAnchor + ((atAnchor - start) * (f - 1)) / 2;
        if (ind.kind === "PERCENT") trend = Math.min(trend, 99.5 - r.next());
        let v = trend + wobble * scale;
        // Mostly monotone: a figure seldom goes back more than a little.
        if (prev != null) v = lowerBetter ? Math.min(v, prev + scale * 0.5) : Math.max(v, prev - scale * 0.5);
        if (ind.kind === "COUNT" && prev != null && !lowerBetter) v = Math.max(v, prev); // cumulative counts
        prev = v;
        out.push(clampFor(ind, v));
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Task progress texts (Vietnamese, as a reporter would write them; marked as illustrative).

const ACHIEVED_IN_PROGRESS = [
  "Đã ban hành kế hoạch triển khai; hoàn thành khoảng {p}% khối lượng công việc.",
  "Đang xây dựng dự thảo, lấy ý kiến các đơn vị liên quan; đạt {p}% kế hoạch.",
  "Đã triển khai thí điểm tại một số đơn vị; đạt {p}% kế hoạch.",
  "Đang tổ chức thực hiện theo kế hoạch; đạt {p}% khối lượng công việc.",
  "Đã hoàn thành khảo sát hiện trạng, đang triển khai các hạng mục chính ({p}%).",
];
const ACHIEVED_DONE = [
  "Đã hoàn thành nhiệm vụ; sản phẩm đã được phê duyệt và đưa vào sử dụng.",
  "Hoàn thành; văn bản đã được ban hành và gửi các đơn vị triển khai.",
  "Đã hoàn thành, kết quả đã báo cáo cơ quan chủ trì tổng hợp.",
  "Hoàn thành nhiệm vụ theo kế hoạch; hệ thống đã vận hành chính thức.",
];
const ACHIEVED_RECURRING = "Đang thực hiện thường xuyên; hoàn thành {p}% kế hoạch năm.";
const OBSTACLES = [
  "Chưa bố trí được kinh phí thực hiện.",
  "Vướng mắc về cơ sở pháp lý, đang chờ hướng dẫn.",
  "Thiếu nhân lực chuyên trách về chuyển đổi số.",
  "Chờ kết nối, chia sẻ dữ liệu với hệ thống của bộ, ngành.",
  "Nhà thầu chậm tiến độ, đang điều chỉnh hợp đồng.",
];
const NEXT_STEPS = [
  "Tiếp tục triển khai theo kế hoạch trong quý tới.",
  "Hoàn thiện dự thảo, trình cấp có thẩm quyền phê duyệt.",
  "Mở rộng triển khai tới các đơn vị còn lại.",
  "Phối hợp với các cơ quan liên quan tháo gỡ vướng mắc.",
];
const mark = (s: string) => `[Minh họa] ${s}`;

type TaskRow = {
  taskId: number;
  agencyId: number;
  taskKey: string;
  agencyCode: string;
  deadlineKind: string;
  dueOn: Date | null;
  issuedOn: Date | null;
};
type TaskState = {
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "BLOCKED";
  percent: number;
  completedOn: number | null;
};

/** Quarter-by-quarter progress of one agency on one task over quarters [q0, q1]. */
function taskStates(t: TaskRow, r: Rng, q0: number, q1: number, windows: (q: number) => Window): TaskState[] {
  const n = q1 - q0 + 1;
  const out: TaskState[] = [];
  if (t.deadlineKind === "RECURRING") {
    for (let i = 0; i < n; i++) {
      const { quarter } = qOf(q0 + i);
      out.push({
        status: "IN_PROGRESS",
        percent: Math.min(100, Math.max(5, Math.round(quarter * 25 - r.between(0, 10)))),
        completedOn: null,
      });
    }
    return out;
  }
  // Quarter (index) the task is done in: around its due date, some early, some late, some never.
  const dueQ = t.dueOn
    ? qIndex({ year: t.dueOn.getUTCFullYear(), quarter: Math.floor(t.dueOn.getUTCMonth() / 3) + 1 })
    : q0 + r.int(Math.floor(n / 3), n + 6);
  let doneQ = dueQ + r.pick([-3, -2, -1, -1, 0, 0, 0, 1, 1, 2, 3, 5]);
  if (r.chance(0.12)) doneQ = q1 + 1 + r.int(0, 8); // not finished in the horizon
  doneQ = Math.max(doneQ, q0 + r.int(0, 3));
  const startQ = Math.min(doneQ - 1, q0 + (r.chance(0.5) ? 0 : r.int(1, 3)));
  // A blocked spell for some items, pushing completion back.
  let blockFrom = Infinity;
  let blockTo = -Infinity;
  if (r.chance(0.08) && doneQ - startQ >= 2) {
    blockFrom = r.int(startQ + 1, doneQ - 1);
    blockTo = blockFrom + r.int(0, 2);
    doneQ += blockTo - blockFrom + 1;
  }
  let percent = 0;
  let completedOn: number | null = null;
  for (let i = 0; i < n; i++) {
    const q = q0 + i;
    if (q < startQ) out.push({ status: "NOT_STARTED", percent: 0, completedOn: null });
    else if (q >= doneQ) {
      if (completedOn == null) {
        const w = windows(q);
        // Completed inside the quarter (the quarter ends the day before its window opens).
        completedOn = w.opensAt - Math.round(r.between(1, 85)) * DAY;
      }
      percent = 100;
      out.push({ status: "DONE", percent, completedOn });
    } else if (q >= blockFrom && q <= blockTo) out.push({ status: "BLOCKED", percent, completedOn: null });
    else {
      const left = Math.max(1, doneQ - q);
      percent = Math.min(
        95,
        Math.max(percent + 1, Math.round(percent + ((100 - percent) / (left + 0.5)) * r.between(0.6, 1.2))),
      );
      if (percent < 5) percent = r.int(5, 15);
      out.push({ status: "IN_PROGRESS", percent, completedOn: null });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export async function generateNationalHistory(url: string, opts: GenerateOptions = {}): Promise<GenerateResult> {
  const started = performance.now();
  const fromYear = opts.fromYear ?? 2020;
  const nRev = Math.max(1, Math.floor(opts.revisionsPerItem ?? 3));
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
  const nowMs = Date.now();

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SET synchronous_commit = off");

    // -- Periods: up to the quarter before the latest one already open, which stays open.
    const periods = (await c.query(`SELECT year, quarter, "opensAt", "dueAt", "locksAt" FROM "ReportingPeriod"`))
      .rows as {
      year: number;
      quarter: number;
      opensAt: Date;
      dueAt: Date;
      locksAt: Date;
    }[];
    const windowsByQ = new Map(
      periods.map((p) => [
        qIndex(p),
        { opensAt: p.opensAt.getTime(), dueAt: p.dueAt.getTime(), locksAt: p.locksAt.getTime() },
      ]),
    );
    const windowOf = (q: number): Window => {
      const w = windowsByQ.get(q);
      if (w) return w;
      const d = defaultPeriodDates(qOf(q).year, qOf(q).quarter);
      return { opensAt: d.opensAt.getTime(), dueAt: d.dueAt.getTime(), locksAt: d.locksAt.getTime() };
    };
    const opened = periods.filter((p) => p.opensAt.getTime() <= nowMs).map(qIndex);
    const now = new Date(nowMs);
    const openQ = opened.length
      ? Math.max(...opened)
      : qIndex({ year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 }) - 1;
    const lastQ = openQ - 1;
    const firstQ = qIndex({ year: fromYear, quarter: 1 });
    log(
      `Generating ${qLabel(firstQ)} … ${qLabel(lastQ)} (${lastQ - firstQ + 1} quarters; ${qLabel(openQ)} stays open), ${nRev} revisions per item, seed ${seed}`,
    );

    // -- Reference data.
    const agencies = (await c.query(`SELECT id, code, kind, "validTo" FROM "Agency"`)).rows as {
      id: number;
      code: string;
      kind: string;
      validTo: Date | null;
    }[];
    const agencyById = new Map(agencies.map((a) => [a.id, a]));
    const current = agencies.filter((a) => a.validTo == null);
    const provinces = current.filter((a) => a.kind === "PROVINCE");
    const ministries = current.filter((a) => a.kind === "MINISTRY" || a.kind === "MINISTRY_LEVEL");
    const indicators = (
      await c.query(`SELECT id, code, pillar, kind, direction, "minValue", "maxValue" FROM "Indicator" ORDER BY code`)
    ).rows as Indicator[];
    const indicatorById = new Map(indicators.map((i) => [i.id, i]));
    const targets = (await c.query(`SELECT "indicatorId", year, value, "scopeKind", "scopeLevel" FROM "Target"`))
      .rows as Target[];
    const targetsOf = new Map<number, Target[]>();
    for (const t of targets)
      (targetsOf.get(t.indicatorId) ?? targetsOf.set(t.indicatorId, []).get(t.indicatorId)!).push(t);
    const users = (await c.query(`SELECT id, role, "agencyId" FROM "User" WHERE active ORDER BY id`)).rows as {
      id: number;
      role: string;
      agencyId: number;
    }[];
    const reviewerId =
      users.find((u) => u.role === "REVIEWER")?.id ?? users.find((u) => u.role === "ADMIN")?.id ?? null;
    const reporterOf = new Map<number, number>();
    for (const u of users) if (u.role === "REPORTER" && !reporterOf.has(u.agencyId)) reporterOf.set(u.agencyId, u.id);

    // -- Indicator assignments.
    const existingAssign = (await c.query(`SELECT "indicatorId", "agencyId", national FROM "IndicatorAssignment"`))
      .rows as { indicatorId: number; agencyId: number; national: boolean }[];
    const haveAssign = new Set(existingAssign.map((a) => `${a.indicatorId}/${a.agencyId}`));
    const hasNational = new Set(existingAssign.filter((a) => a.national).map((a) => a.indicatorId));
    const newAssign: [number, number, boolean][] = [];
    const add = (indicatorId: number, agencyId: number, national: boolean) => {
      const k = `${indicatorId}/${agencyId}`;
      if (haveAssign.has(k)) return;
      haveAssign.add(k);
      newAssign.push([indicatorId, agencyId, national]);
    };
    const defaultNational = current.find((a) => a.code === DEFAULT_NATIONAL_REPORTER);
    if (!defaultNational) throw new Error(`Agency ${DEFAULT_NATIONAL_REPORTER} not found: was the database seeded?`);
    for (const ind of indicators) {
      if (!hasNational.has(ind.id)) {
        if (haveAssign.has(`${ind.id}/${defaultNational.id}`))
          log(
            `  note: ${ind.code} has no national reporter and ${DEFAULT_NATIONAL_REPORTER} already reports it at agency level; left as is`,
          );
        add(ind.id, defaultNational.id, true);
      }
    }
    for (const ind of indicators) {
      if (ind.kind !== "PERCENT") continue;
      if (ind.pillar === "DIGITAL_GOVERNMENT" || ind.pillar === "FOUNDATION")
        for (const p of provinces) add(ind.id, p.id, false);
      // Ministries report the digital-government shares the documents set "for ministries and provinces".
      const forMinistries =
        ind.pillar === "DIGITAL_GOVERNMENT" &&
        (targetsOf.get(ind.id) ?? []).some((t) => t.scopeKind === "GOV_LEVEL" && t.scopeLevel === "CENTRAL_PROVINCE");
      if (forMinistries) for (const m of ministries) add(ind.id, m.id, false);
    }
    await c.query("BEGIN");
    await bulkInsert(
      c,
      "IndicatorAssignment",
      [
        ["indicatorId", "int"],
        ["agencyId", "int"],
        ["national", "bool"],
      ],
      newAssign.map((r) => [...r]),
    );
    await c.query("COMMIT");
    log(`IndicatorAssignment: +${newAssign.length} (${existingAssign.length} kept) [${elapsed()}]`);

    // Each agency's "digital maturity": provinces and ministries differ consistently across indicators.
    const maturity = new Map(current.map((a) => [a.id, rng(seed, "maturity", a.code).between(0.6, 1.12)]));

    // -- Observations.
    const assignments = (
      (
        await c.query(
          `SELECT "indicatorId", "agencyId", national FROM "IndicatorAssignment" ORDER BY "indicatorId", "agencyId"`,
        )
      ).rows as { indicatorId: number; agencyId: number; national: boolean }[]
    ).filter((a) => agencyById.get(a.agencyId)?.validTo == null);
    const existingObs = (
      await c.query(
        `SELECT "indicatorId", "agencyId", year, quarter, coalesce("approvedValue", value) AS v FROM "Observation"`,
      )
    ).rows as {
      indicatorId: number;
      agencyId: number;
      year: number;
      quarter: number;
      v: number | null;
    }[];
    const obsHave = new Map<string, Map<number, number | null>>();
    for (const o of existingObs) {
      const k = `${o.indicatorId}/${o.agencyId}`;
      (obsHave.get(k) ?? obsHave.set(k, new Map()).get(k)!).set(qIndex(o), o.v);
    }

    type ObsPlan = {
      indicatorId: number;
      agencyId: number;
      q: number;
      national: boolean;
      value: number;
      wrong: number | null;
      drafts: number[];
      tl: Timeline;
      explanation: string | null;
    };
    const obsPlans: ObsPlan[] = [];
    for (const a of assignments) {
      const ind = indicatorById.get(a.indicatorId)!;
      const ag = agencyById.get(a.agencyId)!;
      const r = rng(seed, "obs", ind.code, ag.code);
      let values = trajectory(ind, targetsOf.get(ind.id) ?? [], a.national, maturity.get(ag.id) ?? 1, r, firstQ, lastQ);
      const have = obsHave.get(`${a.indicatorId}/${a.agencyId}`);
      if (have?.size) {
        // Join the existing figures smoothly: shift the synthetic series by its gap to the nearest existing value.
        const known = [...have].filter(([, v]) => v != null) as [number, number][];
        values = values.map((v, i) => {
          if (!known.length) return v;
          const q = firstQ + i;
          const [kq, kv] = known.reduce((best, x) => (Math.abs(x[0] - q) < Math.abs(best[0] - q) ? x : best));
          const synthAtK = kq >= firstQ && kq <= lastQ ? values[kq - firstQ] : v;
          return clampFor(ind, v + (kv - synthAtK));
        });
      }
      let prev: number | null = null;
      for (let i = 0; i < values.length; i++) {
        const q = firstQ + i;
        if (have?.has(q)) {
          prev = have.get(q) ?? prev;
          continue;
        }
        const value = values[i];
        const ri = rng(seed, "obs-item", ind.code, ag.code, q);
        const returned = nRev >= 2 && ri.chance(RETURN_SHARE);
        const late = ri.chance(LATE_SHARE);
        const wrong = returned
          ? clampFor(ind, value * ri.between(0.7, 1.3) + (ind.kind === "PERCENT" ? ri.between(-8, 8) : 0))
          : null;
        const nDrafts = returned ? Math.max(0, nRev - 4) : Math.max(0, nRev - 2);
        // Drafts: the figure typed first, corrected up to the one submitted.
        const drafts = Array.from({ length: nDrafts }, (_, d) =>
          d === nDrafts - 1 ? (wrong ?? value) : clampFor(ind, value * ri.between(0.9, 1.1)),
        );
        const tl = timeline(ri, windowOf(q), nowMs, nDrafts, returned, late);
        const explain =
          needsExplanation(prev, value, ind.kind) || (wrong != null && needsExplanation(prev, wrong, ind.kind));
        obsPlans.push({
          indicatorId: a.indicatorId,
          agencyId: a.agencyId,
          q,
          national: a.national,
          value,
          wrong,
          drafts,
          tl,
          explanation: explain
            ? "[Minh họa] Thay đổi lớn do rà soát lại phương pháp thống kê và mở rộng phạm vi thu thập số liệu."
            : null,
        });
        prev = value;
      }
    }
    log(`Observation: ${obsPlans.length} to write for ${assignments.length} assignments [${elapsed()}]`);

    const obsIds = await allocateIds(c, "Observation", obsPlans.length);
    const obsRows: unknown[][] = [];
    const obsRevRows: unknown[][] = [];
    obsPlans.forEach((p, i) => {
      const id = obsIds[i];
      const { year, quarter } = qOf(p.q);
      const reporter = reporterOf.get(p.agencyId) ?? null;
      const revs: [value: number, state: string, at: number, comment: string | null, author: number | null][] = [];
      for (let d = 0; d < p.drafts.length; d++)
        revs.push([p.drafts[d], "DRAFT", p.tl.drafts[d], d === 0 ? "Nhập số liệu quý" : null, reporter]);
      if (p.wrong != null) {
        revs.push([p.wrong, "SUBMITTED", p.tl.submit, null, reporter]);
        revs.push([
          p.wrong,
          "RETURNED",
          p.tl.returnAt!,
          "Số liệu chưa khớp với báo cáo tổng hợp; đề nghị rà soát lại.",
          reviewerId,
        ]);
        revs.push([
          p.value,
          "SUBMITTED",
          p.tl.resubmit!,
          "Đã rà soát và cập nhật số liệu theo ý kiến người duyệt.",
          reporter,
        ]);
      } else if (nRev >= 2) revs.push([p.value, "SUBMITTED", p.tl.submit, null, reporter]);
      revs.push([p.value, "APPROVED", p.tl.approve, null, reviewerId]);
      revs.forEach(([value, state, at, comment, author], v) => {
        obsRevRows.push([id, v + 1, value, state, SOURCE, p.explanation, comment, author, iso(at)]);
      });
      const submittedAt = p.tl.resubmit ?? p.tl.submit;
      obsRows.push([
        id,
        p.indicatorId,
        p.agencyId,
        year,
        quarter,
        p.national,
        true,
        p.value,
        SOURCE,
        p.explanation,
        "APPROVED",
        revs.length,
        iso(submittedAt),
        p.tl.late,
        p.value,
        iso(p.tl.approve),
        iso(p.tl.approve),
        reviewerId,
      ]);
    });
    await c.query("BEGIN");
    await bulkInsert(
      c,
      "Observation",
      [
        ["id", "int"],
        ["indicatorId", "int"],
        ["agencyId", "int"],
        ["year", "int"],
        ["quarter", "int"],
        ["isNational", "bool"],
        ["illustrative", "bool"],
        ["value", "float8"],
        ["source", "text"],
        ["explanation", "text"],
        ["state", `"WorkflowState"`],
        ["version", "int"],
        ["submittedAt", "timestamp(3)"],
        ["late", "bool"],
        ["approvedValue", "float8"],
        ["approvedAt", "timestamp(3)"],
        ["updatedAt", "timestamp(3)"],
        ["updatedById", "int"],
      ],
      obsRows,
      (done) => done % 20000 < BATCH && log(`  Observation ${done}/${obsRows.length} [${elapsed()}]`),
    );
    await bulkInsert(
      c,
      "ObservationRevision",
      [
        ["observationId", "int"],
        ["version", "int"],
        ["value", "float8"],
        ["state", `"WorkflowState"`],
        ["source", "text"],
        ["explanation", "text"],
        ["comment", "text"],
        ["authorId", "int"],
        ["createdAt", "timestamp(3)"],
      ],
      obsRevRows,
      (done) => done % 50000 < BATCH && log(`  ObservationRevision ${done}/${obsRevRows.length} [${elapsed()}]`),
    );
    await c.query("COMMIT");
    log(`Observation: +${obsRows.length}, ObservationRevision: +${obsRevRows.length} [${elapsed()}]`);

    // -- Task progress: every lead assignment, from the later of 2022 (or fromYear) and the
    //    document's issue quarter, to the last closed quarter.
    const leads = (
      await c.query(`SELECT ta."taskId", ta."agencyId", t.key AS "taskKey", a.code AS "agencyCode", t."deadlineKind", t."dueOn", d."issuedOn"
        FROM "TaskAssignment" ta JOIN "Task" t ON t.id = ta."taskId" JOIN "Document" d ON d.id = t."documentId" JOIN "Agency" a ON a.id = ta."agencyId"
        WHERE ta.role = 'LEAD' AND a."validTo" IS NULL ORDER BY t.key, a.code`)
    ).rows as TaskRow[];
    const existingTp = (await c.query(`SELECT "taskId", "agencyId", year, quarter FROM "TaskProgress"`)).rows as {
      taskId: number;
      agencyId: number;
      year: number;
      quarter: number;
    }[];
    const tpHave = new Set(existingTp.map((p) => `${p.taskId}/${p.agencyId}/${qIndex(p)}`));
    const taskFloor = qIndex({ year: Math.max(TASKS_FROM_YEAR, fromYear), quarter: 1 });

    const tpRows: unknown[][] = [];
    const tpRevRows: unknown[][] = [];
    let tpCount = 0;
    for (const t of leads) {
      const issuedQ = t.issuedOn
        ? qIndex({ year: t.issuedOn.getUTCFullYear(), quarter: Math.floor(t.issuedOn.getUTCMonth() / 3) + 1 })
        : taskFloor;
      const q0 = Math.max(taskFloor, issuedQ);
      if (q0 > lastQ) continue;
      const r = rng(seed, "task", t.taskKey, t.agencyCode);
      const states = taskStates(t, r, q0, lastQ, windowOf);
      tpCount += states.filter((_, i) => !tpHave.has(`${t.taskId}/${t.agencyId}/${q0 + i}`)).length;
    }
    const tpIds = await allocateIds(c, "TaskProgress", tpCount);
    let next = 0;
    for (const t of leads) {
      const issuedQ = t.issuedOn
        ? qIndex({ year: t.issuedOn.getUTCFullYear(), quarter: Math.floor(t.issuedOn.getUTCMonth() / 3) + 1 })
        : taskFloor;
      const q0 = Math.max(taskFloor, issuedQ);
      if (q0 > lastQ) continue;
      const r = rng(seed, "task", t.taskKey, t.agencyCode);
      const states = taskStates(t, r, q0, lastQ, windowOf);
      const reporter = reporterOf.get(t.agencyId) ?? null;
      states.forEach((s, i) => {
        const q = q0 + i;
        if (tpHave.has(`${t.taskId}/${t.agencyId}/${q}`)) return;
        const id = tpIds[next++];
        const { year, quarter } = qOf(q);
        const ri = rng(seed, "task-item", t.taskKey, t.agencyCode, q);
        const returned = nRev >= 2 && ri.chance(RETURN_SHARE);
        const late = ri.chance(LATE_SHARE);
        const nDrafts = returned ? Math.max(0, nRev - 4) : Math.max(0, nRev - 2);
        const tl = timeline(ri, windowOf(q), nowMs, nDrafts, returned, late);
        const achieved = mark(
          s.status === "DONE"
            ? ri.pick(ACHIEVED_DONE)
            : s.status === "NOT_STARTED"
              ? "Chưa triển khai; đang chuẩn bị kế hoạch thực hiện."
              : s.status === "BLOCKED"
                ? `Tạm dừng ở mức ${s.percent}% khối lượng công việc.`
                : (t.deadlineKind === "RECURRING" ? ACHIEVED_RECURRING : ri.pick(ACHIEVED_IN_PROGRESS)).replace(
                    "{p}",
                    String(s.percent),
                  ),
        );
        const obstacles =
          s.status === "BLOCKED"
            ? mark(ri.pick(OBSTACLES))
            : s.status === "IN_PROGRESS" && ri.chance(0.15)
              ? mark(ri.pick(OBSTACLES))
              : null;
        const nextSteps = s.status === "DONE" ? null : mark(ri.pick(NEXT_STEPS));
        const completedOn = s.completedOn != null ? isoDay(s.completedOn) : null;
        type Rev = [
          status: string,
          percent: number,
          achieved: string,
          state: string,
          at: number,
          comment: string | null,
          author: number | null,
        ];
        const revs: Rev[] = [];
        for (let d = 0; d < nDrafts; d++) {
          // Earlier drafts: the work as it stood before the last update of the quarter.
          const last = d === nDrafts - 1;
          const pct = last ? s.percent : Math.max(0, s.percent - ri.int(0, 15));
          const status = last || pct === s.percent ? s.status : s.status === "DONE" ? "IN_PROGRESS" : s.status;
          revs.push([status, pct, achieved, "DRAFT", tl.drafts[d], d === 0 ? "Cập nhật tiến độ quý" : null, reporter]);
        }
        if (returned) {
          revs.push([s.status, s.percent, achieved, "SUBMITTED", tl.submit, null, reporter]);
          revs.push([
            s.status,
            s.percent,
            achieved,
            "RETURNED",
            tl.returnAt!,
            "Đề nghị bổ sung kết quả cụ thể và minh chứng.",
            reviewerId,
          ]);
          revs.push([
            s.status,
            s.percent,
            achieved,
            "SUBMITTED",
            tl.resubmit!,
            "Đã bổ sung thông tin theo ý kiến người duyệt.",
            reporter,
          ]);
        } else if (nRev >= 2) revs.push([s.status, s.percent, achieved, "SUBMITTED", tl.submit, null, reporter]);
        revs.push([s.status, s.percent, achieved, "APPROVED", tl.approve, null, reviewerId]);
        revs.forEach(([status, pct, ach, state, at, comment, author], v) => {
          tpRevRows.push([id, v + 1, status, pct, ach, obstacles, nextSteps, state, comment, author, iso(at)]);
        });
        const submittedAt = tl.resubmit ?? tl.submit;
        tpRows.push([
          id,
          t.taskId,
          t.agencyId,
          year,
          quarter,
          true,
          s.status,
          s.percent,
          achieved,
          obstacles,
          nextSteps,
          completedOn,
          "APPROVED",
          revs.length,
          iso(submittedAt),
          tl.late,
          s.status,
          s.percent,
          iso(tl.approve),
          iso(tl.approve),
          reviewerId,
        ]);
      });
    }
    log(`TaskProgress: ${tpRows.length} to write for ${leads.length} lead assignments [${elapsed()}]`);
    await c.query("BEGIN");
    await bulkInsert(
      c,
      "TaskProgress",
      [
        ["id", "int"],
        ["taskId", "int"],
        ["agencyId", "int"],
        ["year", "int"],
        ["quarter", "int"],
        ["illustrative", "bool"],
        ["status", `"TaskProgressStatus"`],
        ["percentComplete", "int"],
        ["achieved", "text"],
        ["obstacles", "text"],
        ["nextSteps", "text"],
        ["completedOn", "date"],
        ["state", `"WorkflowState"`],
        ["version", "int"],
        ["submittedAt", "timestamp(3)"],
        ["late", "bool"],
        ["approvedStatus", `"TaskProgressStatus"`],
        ["approvedPercent", "int"],
        ["approvedAt", "timestamp(3)"],
        ["updatedAt", "timestamp(3)"],
        ["updatedById", "int"],
      ],
      tpRows,
      (done) => done % 20000 < BATCH && log(`  TaskProgress ${done}/${tpRows.length} [${elapsed()}]`),
    );
    await bulkInsert(
      c,
      "TaskProgressRevision",
      [
        ["taskProgressId", "int"],
        ["version", "int"],
        ["status", `"TaskProgressStatus"`],
        ["percentComplete", "int"],
        ["achieved", "text"],
        ["obstacles", "text"],
        ["nextSteps", "text"],
        ["state", `"WorkflowState"`],
        ["comment", "text"],
        ["authorId", "int"],
        ["createdAt", "timestamp(3)"],
      ],
      tpRevRows,
      (done) => done % 50000 < BATCH && log(`  TaskProgressRevision ${done}/${tpRevRows.length} [${elapsed()}]`),
    );
    await c.query("COMMIT");
    log(`TaskProgress: +${tpRows.length}, TaskProgressRevision: +${tpRevRows.length} [${elapsed()}]`);

    await c.query("ANALYZE");
    log(`ANALYZE done [${elapsed()}]`);

    const agencyIds = new Set<number>([...obsPlans.map((p) => p.agencyId), ...tpRows.map((r) => r[2] as number)]);
    return {
      observations: obsRows.length,
      observationRevisions: obsRevRows.length,
      taskProgress: tpRows.length,
      taskRevisions: tpRevRows.length,
      agencies: agencyIds.size,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
    };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const keep = args.includes("--keep");
  const dataDir = path.join(process.cwd(), ".data", "bench-national");
  const t0 = performance.now();
  console.log(`Fresh embedded database in ${dataDir}…`);
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startEmbedded(dataDir, { log: console.log });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await db.stop();
  };
  try {
    await migrate(db.url);
    await runSeed(db.url);
    console.log(`Migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    const result = await generateNationalHistory(db.url, {
      fromYear: opt("from-year") ? Number(opt("from-year")) : undefined,
      revisionsPerItem: opt("revisions") ? Number(opt("revisions")) : undefined,
      seed: opt("seed") ? Number(opt("seed")) : undefined,
      log: console.log,
    });
    console.table([result]);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const totals = (
      await c.query(`SELECT (SELECT count(*) FROM "Observation")::int AS observations, (SELECT count(*) FROM "ObservationRevision")::int AS "observationRevisions",
        (SELECT count(*) FROM "TaskProgress")::int AS "taskProgress", (SELECT count(*) FROM "TaskProgressRevision")::int AS "taskRevisions",
        (SELECT count(*) FROM "IndicatorAssignment")::int AS "indicatorAssignments", pg_size_pretty(pg_database_size(current_database())) AS size`)
    ).rows[0];
    await c.end();
    console.log("Database totals (seed + generated):");
    console.table([totals]);
    console.log(`Generated in ${result.seconds}s; ${((performance.now() - t0) / 1000).toFixed(1)}s in all.`);
    if (keep) {
      console.log(`DATABASE_URL=${db.url}`);
      console.log("Keeping the database running; Ctrl-C to stop.");
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
    }
  } finally {
    await stop();
    if (keep) console.log("Database stopped.");
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
