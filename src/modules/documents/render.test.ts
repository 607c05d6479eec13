import { describe, expect, it } from "vitest";
import { linesHtml } from "./render";

describe("linesHtml", () => {
  it("writes one anchored, numbered line per source line and escapes the text", () => {
    const html = linesHtml(["<p>Điều 1</p>", "", 'a "b" & c'], new Uint8Array(4), new Map());
    expect(html).toBe(
      '<div id="L1"><a href="#L1">1</a>&lt;p&gt;Điều 1&lt;/p&gt;</div>' +
        '<div id="L2"><a href="#L2">2</a></div>' +
        '<div id="L3"><a href="#L3">3</a>a &quot;b&quot; &amp; c</div>',
    );
  });

  it("marks cited lines and links the first one back to its item", () => {
    const cited = Uint8Array.from([0, 1, 1, 0]);
    const html = linesHtml(
      ["x", "y", "z"],
      cited,
      new Map([[1, [{ href: '/vi/decisions/411-2022#t"1', label: "Chỉ tiêu <2025>" }]]]),
    );
    expect(html).toMatch(
      /^<div id="L1" class="[^"]+"><a href="#L1">1<\/a><mark class="[^"]+">x<\/mark><span class="[^"]+"><a href="\/vi\/decisions\/411-2022#t&quot;1" [^>]*>→ Chỉ tiêu &lt;2025&gt;<\/a><\/span><\/div>/,
    );
    expect(html).toContain('<div id="L2" class="');
    expect(html).toContain('<div id="L3"><a href="#L3">3</a>z</div>');
  });
});
