// Documents as editors have them: written by LibreOffice Writer (headless soffice) from a
// Vietnamese decision with a task table, as .docx and as PDF, and from a real seed document
// (seeds/documents/002_…, plain text → .docx and PDF), plus a scanned-like PDF (a page that is only
// a picture) and a password-protected one. What extractText reads must be the Vietnamese text
// exactly. CI installs LibreOffice Writer (libreoffice-writer-nogui); there the tests fail if it
// is missing instead of skipping, as tests/integration/excel-programs.test.ts does for Calc.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseWhitespace } from "@/lib/text";
import { splitLines } from "@/modules/documents/lines";
import { extractText } from "./extract";

const run = promisify(execFile);
const required = process.env.CI === "true" || process.env.CI === "1";
const SEED = path.resolve(import.meta.dirname, "../../../../seeds/documents/002_fea93181fd3a4f8b.txt");
let dir: string;
let writer = false;

/** soffice --convert-to with a profile of its own (parallel runs must not share one). */
async function soffice(files: string[], to: string, outDir: string, infilter?: string): Promise<void> {
  await run(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      ...(infilter ? [`--infilter=${infilter}`] : []),
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout: 120_000 },
  );
}

const HTML = "HTML (StarWriter)";
const UTF8_TEXT = "Text (encoded):UTF8,LF,,";

async function extractFile(file: string) {
  expect(existsSync(file), `soffice wrote ${file}`).toBe(true);
  return extractText({ name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
}

// A decision as an editor would type it. One sentence is typed with combining marks (as a
// "Unicode tổ hợp" keyboard writes it): what is read back must be NFC.
const DECISION_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quyết định</title></head><body>
<p>QUYẾT ĐỊNH</p>
<p>Phê duyệt Kế hoạch phát triển kinh tế số</p>
<p>Điều 1. Mục tiêu đến năm 2025: Tỷ trọng kinh tế số đạt 20% GDP; ${"mỗi người dân có danh tính số".normalize("NFD")}.</p>
<p>Mục tiêu cụ thể:</p>
<ol><li>Kinh tế số chiếm 20% GDP.</li><li>Năng suất lao động tăng tối thiểu 7%/năm.</li></ol>
<table border="1">
<tr><td>TT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td></tr>
<tr><td colspan="3">A. PHÁT TRIỂN HẠ TẦNG SỐ</td></tr>
<tr><td>1</td><td>Xây dựng nền tảng tích hợp, chia sẻ dữ liệu quốc gia</td><td>Bộ Khoa học và Công nghệ</td></tr>
<tr><td>2</td><td><p>Hoàn thiện thể chế về dữ liệu.</p><p>Hoàn thành trong Quý I/2025</p></td><td>Bộ Tư pháp</td></tr>
<tr><td>3</td><td>Phát triển hạ tầng số</td><td>Bộ Tài chính</td></tr>
</table>
<p>Điều 2. Quyết định này có hiệu lực kể từ ngày ký.</p>
</body></html>`;

/** A grey-scale PNG of bars laid out like lines of print: a scanned page, to a text reader. */
function scanPng(w = 600, h = 800): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const raw = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0;
    const line = Math.floor(y / 24);
    if (line < 2 || y % 24 < 7 || y % 24 > 17) continue;
    for (let x = 60; x < 540 - ((line * 37) % 200); x++) if (((x >> 3) + line) % 7 !== 0) raw[y * (w + 1) + 1 + x] = 20;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const seedLines = () => splitLines(readFileSync(SEED, "utf8"));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cds-catalogue-text-"));
  const src = path.join(dir, "src");
  mkdirSync(src);
  writeFileSync(path.join(src, "decision.html"), DECISION_HTML);
  writeFileSync(path.join(src, "scan.png"), scanPng());
  writeFileSync(
    path.join(src, "scan.html"),
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p><img src="scan.png" width="600" height="800"></p></body></html>`,
  );
  writeFileSync(path.join(src, "seed002-200.txt"), `${seedLines().slice(0, 200).join("\n")}\n`);
  writeFileSync(path.join(src, "seed002.txt"), readFileSync(SEED));
  try {
    await run("soffice", ["--version"], { timeout: 60_000 });
    // Calc alone (libreoffice-calc-nogui) has soffice but cannot write a .docx: try Writer itself.
    await soffice([path.join(src, "decision.html")], "docx", path.join(dir, "docx"), HTML);
    writer = existsSync(path.join(dir, "docx", "decision.docx"));
  } catch {
    writer = false;
  }
  if (!writer) return;
  await soffice([path.join(src, "decision.html"), path.join(src, "scan.html")], "pdf", path.join(dir, "pdf"), HTML);
  const seeds = [path.join(src, "seed002-200.txt"), path.join(src, "seed002.txt")];
  await soffice(seeds, "docx", path.join(dir, "docx"), UTF8_TEXT);
  await soffice(seeds, "pdf", path.join(dir, "pdf"), UTF8_TEXT);
  await soffice(
    [path.join(dir, "docx", "decision.docx")],
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"mat-khau"}}',
    path.join(dir, "locked"),
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const out = (kind: string, name: string) => path.join(dir, kind, name);

describe("documents written by LibreOffice Writer", () => {
  it("Writer is installed (required in CI)", (ctx) => {
    if (!required && !writer) ctx.skip();
    expect(writer, "soffice with Writer (apt-get install libreoffice-writer-nogui)").toBe(true);
  });

  it(".docx: paragraphs as lines, Word's numbering, and the task table one row per line, cells by tabs", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const r = await extractFile(out("docx", "decision.docx"));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.format).toBe("docx");
    expect(r.text).toBe(r.text.normalize("NFC"));
    expect(r.text.split("\n")).toEqual([
      "QUYẾT ĐỊNH",
      "Phê duyệt Kế hoạch phát triển kinh tế số",
      "Điều 1. Mục tiêu đến năm 2025: Tỷ trọng kinh tế số đạt 20% GDP; mỗi người dân có danh tính số.",
      "Mục tiêu cụ thể:",
      "1.\tKinh tế số chiếm 20% GDP.",
      "2.\tNăng suất lao động tăng tối thiểu 7%/năm.",
      "TT\tNhiệm vụ\tCơ quan chủ trì",
      "A. PHÁT TRIỂN HẠ TẦNG SỐ\t\t",
      "1\tXây dựng nền tảng tích hợp, chia sẻ dữ liệu quốc gia\tBộ Khoa học và Công nghệ",
      "2\tHoàn thiện thể chế về dữ liệu. Hoàn thành trong Quý I/2025\tBộ Tư pháp",
      "3\tPhát triển hạ tầng số\tBộ Tài chính",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
      "",
    ]);
    // What the seed format's task-table check does with such a text (rowStartPattern ^\d+\t).
    expect(r.text.split("\n").filter((l) => /^\d+\t/.test(l))).toHaveLength(3);
    expect(r.warnings).toEqual([{ key: "catalogue.upload.warnings.docxAutoNumbering", params: { count: 2 } }]);
  });

  it("PDF: the same Vietnamese, every sentence and cell in reading order", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const r = await extractFile(out("pdf", "decision.pdf"));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.format).toBe("pdf");
    expect(r.text).toBe(r.text.normalize("NFC"));
    const lines = r.text.split("\n");
    for (const l of ["QUYẾT ĐỊNH", "Mục tiêu cụ thể:", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."])
      expect(lines).toContain(l);
    const flat = normaliseWhitespace(r.text);
    expect(flat).toContain(
      "Điều 1. Mục tiêu đến năm 2025: Tỷ trọng kinh tế số đạt 20% GDP; mỗi người dân có danh tính",
    );
    // The sentence typed with combining marks: LibreOffice draws its last syllable at a position of
    // its own, and PDF.js measures the run before it short (its decomposed letters count zero
    // width), so a space appears inside "số". Every letter is there, composed, in order.
    expect(flat.replace(/ /g, "")).toContain("mỗingườidâncódanhtínhsố.");
    // Cells on one line are separated by a tab; the table's rows come out in order.
    expect(lines, JSON.stringify(lines)).toContain("3\tPhát triển hạ tầng số\tBộ Tài chính");
    // A cell that wraps in the PDF wraps in the text: its row spans two lines, in reading order.
    const row1 = lines.indexOf("1\tXây dựng nền tảng tích hợp, chia sẻ dữ liệu quốc");
    expect(row1, JSON.stringify(lines)).toBeGreaterThan(0);
    expect(lines[row1 + 1]).toBe("gia\tBộ Khoa học và Công nghệ");
    const order = [
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "A. PHÁT TRIỂN HẠ TẦNG SỐ",
      "Bộ Khoa học và Công nghệ",
      "Quý I/2025",
      "Bộ Tư pháp",
      "Bộ Tài chính",
    ];
    const at = order.map((s) => flat.indexOf(s));
    expect(
      at.every((x) => x >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(r.warnings.map((w) => w.key)).toContain("catalogue.upload.warnings.pdfLayout");
  });

  it("a scanned-like PDF (a page that is only a picture) is refused: no text layer", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const file = out("pdf", "scan.pdf");
    expect(readFileSync(file).toString("latin1")).toContain("/Subtype/Image");
    const r = await extractFile(file);
    expect(r).toEqual({ ok: false, error: { key: "catalogue.upload.errors.pdfNoText" } });
  });

  it("a password-protected PDF is refused as such", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const r = await extractFile(out("locked", "decision.pdf"));
    expect(r).toEqual({ ok: false, error: { key: "catalogue.upload.errors.encrypted", params: { format: "PDF" } } });
  });
});

describe("a real seed document through Writer (seeds/documents/002_fea93181fd3a4f8b.txt)", () => {
  it("first 200 lines, .txt → .docx → text: every line identical", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const r = await extractFile(out("docx", "seed002-200.docx"));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const want = seedLines().slice(0, 200);
    const got = splitLines(r.text);
    const same = want.filter((l, i) => got[i] === l).length;
    console.info(`[catalogue-text] 002, first 200 lines via .docx: ${same}/${want.length} identical`);
    expect(got).toEqual(want);
  });

  it("the whole document, task table included (tabs between cells): every line identical", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const r = await extractFile(out("docx", "seed002.docx"));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const want = seedLines();
    const got = splitLines(r.text);
    const same = want.filter((l, i) => got[i] === l).length;
    console.info(`[catalogue-text] 002, whole file via .docx: ${same}/${want.length} identical`);
    expect(got).toEqual(want);
    expect(want.filter((l) => /^\d+\t/.test(l)).length).toBeGreaterThan(50);
  });

  it("via PDF: lines follow the page width, but the text is identical once whitespace collapses (as quotes are matched)", async (ctx) => {
    if (!required && !writer) ctx.skip();
    const r = await extractFile(out("pdf", "seed002-200.pdf"));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const want = seedLines().slice(0, 200);
    const got = new Set(splitLines(r.text));
    const nonEmpty = want.filter((l) => l.trim() !== "");
    const same = nonEmpty.filter((l) => got.has(l)).length;
    console.info(`[catalogue-text] 002, first 200 lines via PDF: ${same}/${nonEmpty.length} non-empty lines identical`);
    expect(normaliseWhitespace(r.text)).toBe(normaliseWhitespace(want.join("\n")));
  });
});
