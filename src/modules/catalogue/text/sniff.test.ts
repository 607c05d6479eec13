import { describe, expect, it } from "vitest";
import { TextError } from "./result";
import { decodeText, formatOfName, sniff } from "./sniff";

const bytes = (...xs: (number | string)[]) =>
  new Uint8Array(xs.flatMap((x) => (typeof x === "number" ? [x] : [...new TextEncoder().encode(x)])));

/** The refusal code decodeText throws, or null when it decodes. */
function refusal(b: Uint8Array): string | null {
  try {
    decodeText(b);
    return null;
  } catch (err) {
    if (err instanceof TextError) return err.code;
    throw err;
  }
}

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function junk(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe("sniff", () => {
  it("knows PDF (also after junk before the header), zip, OLE, images and RTF by their first bytes", () => {
    expect(sniff(bytes("%PDF-1.7\n"))).toEqual({ kind: "pdf" });
    expect(sniff(bytes("\r\n\r\n%PDF-1.4"))).toEqual({ kind: "pdf" });
    expect(sniff(bytes(0x50, 0x4b, 3, 4, 0, 0))).toEqual({ kind: "zip" });
    expect(sniff(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0))).toEqual({
      kind: "ole",
      encrypted: false,
    });
    const encrypted = bytes(
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...[..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]),
    );
    expect(sniff(encrypted)).toEqual({ kind: "ole", encrypted: true });
    expect(sniff(bytes(0x89, "PNG\r\n"))).toEqual({ kind: "image", format: "PNG" });
    expect(sniff(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ kind: "image", format: "JPEG" });
    expect(sniff(bytes(0, 0, 0, 0x18, "ftypheic"))).toEqual({ kind: "image", format: "HEIC" });
    expect(sniff(bytes("{\\rtf1\\ansi"))).toEqual({ kind: "unsupported", format: "RTF" });
    expect(sniff(bytes("Quyết định %PDF- không ở đầu tệp".padEnd(2000, " "), "%PDF-"))).toEqual({ kind: "text" });
  });
});

describe("decodeText", () => {
  const vi = "Bộ Khoa học và Công nghệ — Quý I/2025";

  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeText(bytes(vi)).text).toBe(vi);
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, vi)).text).toBe(vi);
  });

  it("reads UTF-16 little- and big-endian after their byte-order mark", () => {
    const le = Buffer.from(`\uFEFF${vi}`, "utf16le");
    expect(decodeText(new Uint8Array(le)).text).toBe(vi);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(new Uint8Array(be)).text).toBe(vi);
  });

  it("counts what could not be decoded after a UTF-8 mark", () => {
    const d = decodeText(bytes(0xef, 0xbb, 0xbf, "Hà N", 0xff, "i"));
    expect(d.text).toBe("Hà N\uFFFDi");
    expect(d.replacements).toBe(1);
  });

  it("refuses legacy Vietnamese encodings (TCVN3, Windows-1258) instead of guessing", () => {
    // "Bộ Khoa học" in TCVN3 (ABC): ä = ộ, ä is 0xE4 — valid in any 8-bit reading, invalid UTF-8.
    expect(refusal(bytes("B", 0xe4, " Khoa h", 0xe4, "c"))).toBe("notUtf8");
    // "Hà Nội" in Windows-1258: à = 0xE0, ô = 0xF4, then a combining dot below (0xF2).
    expect(refusal(bytes("H", 0xe0, " N", 0xf4, 0xf2, "i"))).toBe("notUtf8");
  });

  it("refuses binary junk and UTF-16 without a mark", () => {
    expect(refusal(junk(4096))).toBe("binary");
    expect(refusal(new Uint8Array(Buffer.from(vi.repeat(10), "utf16le")))).toBe("binary");
  });

  it("tolerates a few stray control characters in real text (normalisation removes them)", () => {
    expect(refusal(bytes(`${vi}\u0000\n${vi}\n${vi}\n${vi}\n${vi}\n`.repeat(20)))).toBeNull();
    expect(refusal(bytes(`${vi}\u0000\n`.repeat(20)))).toBe("binary");
  });
});

describe("formatOfName", () => {
  it("maps the offered extensions, case-insensitively", () => {
    expect(formatOfName("QD-411.DOCX")).toBe("docx");
    expect(formatOfName("quyet-dinh.pdf")).toBe("pdf");
    expect(formatOfName("van-ban.txt")).toBe("text");
    expect(formatOfName("anh.png")).toBeNull();
    expect(formatOfName("")).toBeNull();
  });
});
