// What an upload is, from its first bytes rather than its name or the browser's MIME type (both
// are whatever the editor's machine says: a "quyet-dinh.pdf" can be a .docx renamed, a ".txt" a
// Word file): PDF, zip (a .docx, or another Office or OpenDocument file), the old OLE container
// (.doc, or a password-protected .docx), images, RTF, else text. Text is decoded here too.
import { TextError, type Params } from "./result";

export type Sniffed =
  | { kind: "pdf" }
  | { kind: "zip" }
  | { kind: "ole"; encrypted: boolean }
  | { kind: "image"; format: string }
  | { kind: "unsupported"; format: string }
  | { kind: "text" };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" as UTF-16LE: the stream Office puts a password-protected .docx/.xlsx in. */
const ENCRYPTED_PACKAGE = new Uint8Array([...ascii("EncryptedPackage")].flatMap((c) => [c, 0]));

function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const last = Math.min(to, hay.length) - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function sniff(b: Uint8Array): Sniffed {
  // Readers accept junk before the header within the first kilobyte; the version must follow.
  const at = indexOf(b, new Uint8Array(ascii("%PDF-")), 0, 1024);
  if (at >= 0 && /^%PDF-\d\.\d/.test(String.fromCharCode(...b.subarray(at, at + 8)))) return { kind: "pdf" };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return { kind: "zip" };
  if (startsWith(b, OLE)) return { kind: "ole", encrypted: indexOf(b, ENCRYPTED_PACKAGE) >= 0 };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return { kind: "image", format: "PNG" };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: "image", format: "JPEG" };
  if (startsWith(b, ascii("GIF8"))) return { kind: "image", format: "GIF" };
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: "image", format: "TIFF" };
  if (startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8)) return { kind: "image", format: "WebP" };
  if (startsWith(b, ascii("ftyp"), 4) && /^(heic|heix|mif1|avif)$/.test(String.fromCharCode(...b.subarray(8, 12))))
    return { kind: "image", format: "HEIC" };
  if (startsWith(b, ascii("{\\rtf"))) return { kind: "unsupported", format: "RTF" };
  return { kind: "text" };
}

export type Decoded = { text: string; replacements: number; params?: Params };

const countReplacements = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\uFFFD"); i >= 0; i = s.indexOf("\uFFFD", i + 1)) n++;
  return n;
};

/**
 * Bytes that are neither tab, line feed, vertical tab, form feed nor carriage return among the C0
 * controls: a few are tolerated (normalisation removes them), many mean the file is not text.
 */
function looksBinary(b: Uint8Array): boolean {
  let controls = 0;
  for (const x of b) if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0b && x !== 0x0c && x !== 0x0d) controls++;
  return controls > 8 && controls * 100 > b.length;
}

/**
 * The text of a file sniffed as text: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
 * Invalid UTF-8 without a mark is refused rather than guessed: Vietnamese files in the legacy
 * encodings (TCVN3, VNI, Windows-1258) are valid in any 8-bit decoding and would be stored as
 * nonsense that looks plausible.
 */
export function decodeText(b: Uint8Array): Decoded {
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) {
    const text = new TextDecoder(b[0] === 0xff ? "utf-16le" : "utf-16be").decode(b);
    return { text, replacements: countReplacements(text) };
  }
  if (startsWith(b, [0xef, 0xbb, 0xbf])) {
    // The mark says UTF-8: decode what follows leniently and say how much was damaged.
    const text = new TextDecoder("utf-8").decode(b);
    if (looksBinary(b)) throw new TextError("binary");
    return { text, replacements: countReplacements(text) };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    throw new TextError(looksBinary(b) ? "binary" : "notUtf8");
  }
  if (looksBinary(b)) throw new TextError("binary");
  return { text, replacements: 0 };
}

/** "docx", "pdf" or "text" for the extensions the upload form offers; null for others. */
export function formatOfName(name: string): "docx" | "pdf" | "text" | null {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  if (ext === "docx" || ext === "docm" || ext === "dotx") return "docx";
  if (ext === "pdf") return "pdf";
  if (ext === "txt" || ext === "text" || ext === "md") return "text";
  return null;
}
