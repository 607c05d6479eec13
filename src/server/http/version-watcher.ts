// Polls the published-data version (see src/server/public-version.ts). Polling rather than
// LISTEN/NOTIFY: a notification sent while an instance was reconnecting is lost, a counter is not.
// While the database is unreachable the last known version is kept and pages keep being served.
import pg from "pg";
import { READ_PUBLIC_VERSION_SQL } from "@/server/public-version";

export type VersionWatcher = {
  initial: string;
  current: () => string;
  checkNow: () => void;
  stop: () => Promise<void>;
};

export async function watchPublicVersion(
  connectionString: string,
  intervalMs: number,
  onChange: (version: string) => Promise<void>,
  log: (s: string) => void = () => {},
): Promise<VersionWatcher> {
  const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 3000, idleTimeoutMillis: 0 });
  pool.on("error", () => {}); // a dropped idle connection: the next poll reconnects
  const read = async () => (await pool.query<{ v: string }>(READ_PUBLIC_VERSION_SQL)).rows[0].v;
  let current = await read();
  let running: Promise<void> | null = null;
  let again = false;
  let failing = false;

  const check = async () => {
    try {
      const v = await read();
      if (failing) log("database reachable again");
      failing = false;
      if (v !== current) {
        await onChange(v);
        current = v;
      }
    } catch {
      if (!failing) log("cannot read the published-data version; serving cached pages meanwhile");
      failing = true;
    }
  };
  // One check at a time; a request for a check while one runs schedules exactly one more.
  const checkNow = () => {
    if (running) {
      again = true;
      return;
    }
    running = check().finally(() => {
      running = null;
      if (again) {
        again = false;
        checkNow();
      }
    });
  };
  const timer = setInterval(checkNow, intervalMs);
  timer.unref();
  return {
    initial: current,
    current: () => current,
    checkNow,
    stop: async () => {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
