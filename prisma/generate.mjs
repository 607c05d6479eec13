// Runs `prisma generate` after npm install. The Prisma CLI tries to download its native schema
// engine first, which fails offline; generating the client does not use that engine, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it proceed.
import { spawnSync } from "node:child_process";
import path from "node:path";

const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
const r = spawnSync(bin, ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(r.status ?? 1);
