import { describe, expect, it } from "vitest";
import { catalogueTextEn, catalogueTextVi } from "@/messages/catalogue";
import { extractText } from "./extract";
import { docx, p } from "./fixtures/docx-files";
import { textPdf } from "./fixtures/pdf-files";
import { DEFAULT_LIMITS, MAX_UPLOAD_BYTES } from "./limits";

const utf8 = (s: string) => new TextEncoder().encode(s);
const K = (code: string) => `catalogue.upload.errors.${code}`;
const W = (code: string) => `catalogue.upload.warnings.${code}`;
const errorOf = (r: Awaited<ReturnType<typeof extractText>>) => (r.ok ? null : r.error);

describe("extractText: plain text", () => {
  it("stores UTF-8 text normalised (NFC, LF) and counts its lines", async () => {
    const source = "QUYẾT ĐỊNH\r\nTỷ trọng kinh tế số đạt 20% GDP\r\n\r\n\tQuý I/2025  \r\n".normalize("NFD");
    const r = await extractText({ name: "qd.txt", type: "text/plain", bytes: utf8(source) });
    expect(r).toEqual({
      ok: true,
      format: "text",
      text: "QUYẾT ĐỊNH\nTỷ trọng kinh tế số đạt 20% GDP\n\n\tQuý I/2025  \n",
      lines: 4,
      warnings: [],
    });
  });

  it("reads UTF-16 with a byte-order mark as Notepad saves 'Unicode'", async () => {
    const r = await extractText({
      name: "qd.txt",
      bytes: new Uint8Array(Buffer.from("\uFEFFBộ Tài chính\r\n", "utf16le")),
    });
    expect(r).toMatchObject({ ok: true, text: "Bộ Tài chính\n", lines: 1 });
  });

  it("says what it removed or could not decode, and when the text looks like HTML", async () => {
    const r = await extractText({ name: "a.txt", bytes: utf8(`Hà Nội\u0007\n${"Điều 1.\n".repeat(20)}`) });
    expect(r.ok && r.warnings).toEqual([{ key: W("controlCharsRemoved"), params: { count: 1 } }]);
    const bad = await extractText({ name: "a.txt", bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x48, 0xff, 0x0a]) });
    expect(bad.ok && bad.warnings).toEqual([{ key: W("replacementChars"), params: { count: 1 } }]);
    const html = await extractText({ name: "a.txt", bytes: utf8("<html><body><p>Điều 1.</p></body></html>") });
    expect(html.ok && html.text).toBe("<html><body><p>Điều 1.</p></body></html>");
    expect(html.ok && html.warnings).toEqual([{ key: W("looksLikeHtml") }]);
  });

  it("refuses what holds no text", async () => {
    expect(errorOf(await extractText({ name: "a.txt", bytes: new Uint8Array() }))).toEqual({ key: K("empty") });
    expect(errorOf(await extractText({ name: "a.txt", bytes: utf8(" \n\t\r\n") }))).toEqual({ key: K("noText") });
    expect(errorOf(await extractText({ name: "a.docx", bytes: docx("<w:p/><w:p/>") }))).toEqual({ key: K("noText") });
  });
});

describe("extractText: bounds", () => {
  it("refuses a file over the upload size before looking at it", async () => {
    const r = await extractText({ name: "a.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61) });
    expect(errorOf(r)).toEqual({ key: K("fileTooLarge"), params: { sizeMb: 10, maxMb: 10 } });
  });

  it("refuses text over the character and line bounds, whatever the format", async () => {
    const limits = { ...DEFAULT_LIMITS, maxTextChars: 100, maxLines: 10 };
    expect(errorOf(await extractText({ name: "a.txt", bytes: utf8("ă".repeat(101)) }, limits))).toEqual({
      key: K("textTooLong"),
      params: { max: 100 },
    });
    expect(errorOf(await extractText({ name: "a.txt", bytes: utf8("a\n".repeat(11)) }, limits))).toEqual({
      key: K("tooManyLines"),
      params: { lines: 11, max: 10 },
    });
    const manyParagraphs = docx(Array.from({ length: 11 }, (_, i) => p(`Điều ${i + 1}.`)).join(""));
    expect(errorOf(await extractText({ name: "a.docx", bytes: manyParagraphs }, limits))?.key).toBe(K("tooManyLines"));
  });
});

describe("extractText: formats by content, not by name", () => {
  it("reads a .docx named .pdf, and a PDF named .docx, and says the name is wrong", async () => {
    const r = await extractText({
      name: "quyet-dinh.pdf",
      type: "application/pdf",
      bytes: docx(p("Bộ Khoa học và Công nghệ")),
    });
    expect(r).toMatchObject({ ok: true, format: "docx", text: "Bộ Khoa học và Công nghệ\n" });
    expect(r.ok && r.warnings).toEqual([
      { key: W("extensionMismatch"), params: { name: "quyet-dinh.pdf", detected: "DOCX" } },
    ]);
    const pdf = await extractText({ name: "quyet-dinh.docx", bytes: textPdf([["Bo Tai chinh"]]) });
    expect(pdf).toMatchObject({ ok: true, format: "pdf", text: "Bo Tai chinh\n" });
    expect(pdf.ok && pdf.warnings[0]).toEqual({
      key: W("extensionMismatch"),
      params: { name: "quyet-dinh.docx", detected: "PDF" },
    });
  });

  it("refuses images, RTF, Word 97–2003 and password-protected Office files with what to do instead", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(errorOf(await extractText({ name: "scan.txt", bytes: png }))).toEqual({
      key: K("image"),
      params: { format: "PNG" },
    });
    expect(errorOf(await extractText({ name: "a.rtf", bytes: utf8("{\\rtf1\\ansi Điều 1}") }))).toEqual({
      key: K("unsupported"),
      params: { format: "RTF" },
    });
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
    expect(errorOf(await extractText({ name: "a.doc", bytes: new Uint8Array(ole) }))).toEqual({ key: K("legacyDoc") });
    const encrypted = new Uint8Array([...ole, ...[..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(errorOf(await extractText({ name: "a.docx", bytes: encrypted }))).toEqual({
      key: K("encrypted"),
      params: { format: "DOCX" },
    });
  });
});

describe("messages", () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("exist in Vietnamese and English with the same parameters", () => {
    for (const group of ["errors", "warnings"] as const) {
      const vi = catalogueTextVi[group] as Record<string, string>;
      const en = catalogueTextEn[group] as Record<string, string>;
      expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
      for (const k of Object.keys(vi)) expect(placeholders(en[k]), `${group}.${k}`).toEqual(placeholders(vi[k]));
    }
  });

  it("name the no-text-layer refusal the way the editor is told to act on it", () => {
    expect(catalogueTextEn.errors.pdfNoText).toBe(
      "This PDF has no text layer (scanned image): paste the text or upload a .docx.",
    );
    expect(catalogueTextVi.errors.pdfNoText).toContain("không có lớp chữ");
  });
});
