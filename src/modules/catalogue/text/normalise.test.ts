import { describe, expect, it } from "vitest";
import { countLines, normaliseText, normaliseTextCounting } from "./normalise";

describe("normaliseText", () => {
  it("composes Vietnamese typed with combining marks (NFC), so it equals a quote typed precomposed", () => {
    const decomposed = "Tỷ trọng kinh tế số".normalize("NFD");
    expect(decomposed).not.toBe("Tỷ trọng kinh tế số");
    expect(normaliseText(decomposed)).toBe("Tỷ trọng kinh tế số");
    // "ế" as e + circumflex + acute, the way a "Unicode tổ hợp" keyboard writes it.
    expect(normaliseText("kinh te\u0302\u0301 so\u0302\u0301")).toBe("kinh tế số");
  });

  it("turns CRLF and lone CR into LF and drops a leading byte-order mark only", () => {
    expect(normaliseText("\uFEFFdòng 1\r\ndòng 2\rdòng 3\n")).toBe("dòng 1\ndòng 2\ndòng 3\n");
    // A mark inside the text is a character of the text (a zero-width no-break space): kept.
    expect(normaliseText("a\uFEFFb")).toBe("a\uFEFFb");
  });

  it("removes control characters except tab and newline, and counts them", () => {
    const r = normaliseTextCounting("a\u0000b\u0007c\td\u000be\u000cf\u001bg\u007fh\u0085i\n");
    expect(r.text).toBe("abc\tdefghi\n");
    expect(r.removedControls).toBe(7);
  });

  it("keeps everything else as it is: spaces, empty lines, non-breaking spaces, quotes, dashes", () => {
    const s = "  Điều 1.  \n\n\tTT\tNhiệm vụ\t\n“Quý I/2025” – 20%\u00a0GDP   \n";
    expect(normaliseText(s)).toBe(s);
  });
});

describe("countLines", () => {
  it("counts as the document viewer numbers lines: a final newline starts no line", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("a")).toBe(1);
    expect(countLines("a\n")).toBe(1);
    expect(countLines("a\n\nb")).toBe(3);
    expect(countLines("\n")).toBe(1);
  });
});
