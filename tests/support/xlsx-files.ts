// Workbooks built byte by byte for the Excel import's tests: a small zip writer that can lie about
// sizes, a deflate stream that inflates to any size from about a thousandth of it, and workbooks
// that are hostile in one way each (all generated at test time, nothing committed).
import { constants, crc32 as nodeCrc32, deflateRawSync } from "node:zlib";

export const MB = 1024 * 1024;

type ZipItem = {
  name: string;
  /** Deflated bytes (method 8). */
  compressed: Uint8Array;
  crc: number;
  /** What the headers claim; the truth for honest entries. */
  declaredSize: number;
};

const crcTable = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  if (typeof nodeCrc32 === "function") return nodeCrc32(data) >>> 0;
  let c = 0xffffffff;
  for (const b of data) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An honest entry. */
export function entry(name: string, content: string | Uint8Array): ZipItem {
  const data = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, compressed: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
}

/** A zip of the given entries (method 8), sizes as each entry declares them. */
export function zipOf(items: ZipItem[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const it of items) {
    const name = Buffer.from(it.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(it.crc, 14);
    local.writeUInt32LE(it.compressed.length, 18);
    local.writeUInt32LE(it.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(it.crc, 16);
    dir.writeUInt32LE(it.compressed.length, 20);
    dir.writeUInt32LE(it.declaredSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(it.compressed));
    central.push(dir, name);
    offset += 30 + name.length + it.compressed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dirBytes, end]));
}

/** The entries of an existing zip (e.g. the portal's template), copied without re-compressing. */
export function entriesOf(zip: Uint8Array): ZipItem[] {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: ZipItem[] = [];
  for (let i = 0; i < count; i++) {
    const nameLen = b.readUInt16LE(p + 28);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const local = b.readUInt32LE(p + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    const compressed = method === 8 ? new Uint8Array(data) : deflateRawSync(data);
    out.push({ name, compressed, crc: b.readUInt32LE(p + 16), declaredSize: b.readUInt32LE(p + 24) });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

/**
 * A raw deflate stream of `bytes` zeros (a multiple of 1 MB), about bytes/1000 long: one
 * sync-flushed block of 1 MB of zeros repeated (each copy only refers back to zeros), then an
 * empty final block.
 */
export function zerosDeflate(bytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes / MB; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(parts));
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/><sheet name="Chỉ tiêu" sheetId="2" r:id="rId2"/><sheet name="Nhiệm vụ" sheetId="3" r:id="rId3"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;
const EMPTY_SHEET = `${SHEET_HEAD}${SHEET_TAIL}`;

/** A three-sheet workbook skeleton whose "Chỉ tiêu" sheet is `indicators`. */
function workbookWith(indicators: ZipItem): Uint8Array {
  return zipOf([
    entry("[Content_Types].xml", CONTENT_TYPES),
    entry("_rels/.rels", ROOT_RELS),
    entry("xl/workbook.xml", WORKBOOK),
    entry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    entry("xl/worksheets/sheet1.xml", EMPTY_SHEET),
    { ...indicators, name: "xl/worksheets/sheet2.xml" },
    entry("xl/worksheets/sheet3.xml", EMPTY_SHEET),
  ]);
}

/**
 * About 1 MB whose headers (local and central) claim the "Chỉ tiêu" sheet is 10 KB, while it
 * inflates to `inflated` bytes (1 GB by default): the sheet's XML opening, then zeros.
 */
export function lyingSizesWorkbook(inflated = 1024 * MB): Uint8Array {
  const head = deflateRawSync(Buffer.from(SHEET_HEAD), { finishFlush: constants.Z_SYNC_FLUSH });
  const zeros = zerosDeflate(inflated);
  return workbookWith({
    name: "",
    compressed: new Uint8Array(Buffer.concat([head, zeros])),
    crc: 0,
    declaredSize: 10 * 1024,
  });
}

/** `template` plus an xl/media picture that claims 1 KB and inflates to `inflated` bytes (1 GB). */
export function withHugeMedia(template: Uint8Array, inflated = 1024 * MB): Uint8Array {
  return zipOf([
    ...entriesOf(template),
    { name: "xl/media/image1.png", compressed: zerosDeflate(inflated), crc: 0, declaredSize: 1024 },
  ]);
}

/**
 * An honest workbook whose "Chỉ tiêu" sheet has `rows` rows, a number in column H of each (what a
 * reporter gets by filling a column down to the sheet's end): 700,000 rows make about 3.5 MB.
 */
export function manyRowsWorkbook(rows: number): Uint8Array {
  const parts: string[] = [
    SHEET_HEAD,
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã chỉ tiêu (không sửa)</t></is></c></row>`,
  ];
  for (let r = 2; r <= rows + 1; r++) parts.push(`<row r="${r}"><c r="H${r}"><v>${r % 10}</v></c></row>`);
  parts.push(SHEET_TAIL);
  const xml = Buffer.from(parts.join(""));
  return workbookWith({
    name: "",
    compressed: deflateRawSync(xml, { level: 9 }),
    crc: crc32(xml),
    declaredSize: xml.length,
  });
}
