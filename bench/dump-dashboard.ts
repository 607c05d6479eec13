// Saves the reviewer's overview and Hà Nội's agency dashboard at national scale, to look at what
// their HTML is made of:   npx tsx bench/dump-dashboard.ts OUT_DIR
import { writeFileSync } from "node:fs";
import { generateNationalHistory } from "./generate-national";
import { signIn, startPortal } from "./lib";

async function main() {
  const out = process.argv[2] ?? ".data";
  const portal = await startPortal("bench-dump", Number(process.env.BENCH_PORT ?? 3313), (url) =>
    generateNationalHistory(url).then(() => undefined),
  );
  try {
    const cookie = await signIn(portal.base, "reviewer@cds.gov.vn", "Demo@2026cds");
    for (const [name, p] of [
      ["overview", "/vi/dashboard"],
      ["agency", "/vi/dashboard/agencies/T-HA-NOI"],
    ]) {
      const html = await (await fetch(portal.base + p, { headers: { Cookie: cookie } })).text();
      writeFileSync(`${out}/${name}.html`, html);
      console.log(name, html.length);
    }
  } finally {
    await portal.stop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
