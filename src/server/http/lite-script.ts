// Builds the script lite pages load (src/lib/enhance/entry.ts) once, in memory, when the server
// starts: esbuild is already installed (tsx runs on it), and no build step or committed bundle
// can drift from the source.
import { createHash } from "node:crypto";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { build } from "esbuild";

export type LiteScript = { path: string; body: Buffer; gzip: Buffer; br: Buffer };

export async function buildLiteScript(root = process.cwd()): Promise<LiteScript> {
  const out = await build({
    entryPoints: [path.join(root, "src/lib/enhance/entry.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  const body = Buffer.from(out.outputFiles[0].contents);
  const hash = createHash("sha1").update(body).digest("base64url").slice(0, 12);
  return { path: `/_cds/enhance-${hash}.js`, body, gzip: gzipSync(body, { level: 9 }), br: brotliCompressSync(body) };
}
