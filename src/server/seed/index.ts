// Entry point used by `npm run db:seed`, `npm start` and the tests.
import { createPrisma } from "@/server/db";
import { importSeeds, type SeedReport } from "./import";
import { defaultSeedsDir, loadSeeds } from "./load";

export { SeedError } from "./load";

export async function runSeed(
  url: string,
  opts: { dir?: string; withDemo?: boolean; today?: string } = {},
): Promise<SeedReport> {
  // Everything is read and checked before the first write.
  const bundle = loadSeeds(opts.dir ?? defaultSeedsDir(), { withDemo: opts.withDemo });
  const prisma = createPrisma(url, 2);
  try {
    return await importSeeds(prisma, bundle, { today: opts.today });
  } finally {
    await prisma.$disconnect();
  }
}
