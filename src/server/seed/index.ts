// Entry point used by `npm run db:seed`, `npm start` and the tests.
import { createPrisma } from "@/server/db";
import { env } from "@/server/env";
import { importSeeds, type SeedReport } from "./import";
import { defaultSeedsDir, loadSeeds } from "./load";

export { SeedError } from "./load";

export async function runSeed(
  url: string,
  opts: { dir?: string; withDemo?: boolean; demoValues?: boolean; today?: string } = {},
): Promise<SeedReport> {
  // Everything is read and checked before the first write.
  const bundle = loadSeeds(opts.dir ?? defaultSeedsDir(), {
    withDemo: opts.withDemo,
    demoValues: opts.demoValues ?? env.DEMO_DATA !== "0",
  });
  const prisma = createPrisma(url, 2);
  try {
    return await importSeeds(prisma, bundle, { today: opts.today });
  } finally {
    await prisma.$disconnect();
  }
}
