// The text layer of a PDF, read with Mozilla's PDF.js (pdfjs-dist, legacy build for Node). A PDF
// has no paragraphs or tables, only positioned runs of glyphs, so the text follows PDF.js's
// reading order: a line ends where PDF.js sees one end, and a gap wider than the font's size
// between two runs on one line (a table's column gap) becomes a tab, so a task table's rows read
// "1<TAB>task…<TAB>agency" where each cell fits on one line. Always run in the worker thread
// (./isolate.ts): PDF.js parses hostile input on the thread that calls it.
import type { ExtractLimits } from "./limits";
import { TextError, warn, type TextNotice } from "./result";

type PdfjsModule = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type TextItem = { str: string; hasEOL: boolean; width: number; height: number };

export type PdfAssets = {
  /** file: URL of pdfjs-dist/legacy/build/pdf.mjs (resolved by the caller from node_modules). */
  moduleUrl: string;
  /** Folders of PDF.js's character maps and standard font data, ending in "/". */
  cMapDir: string;
  standardFontDir: string;
};

export type PdfText = { text: string; warnings: TextNotice[] };

const isTextItem = (x: unknown): x is TextItem => typeof (x as TextItem).str === "string";

/** "1, 3–5, 9" for a list of page numbers, at most `max` groups. */
export function pageList(pages: number[], max = 20): string {
  const groups: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    groups.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return groups.length > max ? `${groups.slice(0, max).join(", ")}, …` : groups.join(", ");
}

/**
 * One page's items as lines: PDF.js's line ends, and wide gaps as tabs.
 *
 * PDF.js reports the gap between two runs as a whitespace item as wide as the gap. When a
 * document mixes decomposed Vietnamese (a letter followed by combining marks) with precomposed
 * text, LibreOffice's PDFs give some precomposed glyphs ("â", "í", "ư") a text width of zero in
 * PDF.js, and the glyph's own advance then shows up as a gap after it ("Xâ y dựng", "tí ch"). A
 * letter cannot be zero wide, so the gap after one is reduced by a letter's width (half the font
 * size) before it counts as a space.
 */
export function pageText(items: readonly unknown[]): string {
  let out = "";
  let size = 0;
  let zeroWidthLetters = 0;
  for (const it of items) {
    if (!isTextItem(it)) continue;
    if (it.str.trim() === "") {
      const gap = it.width - zeroWidthLetters * 0.5 * size;
      if (size > 0 && gap > size) out += "\t";
      else if (zeroWidthLetters > 0) out += gap > 0.15 * size ? " " : "";
      else if (it.str !== "" || it.width > 0) out += it.str === "" ? "" : " ";
      zeroWidthLetters = 0;
    } else {
      out += it.str;
      if (it.height > 0) size = it.height;
      const letters = it.str.normalize("NFC");
      zeroWidthLetters = it.width < 0.05 * size && /^[\p{L}\p{M}]+$/u.test(letters) ? [...letters].length : 0;
    }
    if (it.hasEOL) {
      out += "\n";
      zeroWidthLetters = 0;
    }
  }
  return out.endsWith("\n") || out === "" ? out : `${out}\n`;
}

const hasLetters = (s: string) => /[\p{L}\p{N}]/u.test(s);

export async function readPdf(
  bytes: Uint8Array,
  limits: ExtractLimits,
  assets: PdfAssets,
  startedAt: number,
): Promise<PdfText> {
  const pdfjs = (await import(/* webpackIgnore: true */ assets.moduleUrl)) as PdfjsModule;
  const task = pdfjs.getDocument({
    data: bytes,
    // Nothing in a document may run code, reach the network or the machine's fonts.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: assets.cMapDir,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDir,
    verbosity: 0,
  });
  const overTime = () => performance.now() - startedAt > limits.timeBudgetMs;
  const timeout = () => new TextError("timeout", { seconds: Math.ceil(limits.timeBudgetMs / 1000) });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === "PasswordException") throw new TextError("encrypted", { format: "PDF" });
      throw new TextError("pdfDamaged");
    }
    if (doc.numPages > limits.maxPdfPages)
      throw new TextError("pdfTooManyPages", { pages: doc.numPages, max: limits.maxPdfPages });
    let text = "";
    const empty: number[] = [];
    let broken = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (overTime()) throw timeout();
      let page: string;
      try {
        const p = await doc.getPage(n);
        page = pageText((await p.getTextContent()).items);
        p.cleanup();
      } catch (err) {
        if (err instanceof TextError) throw err;
        // A damaged page among readable ones is a page without text, not a damaged file.
        broken++;
        page = "";
      }
      if (!hasLetters(page)) empty.push(n);
      text += page;
      if (text.length > limits.maxTextChars) throw new TextError("textTooLong", { max: limits.maxTextChars });
    }
    if (overTime()) throw timeout();
    if (broken === doc.numPages) throw new TextError("pdfDamaged");
    if (empty.length === doc.numPages) throw new TextError("pdfNoText");
    const warnings = [warn("pdfLayout")];
    if (empty.length) warnings.push(warn("pdfPagesWithoutText", { count: empty.length, pages: pageList(empty) }));
    return { text, warnings };
  } finally {
    await task.destroy().catch(() => {});
  }
}
