// Hostile Excel uploads against a running portal, as a browser sends them, while public readers load
// the home page:
//   npx tsx bench/excel-import.ts     (SECONDS=8 READERS=4 BENCH_PORT=3317)
// Starts its own portal (`npm start`: production build, front server) on a fresh embedded database,
// signs reporters in, and posts files to the import's server action (the same multipart request
// the page's upload form sends, `Next-Action` header and all). Phases of SECONDS each, in one run:
//   1. baseline   — READERS clients loading /vi, nothing else;
//   2. lying      — the same readers while one reporter uploads, again and again, a 1 MB workbook
//                   whose zip headers claim 10 KB and which inflates to 1 GB;
//   3. lying × 3  — three reporters doing that at once;
//   4. rows       — one reporter uploading 700,000 honest rows (3.5 MB).
// Prints, per phase, the uploads (count, time to refusal p50/max, whether each was refused with
// the expected Vietnamese message), the server's resident memory (VmRSS of the process listening
// on the port: before the phase and its peak, sampled every 20 ms) and /vi latency p50/p95/max
// with the ratio to the baseline. Exits 1 if an upload was not refused as expected, resident
// memory grew by 100 MB or more while inflating files were uploaded, or /vi's p95 passed 200 ms
// during an upload.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { lyingSizesWorkbook, manyRowsWorkbook } from "../tests/support/xlsx-files";
import { percentile, request, signIn, startPortal } from "./lib";

const PORT = Number(process.env.BENCH_PORT ?? 3317);
const SECONDS = Number(process.env.SECONDS ?? 8);
const READERS = Number(process.env.READERS ?? 4);
const DEMO_PASSWORD = "Demo@2026cds";
const PERIOD = "2026-Q3";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The pid of the process listening on `port` (the server itself, not tsx's wrapper). */
function serverPid(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      }
    } catch {
      /* gone, or not ours */
    }
  }
  throw new Error(`no process listens on :${port}`);
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

/** The server action's id, from the build's manifest (as the page's client code has it). */
function actionId(name: string): string {
  const m = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const id = Object.entries(m.node).find(
    ([, v]) => v.exportedName === name && v.filename?.endsWith("excel/actions.ts"),
  )?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

type Upload = { ms: number; status: number; body: string };

/** Posts a file to uploadImportAction as React's form action does: (prevState, FormData). */
async function upload(base: string, id: string, cookie: string, bytes: Uint8Array, name: string): Promise<Upload> {
  const fd = new FormData();
  fd.set("_1_period", PERIOD);
  fd.set("_1_file", new File([Buffer.from(bytes)], name, { type: XLSX }));
  fd.set("0", JSON.stringify([null, "$K1"]));
  const t = performance.now();
  const res = await fetch(`${base}/vi/reporting/import?period=${PERIOD}`, {
    method: "POST",
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: base, Cookie: cookie },
    body: fd,
    signal: AbortSignal.timeout(60_000),
  });
  const body = await res.text();
  return { ms: performance.now() - t, status: res.status, body };
}

async function phase(
  label: string,
  base: string,
  pid: number,
  uploaders: { run: () => Promise<Upload>; expect: RegExp }[],
): Promise<{ label: string; uploads: Upload[]; refusedOk: number; rssBefore: number; rssPeak: number; vi: number[] }> {
  const until = performance.now() + SECONDS * 1000;
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, rssMb(pid));
    } catch {
      /* the server is gone: the run will report it */
    }
  }, 20);
  const vi: number[] = [];
  const uploads: Upload[] = [];
  let refusedOk = 0;
  let busy = uploaders.length > 0;
  const readers = Array.from({ length: READERS }, async () => {
    while (performance.now() < until || busy) {
      const r = await request("vi", `${base}/vi`);
      if (r.status !== 200) throw new Error(`/vi answered ${r.status}`);
      vi.push(r.ms);
      if (performance.now() >= until && !busy) break;
    }
  });
  const senders = uploaders.map(async (u) => {
    while (performance.now() < until) {
      const r = await u.run();
      uploads.push(r);
      if (r.status === 200 && u.expect.test(r.body)) refusedOk++;
      else console.error(`  unexpected answer (${r.status}): ${r.body.slice(0, 300)}`);
    }
  });
  await Promise.all(senders);
  busy = false;
  await Promise.all(readers);
  clearInterval(sampler);
  return { label, uploads, refusedOk, rssBefore, rssPeak, vi };
}

async function main() {
  console.log("Building hostile files…");
  const lying = lyingSizesWorkbook();
  const rows = manyRowsWorkbook(700_000);
  console.log(
    `  lying sizes: ${(lying.length / 1024 / 1024).toFixed(2)} MB (inflates to 1 GB, claims 10 KB); 700,000 rows: ${(rows.length / 1024 / 1024).toFixed(2)} MB`,
  );
  console.log(`Starting an isolated portal on :${PORT} (fresh embedded database, build if needed)…`);
  const portal = await startPortal("bench-excel", PORT);
  let failed = false;
  try {
    const base = portal.base;
    const pid = serverPid(PORT);
    const id = actionId("uploadImportAction");
    const cookies = [
      await signIn(base, "reporter.hanoi@cds.gov.vn", DEMO_PASSWORD),
      await signIn(base, "reporter.hcm@cds.gov.vn", DEMO_PASSWORD),
      await signIn(base, "reporter.bkhcn@cds.gov.vn", DEMO_PASSWORD),
    ];
    // Warm-up: the page, its action module, the reader's worker code (bundled on first use).
    for (let i = 0; i < 300; i++) await request("warm-up", `${base}/vi`);
    await request("warm-up", `${base}/vi/reporting/import`, { headers: { Cookie: cookies[0] } });
    const tpl = await fetch(`${base}/api/reporting/template?period=${PERIOD}`, { headers: { Cookie: cookies[0] } });
    if (tpl.status !== 200) throw new Error(`template answered ${tpl.status}`);
    const warm = await upload(base, id, cookies[0], new Uint8Array(await tpl.arrayBuffer()), "mau.xlsx");
    if (!/Đã kiểm tra tệp/.test(warm.body))
      throw new Error(`the template's own upload failed: ${warm.body.slice(0, 300)}`);
    console.log(
      `Server pid ${pid}, RSS ${rssMb(pid).toFixed(0)} MB after warm-up. ${SECONDS} s per phase, ${READERS} readers of /vi.\n`,
    );

    const TOO_BIG = /quá lớn sau khi giải nén/;
    const TOO_MANY = /có quá nhiều dòng \(hơn 2\.000\)/;
    const results = [
      await phase("baseline (no upload)", base, pid, []),
      await phase("1 GB behind lying sizes, 1 uploader", base, pid, [
        { run: () => upload(base, id, cookies[0], lying, "bom.xlsx"), expect: TOO_BIG },
      ]),
      await phase(
        "1 GB behind lying sizes, 3 uploaders",
        base,
        pid,
        cookies.map((c) => ({ run: () => upload(base, id, c, lying, "bom.xlsx"), expect: TOO_BIG })),
      ),
      await phase("700,000 rows, 1 uploader", base, pid, [
        { run: () => upload(base, id, cookies[0], rows, "700k-dong.xlsx"), expect: TOO_MANY },
      ]),
    ];

    const baseline = [...results[0].vi].sort((a, b) => a - b);
    const b50 = percentile(baseline, 50);
    const b95 = percentile(baseline, 95);
    const table = results.map((r) => {
      const vi = [...r.vi].sort((a, b) => a - b);
      const up = r.uploads.map((u) => u.ms).sort((a, b) => a - b);
      return {
        phase: r.label,
        uploads: r.uploads.length,
        "refused as expected": r.uploads.length ? `${r.refusedOk}/${r.uploads.length}` : "-",
        "upload p50 ms": up.length ? +percentile(up, 50).toFixed(0) : "-",
        "upload max ms": up.length ? +up[up.length - 1].toFixed(0) : "-",
        "RSS before MB": +r.rssBefore.toFixed(0),
        "RSS peak +MB": +(r.rssPeak - r.rssBefore).toFixed(1),
        "/vi req/s": +(vi.length / SECONDS).toFixed(0),
        "/vi p50 ms": +percentile(vi, 50).toFixed(1),
        "/vi p95 ms": +percentile(vi, 95).toFixed(1),
        "/vi max ms": +vi[vi.length - 1].toFixed(1),
        "p50 ×base": +(percentile(vi, 50) / b50).toFixed(2),
        "p95 ×base": +(percentile(vi, 95) / b95).toFixed(2),
      };
    });
    console.table(table);
    for (const [i, r] of results.entries()) {
      if (i === 0) continue;
      const vi = [...r.vi].sort((a, b) => a - b);
      const fail = (why: string) => {
        failed = true;
        console.error(`FAIL ${r.label}: ${why}`);
      };
      if (r.refusedOk !== r.uploads.length || r.uploads.length === 0) fail("not every upload was refused as expected");
      // The bound is for the inflating file; back-to-back 3.5 MB uploads are reported only
      // (what grows then is request bodies awaiting garbage collection, not the reader).
      if (r.label.includes("lying") && r.rssPeak - r.rssBefore >= 100)
        fail(`resident memory grew by ${(r.rssPeak - r.rssBefore).toFixed(0)} MB`);
      if (percentile(vi, 95) >= 200) fail(`/vi p95 ${percentile(vi, 95).toFixed(0)} ms`);
    }
  } finally {
    await portal.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
