import { createElement as h, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { staticMarkup } from "./static-markup";

function Badge({ status, label }: { status: string; label: string }) {
  return h(
    "span",
    { className: "status-badge", "data-status": status },
    h("span", { "aria-hidden": "true" }, "✔"),
    label,
  );
}

describe("staticMarkup", () => {
  it("writes the same HTML as React for host elements, fragments, lists and plain components", () => {
    const tree = h(
      Fragment,
      null,
      [1, 2].map((i) =>
        h(
          "li",
          {
            key: i,
            "data-card": true,
            "data-search": `tỷ trọng "kinh tế" <số> & ${i}`,
            className: "indicator-card",
            hidden: i === 2,
            tabIndex: 0,
          },
          h(
            "h3",
            null,
            h("a", { href: `/vi/indicators/x-${i}?a=1&b=2`, hrefLang: "vi" }, "Tên ", i, " ", null, false, "chỉ số"),
          ),
          h("label", { htmlFor: "q" }, "A ", h("br"), "B"),
          h(Badge, { status: "ACHIEVED", label: "Đạt" }),
        ),
      ),
    );
    expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
    expect(staticMarkup(tree)).toContain('data-search="tỷ trọng &quot;kinh tế&quot; &lt;số&gt; &amp; 1"');
  });

  it("refuses what is not static markup", () => {
    expect(() => staticMarkup(h("button", { onClick: () => {} }, "x"))).toThrow(/not static markup/);
    expect(() => staticMarkup(h("p", { style: { color: "red" } }))).toThrow(/not static markup/);
    expect(() => staticMarkup(h(async () => h("p")))).toThrow(/async/);
  });
});
