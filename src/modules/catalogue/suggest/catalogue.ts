// Reads the catalogue the suggester matches against: seeds/data/indicators.json and agencies.json,
// plus the indicators, agencies and groups a document file defines for itself. The one place the
// suggester touches files.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { agenciesFileSchema, documentFileSchema, indicatorsFileSchema } from "@/server/seed/schema";
import type { SuggestCatalogue } from "./types";

export function loadCatalogue(seedsDir: string): SuggestCatalogue {
  const data = path.join(seedsDir, "data");
  const read = (f: string) => JSON.parse(readFileSync(path.join(data, f), "utf8")) as unknown;
  const indicators = indicatorsFileSchema.parse(read("indicators.json")).indicators;
  const { agencies, groups, events } = agenciesFileSchema.parse(read("agencies.json"));
  for (const f of readdirSync(data).filter((x) => /^doc-.*\.json$/.test(x))) {
    const doc = documentFileSchema.safeParse(read(f));
    if (!doc.success) continue;
    const add = <T extends { code: string }>(into: T[], from: T[]) => {
      for (const x of from) if (!into.some((y) => y.code === x.code)) into.push(x);
    };
    add(indicators, doc.data.indicators);
    add(agencies, doc.data.agencies);
    add(groups, doc.data.groups);
  }
  return { indicators, agencies, groups, events };
}
