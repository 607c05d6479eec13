// A minimal streaming XML tokenizer for spreadsheet parts: tags and text arrive chunk by chunk,
// nothing is kept but the unfinished tail of the last chunk and the text the caller asked to
// capture. No DOM, no entity expansion beyond the five predefined entities and character
// references (so no "billion laughs"), no DTD.

export class XmlError extends Error {
  constructor(
    readonly code: "MALFORMED" | "CELL_TOO_LONG" | "TOO_MANY_CELLS" | "TOO_MANY_ROWS",
    message = code,
  ) {
    super(message);
  }
}

export type Attrs = Record<string, string>;

export type XmlHandler = {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags; only called while `capturing()` is true. */
  text(s: string): void;
  capturing(): boolean;
};

/** Longest tag (or comment, CDATA section) the tokenizer waits for before calling the file malformed. */
const MAX_TAG = 256 * 1024;

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The five predefined entities and numeric character references; anything else stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e] ?? m;
  });
}

/** OOXML's escape for characters XML cannot carry (`_x000D_`, `_x0000_`; `_x005F_` is "_"). */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes by local name (the namespace prefix dropped: `r:id` → `id`). */
export function parseAttrs(s: string): Attrs {
  const out: Attrs = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) {
    const name = m[1];
    const local = name.slice(name.indexOf(":") + 1);
    if (!(local in out) || name.includes(":")) out[local] = decodeEntities(m[2] ?? m[3] ?? "");
  }
  return out;
}

const localName = (qname: string) => qname.slice(qname.indexOf(":") + 1);

/** Feeds text chunks to a handler, tag by tag. */
export class XmlTokenizer {
  private buf = "";
  constructor(private readonly h: XmlHandler) {}

  push(chunk: string): void {
    const s = this.buf + chunk;
    this.buf = "";
    let pos = 0;
    while (pos < s.length) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        if (this.h.capturing()) this.h.text(decodeEntitiesSafe(s, pos, s.length, this));
        return;
      }
      if (lt > pos && this.h.capturing()) this.h.text(decodeEntitiesSafe(s, pos, lt, this));
      pos = lt;
      let end: number;
      if (s.startsWith("<!--", pos)) {
        end = s.indexOf("-->", pos + 4);
        if (end < 0) return this.keep(s, pos);
        pos = end + 3;
        continue;
      }
      if (s.startsWith("<![CDATA[", pos)) {
        end = s.indexOf("]]>", pos + 9);
        if (end < 0) return this.keep(s, pos);
        if (this.h.capturing()) this.h.text(s.slice(pos + 9, end));
        pos = end + 3;
        continue;
      }
      if (s.length - pos < 9 && "<![CDATA[".startsWith(s.slice(pos))) return this.keep(s, pos);
      end = s.indexOf(">", pos + 1);
      if (end < 0) return this.keep(s, pos);
      const c = s.charCodeAt(pos + 1);
      if (c === 0x3f /* ? */ || c === 0x21 /* ! */) {
        // Processing instruction or declaration. A DTD would need real parsing: refuse it.
        if (s.startsWith("<!DOCTYPE", pos)) throw new XmlError("MALFORMED");
        pos = end + 1;
        continue;
      }
      if (c === 0x2f /* / */) {
        this.h.close(localName(s.slice(pos + 2, end).trim()));
      } else {
        let body = s.slice(pos + 1, end);
        const selfClosing = body.endsWith("/");
        if (selfClosing) body = body.slice(0, -1);
        const sp = body.search(/\s/);
        const name = localName(sp < 0 ? body : body.slice(0, sp));
        this.h.open(name, sp < 0 ? {} : parseAttrs(body.slice(sp)), selfClosing);
        if (selfClosing) this.h.close(name);
      }
      pos = end + 1;
    }
  }

  /** Keeps an unfinished tag for the next chunk, up to a bound. */
  private keep(s: string, from: number): void {
    if (s.length - from > MAX_TAG) throw new XmlError("MALFORMED");
    this.buf = s.slice(from);
  }

  /** Text carried over because an entity was cut by the chunk boundary. */
  carry = "";

  end(): void {
    if (this.buf.trim()) throw new XmlError("MALFORMED");
  }
}

/** Decodes text between tags, holding back an entity cut by the chunk boundary. */
function decodeEntitiesSafe(s: string, from: number, to: number, t: XmlTokenizer): string {
  let text = t.carry + s.slice(from, to);
  t.carry = "";
  const amp = text.lastIndexOf("&");
  if (to === s.length && amp >= 0 && !text.includes(";", amp) && text.length - amp < 12) {
    t.carry = text.slice(amp);
    text = text.slice(0, amp);
  }
  return decodeEntities(text);
}

/** Parses a small, whole document (workbook, relationships, styles) into its open tags. */
export function tagsOf(xml: string, wanted: ReadonlySet<string>): { name: string; attrs: Attrs }[] {
  const out: { name: string; attrs: Attrs }[] = [];
  const t = new XmlTokenizer({
    open: (name, attrs) => {
      if (wanted.has(name)) out.push({ name, attrs });
    },
    close: () => {},
    text: () => {},
    capturing: () => false,
  });
  t.push(xml);
  t.end();
  return out;
}
