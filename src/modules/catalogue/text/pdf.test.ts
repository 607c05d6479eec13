import { describe, expect, it } from "vitest";
import { extractText } from "./extract";
import { assemble, manyPagesPdf, noTextPdf, textPdf } from "./fixtures/pdf-files";
import { DEFAULT_LIMITS } from "./limits";
import { pageList, pageText } from "./pdf";

const item = (str: string, width: number, height = 12, hasEOL = false) => ({ str, width, height, hasEOL });
const errorOf = (r: Awaited<ReturnType<typeof extractText>>) => (r.ok ? null : r.error);
const K = (code: string) => `catalogue.upload.errors.${code}`;

/** Time a call; every hostile PDF must be answered well within the time budget. */
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const r = await f();
  return [r, performance.now() - started];
}

describe("pageText", () => {
  it("ends lines where PDF.js does and turns a gap wider than the font into a tab", () => {
    const items = [
      item("1", 6),
      item(" ", 15, 0),
      item("Xây dựng nền tảng", 90, 12, true),
      item("số quốc gia", 60),
      item(" ", 77, 0),
      item("Bộ Khoa học và Công nghệ", 133, 12, true),
      item("Quý I/2025", 50),
      item(" ", 3, 0),
      item("và II", 20, 12, true),
      { type: "beginMarkedContent" },
      item("", 0, 0, true),
    ];
    expect(pageText(items)).toBe("1\tXây dựng nền tảng\nsố quốc gia\tBộ Khoa học và Công nghệ\nQuý I/2025 và II\n\n");
  });

  it("does not count the advance of a letter PDF.js measured as zero wide as a space", () => {
    // As PDF.js reads LibreOffice's PDFs of documents mixing decomposed and precomposed Vietnamese.
    const items = [
      item("X", 9),
      item("â", 0),
      item(" ", 5, 0),
      item("y dựng nền tảng t", 84),
      item("í", 0),
      item(" ", 3, 0),
      item("ch hợp, Bộ T", 60),
      item("ư", 0),
      item(" ", 9, 0),
      item("pháp", 23, 12, true),
    ];
    expect(pageText(items)).toBe("Xây dựng nền tảng tích hợp, Bộ Tư pháp\n");
  });

  it("lists page numbers compactly", () => {
    expect(pageList([1, 2, 3, 5, 7, 8])).toBe("1–3, 5, 7–8");
    expect(pageList([1, 3, 5], 2)).toBe("1, 3, …");
  });
});

describe("PDF files (in the worker)", () => {
  it("reads a text layer", async () => {
    const r = await extractText({
      name: "qd.pdf",
      bytes: textPdf([["Dieu 1. Muc tieu", "Ty trong 20% GDP"], ["Trang 2"]]),
    });
    expect(r).toMatchObject({
      ok: true,
      format: "pdf",
      text: "Dieu 1. Muc tieu\nTy trong 20% GDP\nTrang 2\n",
      lines: 3,
    });
    expect(r.ok && r.warnings.map((w) => w.key)).toEqual(["catalogue.upload.warnings.pdfLayout"]);
  });

  it("refuses a PDF without a text layer, and names the pages without text in one that has some", async () => {
    expect(errorOf(await extractText({ name: "scan.pdf", bytes: noTextPdf() }))).toEqual({ key: K("pdfNoText") });
    const mixed = textPdf([["Trang mot"], [], ["Trang ba"], [], []]);
    const r = await extractText({ name: "x.pdf", bytes: mixed });
    expect(r.ok && r.warnings).toContainEqual({
      key: "catalogue.upload.warnings.pdfPagesWithoutText",
      params: { count: 3, pages: "2, 4–5" },
    });
  });

  it("refuses more pages than the bound before reading any", async () => {
    const limits = { ...DEFAULT_LIMITS, maxPdfPages: 3 };
    const four = textPdf([["a"], ["b"], ["c"], ["d"]]);
    expect(errorOf(await extractText({ name: "x.pdf", bytes: four }, limits))).toEqual({
      key: K("pdfTooManyPages"),
      params: { pages: 4, max: 3 },
    });
    // 100,000 pages in 0.6 MB: one page object listed over and over.
    const [r, ms] = await timed(() => extractText({ name: "x.pdf", bytes: manyPagesPdf(100_000) }));
    expect(errorOf(r)).toEqual({ key: K("pdfTooManyPages"), params: { pages: 100_000, max: 500 } });
    expect(ms).toBeLessThan(5_000);
  });

  it("stops at the time budget and says so", async () => {
    const limits = { ...DEFAULT_LIMITS, timeBudgetMs: 300 };
    const many = textPdf(
      Array.from({ length: 400 }, (_, i) => Array.from({ length: 40 }, (_, j) => `Trang ${i + 1} dong ${j + 1}`)),
    );
    const [r, ms] = await timed(() => extractText({ name: "dai.pdf", bytes: many }, limits));
    expect(errorOf(r)).toEqual({ key: K("timeout"), params: { seconds: 1 } });
    expect(ms).toBeLessThan(5_000);
  });

  it("answers malformed files quickly: a refusal, or the text when PDF.js can repair the file", async () => {
    const good = textPdf([["Bo Tai chinh"]]);
    let x = 7;
    const junk = Uint8Array.from({ length: 50_000 }, () => (x = (x * 1103515245 + 12345) >>> 0) >>> 24);
    const header = new TextEncoder().encode("%PDF-1.7\n");
    const deep = assemble([
      "",
      `<< /Type /Catalog /Pages 2 0 R /X ${"[".repeat(100_000)}${"]".repeat(100_000)} >>`,
      `<< /Type /Pages /Kids [] /Count 0 >>`,
    ]);
    const cases: [string, Uint8Array, string | null][] = [
      ["junk after the header", new Uint8Array([...header, ...junk]), K("pdfDamaged")],
      ["header only", header, K("pdfDamaged")],
      ["cut in half", good.subarray(0, good.length / 2), K("pdfDamaged")],
      ["page tree that is its own child", textPdf([["a"]], { kidsOverride: "[2 0 R]" }), K("pdfDamaged")],
      ["100,000 nested arrays", deep, K("pdfDamaged")],
      // Repaired by PDF.js: the text is there.
      ["cross-reference chain that loops", textPdf([["Bo Tai chinh"]], { prevSelf: true }), null],
      [
        "cross-reference table at the wrong offset",
        new TextEncoder().encode(new TextDecoder().decode(good).replace(/startxref\n\d+/, "startxref\n12")),
        null,
      ],
    ];
    for (const [what, bytes, expected] of cases) {
      const [r, ms] = await timed(() => extractText({ name: "x.pdf", bytes }));
      if (expected) expect(errorOf(r), what).toEqual({ key: expected });
      else expect(r, what).toMatchObject({ ok: true, text: "Bo Tai chinh\n" });
      expect(ms, what).toBeLessThan(5_000);
    }
  });
});
