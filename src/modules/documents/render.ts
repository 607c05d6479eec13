// The numbered lines of a source document as one HTML string. The largest document has ~3,400
// lines: as React elements they would be written twice (HTML and the RSC payload, ~1.4 MB) and
// hydrated one by one; as one string they are written once per form and never hydrated.
// Every piece of text is escaped here; hrefs are built from validated keys and escaped too.

export type LineRef = { href: string; label: string };

const CITED = "bg-amber-50 shadow-[inset_4px_0_0_#f59e0b]";
const MARK = "bg-amber-100 text-slate-900";
const REFS = "ml-3 whitespace-normal font-sans text-xs";
const REF = "mr-2 text-brand-700 underline";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * `<div id="L12"><a href="#L12">12</a>text</div>` per line. Cited lines (cited[n] = 1) are marked
 * and carry a left border; the first line of each cited item is followed by links back to it.
 */
export function linesHtml(
  lines: readonly string[],
  cited: Uint8Array,
  refs: ReadonlyMap<number, readonly LineRef[]>,
): string {
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const text = escapeHtml(lines[i]);
    const here = refs.get(n);
    const links = here
      ? `<span class="${REFS}">${here.map((r) => `<a href="${escapeHtml(r.href)}" class="${REF}" data-testid="source-ref">→ ${escapeHtml(r.label)}</a>`).join("")}</span>`
      : "";
    out[i] = cited[n]
      ? `<div id="L${n}" class="${CITED}"><a href="#L${n}">${n}</a><mark class="${MARK}">${text}</mark>${links}</div>`
      : `<div id="L${n}"><a href="#L${n}">${n}</a>${text}${links}</div>`;
  }
  return out.join("");
}
