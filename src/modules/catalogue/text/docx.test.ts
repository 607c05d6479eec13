import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  bombDocx,
  docx,
  documentXml,
  longTextDocx,
  MB,
  odtLike,
  p,
  tbl,
  tc,
  tr,
  xlsxLike,
} from "./fixtures/docx-files";
import { formatNumber, readDocx } from "./docx";
import { extractText } from "./extract";
import { DEFAULT_LIMITS } from "./limits";
import { TextError } from "./result";

const read = async (body: string, parts?: { numbering?: string; styles?: string }) =>
  (await readDocx(docx(body, parts), DEFAULT_LIMITS)).text;

async function refusal(bytes: Uint8Array, limits = DEFAULT_LIMITS) {
  try {
    await readDocx(bytes, limits);
    return null;
  } catch (err) {
    if (err instanceof TextError) return { code: err.code, params: err.params };
    throw err;
  }
}

describe("docx paragraphs", () => {
  it("gives one line per paragraph, keeping spaces, tabs, empty paragraphs and line breaks", async () => {
    const text = await read(
      p("QUYẾT ĐỊNH") +
        `<w:p/>` +
        `<w:p><w:r><w:t xml:space="preserve">  Điều 1. </w:t></w:r><w:r><w:tab/><w:t>Tỷ trọng</w:t><w:br/><w:t>kinh tế số</w:t></w:r></w:p>`,
    );
    expect(text).toBe("QUYẾT ĐỊNH\n\n  Điều 1. \tTỷ trọng\nkinh tế số\n");
  });

  it("joins runs split by formatting, and reads entities and non-breaking hyphens as Word shows them", async () => {
    const text = await read(
      `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bộ Khoa </w:t></w:r><w:r><w:t>học &amp; Công nghệ &lt;BKHCN&gt;</w:t></w:r><w:r><w:t>2021</w:t><w:noBreakHyphen/><w:t>2025</w:t></w:r></w:p>`,
    );
    expect(text).toBe("Bộ Khoa học & Công nghệ <BKHCN>2021-2025\n");
  });

  it("reads changes as accepted: inserted text kept, deleted and moved-away text left out", async () => {
    const text = await read(
      `<w:p><w:r><w:t>đạt </w:t></w:r><w:del w:id="1"><w:r><w:delText>15%</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>20%</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t> GDP cũ</w:t></w:r></w:moveFrom><w:r><w:t> GDP</w:t></w:r></w:p>` +
        // A deleted paragraph mark: the paragraph runs on into the next one.
        `<w:p><w:pPr><w:rPr><w:del w:id="4"/></w:rPr></w:pPr><w:r><w:t>Quý I/</w:t></w:r></w:p>${p("2025")}`,
    );
    expect(text).toBe("đạt 20% GDP\nQuý I/2025\n");
    const r = await readDocx(
      docx(p("x") + `<w:p><w:ins w:id="1"><w:r><w:t>y</w:t></w:r></w:ins></w:p>`),
      DEFAULT_LIMITS,
    );
    expect(r.warnings.map((w) => w.key)).toContain("catalogue.upload.warnings.docxTrackedChanges");
  });

  it("leaves out hidden text, field codes and the fallback copy of a text box", async () => {
    const text = await read(
      `<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:t>Hiện</w:t></w:r>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p("Hộp chữ")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${p("Hộp chữ")}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    );
    expect(text).toBe("Hộp chữ\nHiện 3\n");
  });
});

describe("docx tables", () => {
  it("gives one line per row with cells separated by tabs, as the seed documents 001 and 002 flatten theirs", async () => {
    const text = await read(
      p("Phụ lục") +
        tbl(
          tr(tc("TT"), tc("Nhiệm vụ"), tc("Cơ quan chủ trì")),
          tr(tc("A. PHÁT TRIỂN HẠ TẦNG SỐ", `<w:gridSpan w:val="3"/>`)),
          tr(tc("1"), tc(["Xây dựng nền tảng", "dữ liệu quốc gia"]), tc("Bộ Khoa học và Công nghệ")),
          tr(
            tc("2"),
            tc(`<w:p><w:r><w:t>Quý I/2025</w:t><w:tab/><w:t>và</w:t><w:br/><w:t>Quý II</w:t></w:r></w:p>`),
            tc(""),
          ),
        ) +
        p("Hết."),
    );
    expect(text.split("\n")).toEqual([
      "Phụ lục",
      "TT\tNhiệm vụ\tCơ quan chủ trì",
      // A merged cell is followed by the empty cells it covers: every row has the table's width.
      "A. PHÁT TRIỂN HẠ TẦNG SỐ\t\t",
      // A cell's paragraphs, tabs and line breaks become spaces: the row stays one line.
      "1\tXây dựng nền tảng dữ liệu quốc gia\tBộ Khoa học và Công nghệ",
      "2\tQuý I/2025 và Quý II\t",
      "Hết.",
      "",
    ]);
    expect(text.split("\n").filter((l) => /^\d+\t/.test(l))).toHaveLength(2);
  });

  it("pads rows that skip grid columns, and reads a table inside a cell as part of that cell", async () => {
    const text = await read(
      tbl(
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("b")}${tc("c")}</w:tr>`,
        tr(tc("1"), tc([tbl(tr(tc("x"), tc("y")), tr(tc("z"), tc("w")))]), tc("BKHCN")),
      ),
    );
    expect(text).toBe("\tb\tc\n1\tx y z w\tBKHCN\n");
  });
});

const LEVELS = `
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>`;
const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

describe("docx automatic numbering", () => {
  it("writes the numbers Word shows: levels, restarts, formats, separators", async () => {
    const text = await read(
      p("MỤC TIÊU", num(1)) +
        p("Kinh tế số", num(1, 1)) +
        p("thứ nhất", num(1, 2)) +
        p("thứ hai", num(1, 2)) +
        p("Xã hội số", num(1, 1)) +
        p("thứ nhất", num(1, 2)) +
        p("GIẢI PHÁP", num(1)) +
        p("Chính phủ số", num(1, 1)) +
        p("gạch đầu dòng", num(4)) +
        p("Phê duyệt", `<w:pStyle w:val="Dieu"/>`) +
        p("Hiệu lực", `<w:pStyle w:val="Dieu"/>`),
      {
        numbering: LEVELS,
        styles: `<w:style w:type="paragraph" w:styleId="DieuBase"><w:pPr>${num(5)}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="Dieu"><w:basedOn w:val="DieuBase"/></w:style>`,
      },
    );
    expect(text.split("\n")).toEqual([
      "I. MỤC TIÊU",
      "I.1\tKinh tế số",
      "a) thứ nhất",
      "b) thứ hai",
      "I.2\tXã hội số",
      "a) thứ nhất",
      "II. GIẢI PHÁP",
      "II.1\tChính phủ số",
      "•\tgạch đầu dòng",
      "Điều 1. Phê duyệt",
      "Điều 2. Hiệu lực",
      "",
    ]);
  });

  it("numbers a task table's TT column, continuing one list and restarting another", async () => {
    const row = (id: number, task: string) => tr(tc(`<w:p><w:pPr>${num(id)}</w:pPr></w:p>`), tc(task), tc("BKHCN"));
    const r = await readDocx(
      docx(tbl(row(2, "một"), row(2, "hai")) + p("giữa") + tbl(row(2, "ba"), row(3, "lại từ đầu"), row(3, "tiếp")), {
        numbering: LEVELS,
      }),
      DEFAULT_LIMITS,
    );
    // The number alone in its cell: no separator is left at the cell's end.
    expect(r.text.split("\n").filter((l) => /^\d+\t/.test(l))).toEqual([
      "1\tmột\tBKHCN",
      "2\thai\tBKHCN",
      "3\tba\tBKHCN",
      "1\tlại từ đầu\tBKHCN",
      "2\ttiếp\tBKHCN",
    ]);
    expect(r.warnings).toContainEqual({ key: "catalogue.upload.warnings.docxAutoNumbering", params: { count: 5 } });
  });

  it("formats numbers as Word does", () => {
    expect([1, 4, 9, 14, 40, 1999].map((n) => formatNumber(n, "upperRoman"))).toEqual([
      "I",
      "IV",
      "IX",
      "XIV",
      "XL",
      "MCMXCIX",
    ]);
    expect([1, 26, 27, 28, 53].map((n) => formatNumber(n, "lowerLetter"))).toEqual(["a", "z", "aa", "bb", "aaa"]);
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(7, "none")).toBe("");
  });
});

describe("docx that is not a Word document, or is damaged", () => {
  it("names what another zip package is", async () => {
    expect(await refusal(xlsxLike())).toEqual({ code: "unsupported", params: { format: "XLSX" } });
    expect(await refusal(odtLike())).toEqual({ code: "unsupported", params: { format: "ODT" } });
  });

  it("refuses XML cut inside a tag, a DTD (no entity is ever expanded) and a truncated zip as damaged", async () => {
    const { entry, zipOf } = await import("../../../../tests/support/xlsx-files");
    const cut = documentXml(p("Bộ Tài chính")).slice(0, -12);
    expect(await refusal(zipOf([entry("word/document.xml", cut)]))).toEqual({ code: "docxDamaged", params: undefined });
    const withDtd = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    expect((await refusal(zipOf([entry("word/document.xml", withDtd)])))?.code).toBe("docxDamaged");
    const whole = docx(p("Bộ Tài chính"));
    expect((await refusal(whole.subarray(0, whole.length - 30)))?.code).toBe("docxDamaged");
  });

  it("stops at the text limit while reading, not after", async () => {
    const limits = { ...DEFAULT_LIMITS, maxTextChars: 1000 };
    expect(await refusal(longTextDocx(5000), limits)).toEqual({ code: "textTooLong", params: { max: 1000 } });
  });
});

describe("docx size", () => {
  it("reads a long document in time linear in its size (seed 000 seven times over: 23,590 lines, 5.3 MB of XML)", async () => {
    // Every line a paragraph with the properties LibreOffice writes for a plain-text document.
    const pPr = `<w:pStyle w:val="PreformattedText"/><w:bidi w:val="0"/><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/><w:rPr></w:rPr>`;
    const seed = readFileSync(
      path.resolve(import.meta.dirname, "../../../../seeds/documents/000_8eabb89d266741a7.txt"),
      "utf8",
    );
    const lines = Array.from({ length: 7 }, () => seed.split("\n")).flat();
    const escape = (l: string) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const body = lines
      .map((l) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:rPr></w:rPr><w:t>${escape(l)}</w:t></w:r></w:p>`)
      .join("");
    expect(documentXml(body).length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const r = await readDocx(docx(body), DEFAULT_LIMITS);
    const ms = performance.now() - started;
    expect(r.text).toBe(`${lines.join("\n")}\n`);
    // About 0.5 s here; 12 s when chunks reached the tokenizer cut inside tags.
    expect(ms).toBeLessThan(4_000);
  });
});

describe("docx zip bombs", () => {
  it("refuses from the zip directory when document.xml declares more than the bound", async () => {
    const bomb = bombDocx(1024 * MB);
    expect(bomb.length).toBeLessThan(2 * MB);
    const started = performance.now();
    expect(await refusal(bomb)).toEqual({ code: "docxTooBig", params: { maxMb: 64 } });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("stops inflating at the bound when the zip lies about the size (1 GB declared as 10 KB), in the worker", async () => {
    const bomb = bombDocx(1024 * MB, 10 * 1024);
    const started = performance.now();
    const r = await extractText({ name: "bom.docx", bytes: bomb });
    const ms = performance.now() - started;
    expect(r).toEqual({ ok: false, error: { key: "catalogue.upload.errors.docxTooBig", params: { maxMb: 64 } } });
    // Inflating 64 MB of zeros, not 1 GB (the worker's start and esbuild's first bundle included).
    expect(ms).toBeLessThan(10_000);
  });
});
