// npm run catalogue:suggest -- FILE [--key KEY] [--as-of YYYY-MM-DD] [--names-as-printed]
// Proposes a seed file (seeds/FORMAT.md) for a Vietnamese decision's text: only the JSON goes to
// stdout, so it can be redirected into seeds/data/; a summary and the schema check go to stderr.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadCatalogue } from "@/modules/catalogue/suggest/catalogue";
import { suggest } from "@/modules/catalogue/suggest/suggest";
import { defaultSeedsDir } from "@/server/seed/load";
import { documentFileSchema } from "@/server/seed/schema";

const usage =
  "usage: npm run catalogue:suggest -- FILE [--key KEY] [--as-of YYYY-MM-DD] [--names-as-printed]\n" +
  "  --key KEY            the document's key (default: from its number and year)\n" +
  "  --as-of DAY          follow the agency registry's mergers up to this day (default: all)\n" +
  "  --names-as-printed   keep agencies as the document names them (no successors)";

function main(argv: string[]): number {
  let file: string | null = null;
  let key: string | undefined;
  let asOf: string | undefined;
  let successors = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--key") key = argv[++i];
    else if (a === "--as-of") asOf = argv[++i];
    else if (a === "--names-as-printed") successors = false;
    else if (a === "--help" || a === "-h") {
      console.error(usage);
      return 0;
    } else if (!a.startsWith("--") && !file) file = a;
    else {
      console.error(`unknown argument: ${a}\n${usage}`);
      return 2;
    }
  }
  if (!file) {
    console.error(usage);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    console.error(`--as-of wants a day as YYYY-MM-DD, not ${asOf}`);
    return 2;
  }
  const catalogue = loadCatalogue(defaultSeedsDir());
  const text = readFileSync(file, "utf8");
  const result = suggest(text, catalogue, { key, asOf, successors, sourceFile: path.basename(file) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

  const check = documentFileSchema.safeParse(result);
  console.error(
    `${result.document.key}: ${result.targets.length} targets (${result.indicators.length} new indicators), ` +
      `${result.taskTable?.tasks.length ?? 0} tasks under ${result.taskTable?.headings.length ?? 0} headings, ` +
      `${result.warnings.length} warnings to review`,
  );
  if (!check.success) {
    console.error("The proposal does not pass the seed schema:");
    for (const issue of check.error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
    return 1;
  }
  console.error("The proposal passes the seed schema; complete the placeholders (TODO) before importing it.");
  return 0;
}

process.exitCode = main(process.argv.slice(2));
