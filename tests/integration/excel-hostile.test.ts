// Uploads meant to take the server down, through the real import: a zip whose headers claim small
// sizes but which inflates to 1 GB, a 1 GB picture hidden in a genuine template, 700,000 honest
// rows. Each is refused (or, for the picture, ignored) with a Vietnamese message, quickly, with
// the process's resident memory bounded and its event loop free; and one user cannot run two
// imports at once, on this instance or another.
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
vi.mock("@/server/session", () => import("../support/session-mock"));
import { actAs } from "../support/session-mock";
import { VIETNAMESE } from "../support/hostile";
import { lyingSizesWorkbook, manyRowsWorkbook, MB, withHugeMedia } from "../support/xlsx-files";
import { GET as templateGET } from "@/app/api/reporting/template/route";
import { uploadImportAction } from "@/modules/excel/actions";
import { previewImport } from "@/modules/excel/import";
import { requireUser, type SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { openQuarter } from "../support/periods";

const HANOI = "reporter.hanoi@cds.gov.vn";
const HCM = "reporter.hcm@cds.gov.vn";
const BKHCN = "reporter.bkhcn@cds.gov.vn";
// The quarter open at the instant the tests set the clock to (tests/support/periods.ts).
const PERIOD = openQuarter().key;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const files: Record<"lying" | "rows" | "template", Uint8Array> = {
  lying: new Uint8Array(),
  rows: new Uint8Array(),
  template: new Uint8Array(),
};

async function upload(bytes: Uint8Array, name = "bao-cao.xlsx") {
  const fd = new FormData();
  fd.set("period", PERIOD);
  fd.set("file", new File([Buffer.from(bytes)], name, { type: XLSX }));
  return uploadImportAction(null, fd);
}

/** Runs `fn` while sampling resident memory every 5 ms and the event loop's delay. */
async function measured<T>(fn: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  try {
    const result = await fn();
    return {
      result,
      ms: performance.now() - started,
      rssGrowthMb: (Math.max(peak, process.memoryUsage().rss) - before) / MB,
      maxLoopDelayMs: loop.max / 1e6,
    };
  } finally {
    loop.disable();
    clearInterval(sampler);
  }
}

async function userOf(email: string): Promise<SessionUser> {
  await actAs(email);
  return requireUser();
}

beforeAll(async () => {
  files.lying = lyingSizesWorkbook();
  files.rows = manyRowsWorkbook(700_000);
  await actAs(HANOI);
  files.template = new Uint8Array(
    await (await templateGET(new Request(`http://localhost/api/reporting/template?period=${PERIOD}`))).arrayBuffer(),
  );
  // Warm up the reader (its worker code is bundled on first use) so timings are the upload's own.
  await upload(files.template);
}, 120_000);

describe("hostile workbooks", () => {
  it("a 1 MB zip claiming 10 KB that inflates to 1 GB: refused in Vietnamese, resident memory +<100 MB, nothing stored", async () => {
    expect(files.lying.length).toBeGreaterThan(MB);
    expect(files.lying.length).toBeLessThan(1.2 * MB);
    await actAs(HANOI);
    const batches = await db.importBatch.count();
    const m = await measured(() => upload(files.lying));
    console.info(
      `[excel-hostile] lying sizes (1 GB): refused in ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(1)} MB, max event-loop delay ${m.maxLoopDelayMs.toFixed(1)} ms`,
    );
    expect(m.result.ok).toBe(false);
    expect(m.result.fieldErrors?.file?.[0]).toMatch(/quá lớn sau khi giải nén/);
    expect(m.result.fieldErrors?.file?.[0]).toMatch(VIETNAMESE);
    expect(m.rssGrowthMb).toBeLessThan(100);
    expect(m.maxLoopDelayMs).toBeLessThan(200);
    expect(m.ms).toBeLessThan(5_000);
    expect(await db.importBatch.count()).toBe(batches);
  });

  it("three such files at once (three users): all refused, resident memory +<100 MB", async () => {
    const users: SessionUser[] = [];
    for (const email of [HANOI, HCM, BKHCN]) users.push(await userOf(email));
    expect(new Set(users.map((u) => u.id)).size).toBe(3);
    const m = await measured(() =>
      Promise.allSettled(
        users.map((u) =>
          previewImport(u, {
            year: openQuarter().year,
            quarter: openQuarter().quarter,
            fileName: "bom.xlsx",
            bytes: files.lying,
          }),
        ),
      ),
    );
    console.info(
      `[excel-hostile] 3 × lying sizes at once: ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(1)} MB, max event-loop delay ${m.maxLoopDelayMs.toFixed(1)} ms`,
    );
    for (const r of m.result) {
      expect(r.status).toBe("rejected");
      expect(String((r as PromiseRejectedResult).reason?.message)).toMatch(/quá lớn sau khi giải nén/);
    }
    expect(m.rssGrowthMb).toBeLessThan(100);
  });

  it("a genuine template carrying a picture that inflates to 1 GB: the picture is never read, the file imports", async () => {
    await actAs(HANOI);
    const file = withHugeMedia(files.template);
    const m = await measured(() => upload(file));
    console.info(`[excel-hostile] template + 1 GB picture: ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(1)} MB`);
    expect(m.result.ok, m.result.message).toBe(true);
    expect(m.result.data!.errorCount).toBe(0);
    expect(m.rssGrowthMb).toBeLessThan(100);
    expect(m.ms).toBeLessThan(3_000);
  });

  it("700,000 honest rows (3.5 MB): refused in Vietnamese at the row limit, quickly, the event loop free", async () => {
    expect(files.rows.length).toBeGreaterThan(3 * MB);
    expect(files.rows.length).toBeLessThan(5 * MB);
    await actAs(HANOI);
    const m = await measured(() => upload(files.rows));
    console.info(
      `[excel-hostile] 700,000 rows: refused in ${m.ms.toFixed(0)} ms, RSS +${m.rssGrowthMb.toFixed(1)} MB, max event-loop delay ${m.maxLoopDelayMs.toFixed(1)} ms`,
    );
    expect(m.result.ok).toBe(false);
    expect(m.result.fieldErrors?.file?.[0]).toMatch(/Trang “Chỉ tiêu” có quá nhiều dòng \(hơn 2\.000\)/);
    expect(m.ms).toBeLessThan(3_000);
    expect(m.maxLoopDelayMs).toBeLessThan(200);
    expect(m.rssGrowthMb).toBeLessThan(100);
  });
});

describe("one import at a time per user", () => {
  it("a second upload by the same user while the first is being read is refused in Vietnamese; another user's is not", async () => {
    const hanoi = await userOf(HANOI);
    const hcm = await userOf(HCM);
    const preview = (u: SessionUser, bytes: Uint8Array) =>
      previewImport(u, { year: openQuarter().year, quarter: openQuarter().quarter, fileName: "bao-cao.xlsx", bytes });
    const [first, second, other] = await Promise.allSettled([
      preview(hanoi, files.lying),
      preview(hanoi, files.template),
      preview(hcm, files.template),
    ]);
    expect(first.status).toBe("rejected");
    expect(String((first as PromiseRejectedResult).reason.message)).toMatch(/quá lớn sau khi giải nén/);
    expect(second.status).toBe("rejected");
    expect(String((second as PromiseRejectedResult).reason.message)).toMatch(/đang có một tệp khác đang được kiểm tra/);
    expect(other.status).toBe("fulfilled");
    // Once the first is done, the same user may upload again.
    expect((await preview(hanoi, files.template)).errorCount).toBe(0);
  });

  it("holds across instances: the lock is PostgreSQL's, keyed on the user", async () => {
    const hanoi = await userOf(HANOI);
    const other = new pg.Client({ connectionString: inject("databaseUrl") });
    await other.connect();
    try {
      // Another instance reading an upload of this user holds the same advisory lock.
      await other.query("BEGIN");
      const got = await other.query("SELECT pg_try_advisory_xact_lock($1::int4, $2::int4) AS locked", [
        0x584c5331,
        hanoi.id,
      ]);
      expect(got.rows[0].locked).toBe(true);
      await expect(
        previewImport(hanoi, {
          year: openQuarter().year,
          quarter: openQuarter().quarter,
          fileName: "bao-cao.xlsx",
          bytes: files.template,
        }),
      ).rejects.toThrow(/đang có một tệp khác/);
      await other.query("COMMIT");
      expect(
        (
          await previewImport(hanoi, {
            year: openQuarter().year,
            quarter: openQuarter().quarter,
            fileName: "bao-cao.xlsx",
            bytes: files.template,
          })
        ).errorCount,
      ).toBe(0);
    } finally {
      await other.end();
    }
  });
});
