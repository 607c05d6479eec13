// Times each query behind the dashboard, memoised and not, against the national-scale history.
//   npx tsx --conditions=react-server bench/profile-dashboard.ts
import { rmSync } from "node:fs";
import path from "node:path";
import { startEmbedded } from "../src/server/db/embedded";
import { migrate } from "../src/server/db/migrate";
import { runSeed } from "../src/server/seed";
import { generateNationalHistory } from "./generate-national";
import { percentile } from "./lib";

async function main() {
  const dir = path.join(process.cwd(), ".data", "bench-profile");
  rmSync(dir, { recursive: true, force: true });
  const db = await startEmbedded(dir);
  try {
    await migrate(db.url);
    await runSeed(db.url);
    await generateNationalHistory(db.url);
    (await import("../src/server/database-url")).useDatabaseUrl(db.url);
    const s = await import("../src/modules/statuses/queries");
    const q = await import("../src/modules/dashboards/queries");
    const ind = await import("../src/modules/indicators/queries");
    const hanoi = 0;
    const all = await s.targetStatuses(null);
    const ids = [...new Set(all.slice(0, 50).map((t) => t.indicatorId))];
    const cases: [string, () => Promise<unknown>][] = [
      ["listTargets national (memo)", () => s.listTargets({ asOf: null })],
      ["listTargets agency (memo)", () => s.listTargets({ asOf: null, agencyId: 20 })],
      ["overviewLookups", () => q.overviewLookups()],
      ["completenessGrid all", () => q.completenessGrid({})],
      ["completenessGrid one", () => q.completenessGrid({ agencyId: 20 })],
      ["taskStatuses (memo)", () => q.taskStatuses()],
      ["latestApprovedNational 50", () => ind.latestApprovedNational(ids)],
      ["computeStatuses (no memo)", () => s.computeStatuses(new Date())],
      ["loadTaskStatuses (no memo)", () => q.loadTaskStatuses(new Date())],
    ];
    void hanoi;
    for (const [name, fn] of cases) {
      const t: number[] = [];
      for (let i = 0; i < 8; i++) {
        const a = performance.now();
        await fn();
        t.push(performance.now() - a);
      }
      t.sort((a, b) => a - b);
      console.log(`${name}: p50 ${percentile(t, 50).toFixed(1)} ms, max ${t[t.length - 1].toFixed(1)} ms`);
    }
    console.log("DB URL (kept running for 10 min):", db.url);
    if (process.env.KEEP) await new Promise((r) => setTimeout(r, 600_000));
  } finally {
    await db.stop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
