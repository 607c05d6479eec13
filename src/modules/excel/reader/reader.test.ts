import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  entry,
  lyingSizesWorkbook,
  manyRowsWorkbook,
  MB,
  withHugeMedia,
  zipOf,
} from "../../../../tests/support/xlsx-files";
import { ReadError, isDateFormat, parseRef, readWorkbook, resolvePart, type RawWorkbook } from "./workbook";
import { decodeEntities, decodeXstring, XmlTokenizer } from "./xml";
import { inflateEntry, readCentralDirectory, ZipError } from "./zip";

const LIMITS = { maxUnzipped: 60 * MB, maxEntries: 2_000, maxRows: 2_000, maxCells: 100_000, maxCellChars: 40_000 };
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook as `parts` say, the workbook part named by the package relationships. */
function book(parts: Record<string, string>, workbookPath = "xl/workbook.xml") {
  return zipOf([
    entry(
      "_rels/.rels",
      `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="${workbookPath}"/></Relationships>`,
    ),
    ...Object.entries(parts).map(([name, xml]) => entry(name, xml)),
  ]);
}

const cellsOf = (wb: RawWorkbook, sheet: string) =>
  Object.fromEntries(
    wb.sheets
      .find((s) => s.name === sheet)!
      .rows.flatMap((r) => r.cells.map(([c, cell]) => [`${c}:${r.n}`, cell.value])),
  );

describe("zip", () => {
  it("stops inflating past the byte budget whatever the headers declare", async () => {
    const bomb = lyingSizesWorkbook(256 * MB);
    expect(bomb.length).toBeLessThan(400_000);
    const entries = readCentralDirectory(bomb, 100);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet2.xml")!;
    expect(sheet.declaredSize).toBe(10 * 1024);
    let seen = 0;
    const budget = { remaining: 5 * MB };
    await expect(inflateEntry(bomb, sheet, budget, (c) => void (seen += c.length))).rejects.toEqual(
      new ZipError("TOO_BIG"),
    );
    expect(seen).toBeLessThanOrEqual(5 * MB);
  });

  it("refuses a truncated deflate stream and a directory pointing outside the file", async () => {
    const z = zipOf([
      {
        name: "a.xml",
        compressed: deflateRawSync(Buffer.from("<a>".repeat(1000))).subarray(0, 10),
        crc: 0,
        declaredSize: 3000,
      },
    ]);
    const [e] = readCentralDirectory(z, 10);
    await expect(inflateEntry(z, e, { remaining: MB }, () => {})).rejects.toEqual(new ZipError("NOT_ZIP"));
    const broken = z.slice();
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    expect(() => readCentralDirectory(broken, 10)).toThrow(ZipError);
  });
});

describe("xml", () => {
  it("decodes entities, character references and OOXML's _xHHHH_ escapes", () => {
    expect(decodeEntities("a &amp; b &lt;c&gt; &#273; &#x1EA1; &unknown;")).toBe("a & b <c> đ ạ &unknown;");
    expect(decodeXstring("a_x000D_b_x005F_x0000_")).toBe("a\rb_x0000_");
  });

  it("tokenizes across any chunk boundary, inside tags and entities", () => {
    const xml = `<?xml version="1.0"?><root><v a="1&amp;2">x &amp; y</v><!-- c --><![CDATA[<z>]]><e/></root>`;
    for (let cut = 1; cut < xml.length; cut++) {
      const events: string[] = [];
      const t = new XmlTokenizer({
        open: (n, a, self) => events.push(`<${n}${a.a ? ` a=${a.a}` : ""}${self ? "/" : ""}>`),
        close: (n) => events.push(`</${n}>`),
        text: (s) => events.push(s),
        capturing: () => true,
      });
      t.push(xml.slice(0, cut));
      t.push(xml.slice(cut));
      t.end();
      expect(events.join(""), `cut at ${cut}`).toBe("<root><v a=1&2>x & y</v><z><e/></e></root>");
    }
  });

  it("refuses a DOCTYPE (no entity expansion) and a tag that never ends", () => {
    const t = new XmlTokenizer({ open: () => {}, close: () => {}, text: () => {}, capturing: () => false });
    expect(() => t.push(`<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>`)).toThrow();
    const u = new XmlTokenizer({ open: () => {}, close: () => {}, text: () => {}, capturing: () => false });
    expect(() => u.push(`<a b="${"x".repeat(300 * 1024)}`)).toThrow();
  });
});

describe("workbook", () => {
  it("helpers: references, part paths, date formats", () => {
    expect(parseRef("AB12")).toEqual([28, 12]);
    expect(parseRef("$C$3")).toEqual([3, 3]);
    expect(parseRef("12")).toBeNull();
    expect(resolvePart("xl/", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePart("xl/", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePart("xl/worksheets/", "../media/a.png")).toBe("xl/media/a.png");
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat("0%")).toBe(false);
    expect(isDateFormat('0.0" m"')).toBe(false);
    expect(isDateFormat("General")).toBe(false);
  });

  it("finds sheets by name through the relationships, reads every cell kind, cells without r, and only the shared strings used", async () => {
    const bytes = book(
      {
        "wb/main.xml": `<x:workbook ${NS.replace('xmlns="', 'xmlns:x="')}><x:sheets><x:sheet name="Other" sheetId="1" r:id="a"/><x:sheet name="Chỉ tiêu" sheetId="2" r:id="b"/></x:sheets></x:workbook>`,
        "wb/_rels/main.xml.rels": `<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="/wb/s/one.xml"/><Relationship Id="b" Type="${REL}/worksheet" Target="s/two.xml"/><Relationship Id="c" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="d" Type="${REL}/styles" Target="st.xml"/></Relationships>`,
        "wb/st.xml": `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
        "wb/strings.xml": `<sst ${NS}><si><t>không dùng</t></si><si><r><t>Đang </t></r><r><t xml:space="preserve">thực hiện</t></r><rPh><t>phonetic</t></rPh></si><si><t>a_x0000_b</t></si></sst>`,
        "wb/s/one.xml": `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
        "wb/s/two.xml": `<x:worksheet ${NS.replace('xmlns="', 'xmlns:x="')}><x:sheetData>
          <x:row><x:c t="s"><x:v>1</x:v></x:c><x:c><x:v>20.5</x:v></x:c><x:c s="1"><x:v>0.6</x:v></x:c><x:c s="2"><x:v>46295</x:v></x:c></x:row>
          <x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>inline &amp; text</x:t></x:is></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c><x:c r="F3" t="str"><x:f>A1</x:f><x:v>kết quả</x:v></x:c><x:c r="G3" s="1"/></x:row>
          <x:row r="4"><x:c r="C4" t="s"><x:v>2</x:v></x:c><x:c r="E4" t="inlineStr"><x:is><x:t>link</x:t></x:is></x:c></x:row>
        </x:sheetData><x:hyperlinks><x:hyperlink ref="E4" r:id="h1"/></x:hyperlinks></x:worksheet>`,
        "wb/s/_rels/two.xml.rels": `<Relationships><Relationship Id="h1" Type="${REL}/hyperlink" Target="https://example.gov.vn/x" TargetMode="External"/></Relationships>`,
      },
      "wb/main.xml",
    );
    const wb = await readWorkbook(bytes, LIMITS, (n) => n === "Chỉ tiêu");
    expect(wb.sheetNames).toEqual(["Other", "Chỉ tiêu"]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu"]);
    expect(cellsOf(wb, "Chỉ tiêu")).toEqual({
      "1:1": "Đang thực hiện",
      "2:1": 20.5,
      "3:1": 0.6,
      "4:1": new Date(Date.UTC(2026, 8, 30)),
      "2:3": "inline & text",
      "4:3": true,
      "5:3": { error: "#N/A" },
      "6:3": "kết quả",
      "3:4": "a\u0000b",
      "5:4": { text: "link", hyperlink: "https://example.gov.vn/x" },
    });
    const percent = wb.sheets[0].rows[0].cells.find(([c]) => c === 3)![1];
    expect(percent.numFmt).toBe("0%");
  });

  it("refuses what is not a workbook", async () => {
    await expect(readWorkbook(zipOf([entry("a.txt", "hello")]), LIMITS, () => true)).rejects.toEqual(
      new ReadError("NOT_XLSX"),
    );
    const noSheet = book({ "xl/workbook.xml": `<workbook ${NS}><sheets/></workbook>` });
    await expect(readWorkbook(noSheet, LIMITS, () => true)).rejects.toEqual(new ReadError("NOT_XLSX"));
  });

  it("a sheet that inflates to 1 GB while claiming 10 KB is refused after at most the budget", async () => {
    const started = performance.now();
    await expect(readWorkbook(lyingSizesWorkbook(), LIMITS, () => true)).rejects.toEqual(new ReadError("TOO_BIG"));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a 1 GB picture is never inflated", async () => {
    const plain = book({
      "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="A" sheetId="1" r:id="a"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`,
    });
    const started = performance.now();
    const wb = await readWorkbook(withHugeMedia(plain), { ...LIMITS, maxUnzipped: 64 * 1024 }, () => true);
    expect(cellsOf(wb, "A")).toEqual({ "1:1": 7 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("stops at the first row past the limit, without reading the rest", async () => {
    const file = manyRowsWorkbook(700_000);
    expect(file.length).toBeLessThan(5 * MB);
    const started = performance.now();
    await expect(readWorkbook(file, LIMITS, () => true)).rejects.toEqual(new ReadError("TOO_MANY_ROWS", "Chỉ tiêu"));
    expect(performance.now() - started).toBeLessThan(2_000);
    const wb = await readWorkbook(manyRowsWorkbook(1_999), LIMITS, () => true);
    expect(wb.sheets.find((s) => s.name === "Chỉ tiêu")!.rows).toHaveLength(2_000);
  });

  it("limits cells and the length of one cell", async () => {
    const sheet = (rows: string) =>
      book({
        "xl/workbook.xml": `<workbook ${NS}><sheets><sheet name="A" sheetId="1" r:id="a"/></sheets></workbook>`,
        "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        "xl/worksheets/sheet1.xml": `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`,
      });
    const wide = sheet(`<row r="1">${Array.from({ length: 200 }, () => `<c><v>1</v></c>`).join("")}</row>`);
    await expect(readWorkbook(wide, { ...LIMITS, maxCells: 100 }, () => true)).rejects.toMatchObject({
      code: "TOO_MANY_CELLS",
    });
    const long = sheet(`<row r="1"><c t="inlineStr"><is><t>${"x".repeat(50_000)}</t></is></c></row>`);
    await expect(readWorkbook(long, LIMITS, () => true)).rejects.toMatchObject({ code: "CELL_TOO_LONG" });
  });
});
