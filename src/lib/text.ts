// Whitespace-normalised matching: the documents are OCR'd and break lines mid-sentence, so a
// quote is "verbatim" when it matches after runs of whitespace collapse to one space.

/**
 * Lower case without Vietnamese diacritics (đ → d included) and with runs of space collapsed, so
 * "kinh te so" finds "Kinh tế số": Vietnamese users often type without accents.
 */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Every word of `q` appears in `folded` (a text already passed through foldText). */
export function containsWords(folded: string, q: string): boolean {
  return foldText(q)
    .split(" ")
    .filter(Boolean)
    .every((w) => folded.includes(w));
}

export function normaliseWhitespace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** A document prepared for verbatim look-ups, mapping normalised offsets back to source lines. */
export class NormalisedText {
  readonly text: string;
  private readonly lineAt: Int32Array; // normalised offset → 1-based source line

  constructor(source: string) {
    let out = "";
    const lines: number[] = [];
    let line = 1;
    let pendingSpace = false;
    for (const ch of source) {
      if (ch === "\n") line++;
      if (/\s/.test(ch)) {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) {
        out += " ";
        lines.push(line);
        pendingSpace = false;
      }
      out += ch;
      for (let i = 0; i < ch.length; i++) lines.push(line);
    }
    this.text = out;
    this.lineAt = Int32Array.from(lines);
  }

  /** 1-based source lines on which the normalised quote starts, one per occurrence. */
  findLines(quote: string): number[] {
    const q = normaliseWhitespace(quote);
    if (!q) return [];
    const found: number[] = [];
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(q, from);
      if (at < 0) break;
      found.push(this.lineAt[at]);
      from = at + 1;
    }
    return found;
  }

  includes(quote: string): boolean {
    return this.findLines(quote).length > 0;
  }
}

/**
 * Whether `s` holds characters no text field may store: C0 control characters other than tab,
 * line feed and carriage return, DEL, and lone UTF-16 surrogates. PostgreSQL refuses NUL outright
 * (the save failed with an internal error) and would store a lone surrogate as U+FFFD, silently
 * changing what was typed; a form field is refused instead.
 */
export function hasUnstorableChars(s: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s) || !s.isWellFormed();
}
