// npm run seed:check — validates seeds/ without a database and prints task rows per heading.
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultSeedsDir, loadSeeds, SeedError } from "@/server/seed/load";
import { rowsPerHeading } from "@/server/seed/verify";

try {
  const b = loadSeeds(defaultSeedsDir());
  let bad = 0;
  for (const d of b.documents) {
    const text = readFileSync(path.join(defaultSeedsDir(), "documents", d.document.sourceFile), "utf8");
    console.log(
      `${d.document.key}: ${d.targets.length} targets, ${d.commitments.length} commitments, ${d.taskTable?.tasks.length ?? 0} tasks`,
    );
    for (const h of rowsPerHeading(d, text)) {
      const ok = h.inDocument === h.inSeed;
      if (!ok) bad++;
      console.log(
        `  ${ok ? "ok " : "BAD"} ${h.heading.padEnd(8)} line ${String(h.line).padEnd(5)} document ${h.inDocument}, seed ${h.inSeed}`,
      );
    }
  }
  console.log(bad ? `${bad} heading(s) disagree` : "All seed files are valid and every heading's row count matches.");
  process.exit(bad ? 1 : 0);
} catch (e) {
  console.error(e instanceof SeedError ? e.message : e);
  process.exit(1);
}
