// A small zip reader over an uploaded workbook's bytes. It reads the central directory itself and
// inflates one entry at a time with a running count of the bytes actually produced: the sizes a zip
// declares about itself are never trusted (a 1 MB file declaring 10 KB inflated to 1 GB through
// exceljs). Only the entries the caller asks for are ever inflated; pictures, comments, drawings
// and anything else cost nothing however large they claim or are.
import { createInflateRaw } from "node:zlib";

export class ZipError extends Error {
  constructor(
    readonly code: "NOT_ZIP" | "TOO_BIG",
    message = code,
  ) {
    super(message);
  }
}

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** What the zip claims; used only to refuse early, never to size anything. */
  declaredSize: number;
  localOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of the central directory; throws ZipError("NOT_ZIP") for anything malformed. */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("NOT_ZIP");
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || count > maxEntries || dirOffset + dirSize > bytes.length)
    throw new ZipError("NOT_ZIP");
  const names = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipError("NOT_ZIP");
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen > bytes.length) throw new ZipError("NOT_ZIP");
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      declaredSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header; bounds-checked. */
export function rawData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL) throw new ZipError("NOT_ZIP");
  // Encrypted entries (bit 0) and ZIP64 sizes are never part of a workbook this portal accepts.
  if (e.flags & 1 || e.compressedSize === 0xffffffff) throw new ZipError("NOT_ZIP");
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipError("NOT_ZIP");
  return bytes.subarray(start, end);
}

export type Budget = { remaining: number };

/**
 * Inflates one entry chunk by chunk, handing each chunk to `onChunk`, and counting what comes out
 * against `budget` (shared by every entry of one file): past it, inflation stops at once with
 * ZipError("TOO_BIG"), whatever the zip declared. `onChunk` returns false to stop early (the rest
 * of the entry is never inflated).
 */
export async function inflateEntry(
  bytes: Uint8Array,
  e: ZipEntry,
  budget: Budget,
  onChunk: (chunk: Buffer) => boolean | void,
): Promise<void> {
  const data = rawData(bytes, e);
  if (e.method === 0) {
    if (data.length > budget.remaining) throw new ZipError("TOO_BIG");
    budget.remaining -= data.length;
    onChunk(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return;
  }
  if (e.method !== 8) throw new ZipError("NOT_ZIP");
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  let fromCaller: { error: unknown } | null = null;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) throw new ZipError("TOO_BIG");
      let more: boolean | void;
      try {
        more = onChunk(chunk);
      } catch (error) {
        fromCaller = { error };
        break;
      }
      if (more === false) break;
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    // A truncated or corrupt deflate stream.
    throw new ZipError("NOT_ZIP");
  } finally {
    inflater.destroy();
  }
  if (fromCaller) throw fromCaller.error;
}

/** Inflates a small entry (workbook, relationships, styles) whole, as text, within `budget` and `max`. */
export async function entryText(bytes: Uint8Array, e: ZipEntry, budget: Budget, max: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  await inflateEntry(bytes, e, budget, (chunk) => {
    size += chunk.length;
    if (size > max) throw new ZipError("TOO_BIG");
    parts.push(chunk);
  });
  return new TextDecoder("utf-8").decode(Buffer.concat(parts));
}
