// An in-memory cache of whole public responses, stamped with the published-data version. When
// the version moves every entry is dropped at once; a fill that started under an older version
// is served to its own caller but not kept. Concurrent misses for one key share one fill, so a
// version change under load renders each page once, not once per waiting visitor.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { compressible, HOP_HEADERS, type Encoding } from "./cache-policy";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Fetched = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

export type Entry = {
  etag: string;
  expiresAt: number;
  bytes: number;
  /** Ready-made header objects and bodies per encoding: a hit does no work but a write. */
  variants: Record<Encoding, { headers: Record<string, string | string[] | number>; body: Buffer }>;
};

export class ResponseCache {
  private entries = new Map<string, Entry>(); // insertion order doubles as LRU order
  private inflight = new Map<string, Promise<{ entry: Entry | null; fetched: Fetched }>>();
  private bytes = 0;
  private versionValue = "0";
  stats = { hits: 0, misses: 0, stores: 0, evictions: 0, invalidations: 0 };

  constructor(private readonly maxBytes: number) {}

  get version(): string {
    return this.versionValue;
  }

  /** Drops every entry when the published-data version moves. */
  setVersion(v: string): void {
    if (v === this.versionValue) return;
    this.versionValue = v;
    this.entries.clear();
    this.bytes = 0;
    this.stats.invalidations++;
  }

  get(key: string, now = Date.now()): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    // Most recently used goes to the end.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.stats.hits++;
    return e;
  }

  /**
   * Loads a missing key once however many callers ask at the same time. `ttl` decides whether
   * the response may be kept (null: pass it on to this caller only).
   */
  fill(
    key: string,
    load: () => Promise<Fetched>,
    ttl: (f: Fetched) => number | null,
  ): Promise<{ entry: Entry | null; fetched: Fetched }> {
    const running = this.inflight.get(key);
    if (running) return running;
    this.stats.misses++;
    const startedUnder = this.versionValue;
    const p = (async () => {
      const fetched = await load();
      const seconds = ttl(fetched);
      if (seconds === null) return { entry: null, fetched };
      const entry = await build(fetched, seconds);
      if (this.versionValue === startedUnder && entry.bytes <= this.maxBytes / 4) this.store(key, entry);
      return { entry, fetched };
    })().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  get inflightCount(): number {
    return this.inflight.size;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private store(key: string, e: Entry) {
    this.delete(key);
    this.entries.set(key, e);
    this.bytes += e.bytes;
    this.stats.stores++;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
      this.stats.evictions++;
    }
  }

  private delete(key: string) {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.bytes;
    this.entries.delete(key);
  }
}

async function build(f: Fetched, ttlSeconds: number): Promise<Entry> {
  const etag = `"${createHash("sha1").update(f.body).digest("base64url")}"`;
  const base: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(f.headers)) {
    if (v !== undefined && !HOP_HEADERS.has(k)) base[k] = v;
  }
  const tokens = [...String(base.vary ?? "").split(","), "Accept-Encoding"].map((t) => t.trim()).filter(Boolean);
  const vary = [...new Map(tokens.map((t) => [t.toLowerCase(), t])).values()].join(", ");
  const zip = compressible(f.headers["content-type"]) && f.body.length > 1024;
  // Compressed once per version, not once per request as an on-the-fly compressor would.
  const [gz, br] = zip
    ? await Promise.all([
        gzipAsync(f.body, { level: 9 }),
        brotliAsync(f.body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: f.body.length },
        }),
      ])
    : [null, null];
  const variant = (body: Buffer, enc: Encoding) => ({
    body,
    headers: {
      ...base,
      vary,
      etag,
      "content-length": body.length,
      ...(enc === "identity" ? {} : { "content-encoding": enc }),
      "x-cache": "HIT",
    },
  });
  const variants = {
    identity: variant(f.body, "identity"),
    gzip: gz ? variant(gz, "gzip") : variant(f.body, "identity"),
    br: br ? variant(br, "br") : variant(f.body, "identity"),
  };
  return {
    etag,
    expiresAt: Date.now() + ttlSeconds * 1000,
    bytes: f.body.length + (gz?.length ?? 0) + (br?.length ?? 0),
    variants,
  };
}
