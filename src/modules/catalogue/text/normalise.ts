// The one normalisation every new document's text goes through before it is stored, whatever it
// came from (a pasted text, a .txt, a .docx, a PDF). Quotes of targets and tasks are compared with
// the stored text as strings (after whitespace collapses, src/lib/text.ts), so the text must be in
// one Unicode form: Vietnamese typed with a "combining" keyboard setting (Unikey's "Unicode tổ
// hợp"), or extracted from some PDFs, spells "ế" as e + ̂ + ́, which never equals the precomposed
// "ế" of a quote typed elsewhere. NFC is the form browsers, Word and the seed files use. Nothing
// else is changed: no trimming, no collapsing of spaces, no typographic replacements, because the
// portal quotes the stored text verbatim and shows it line by line.
import { splitLines } from "@/modules/documents/lines";

/**
 * Control characters that carry no text: C0 except tab and line feed (carriage returns are turned
 * into line feeds first), DEL, and the C1 range (what a Windows-1252 text mis-read as Latin-1
 * leaves behind). Form feeds (page breaks in text exported from PDFs) go too.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export type Normalised = { text: string; removedControls: number };

/**
 * NFC; CRLF and lone CR (old Mac files) → LF; a leading byte-order mark dropped; control
 * characters other than tab and LF removed (their count is returned so the caller can say so).
 */
export function normaliseTextCounting(s: string): Normalised {
  let text = s.startsWith("\uFEFF") ? s.slice(1) : s;
  text = text.replace(/\r\n?/g, "\n");
  let removedControls = 0;
  text = text.replace(CONTROL, () => {
    removedControls++;
    return "";
  });
  return { text: text.normalize("NFC"), removedControls };
}

export function normaliseText(s: string): string {
  return normaliseTextCounting(s).text;
}

/** Lines as the document viewer numbers them (a final newline does not start an empty line). */
export function countLines(text: string): number {
  return text === "" ? 0 : splitLines(text).length;
}
