// Small text helpers for reading Vietnamese documents: diacritic-free folding that keeps offsets,
// numbers as Vietnamese prints them, roman numerals. Pure.

/**
 * Vietnamese capital letters, spelled out: a regular expression stored in a seed file is compiled
 * without the `u` flag (src/server/seed/verify.ts), so \p{Lu} is not available there.
 */
export const VI_UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ";
export const VI_UPPER_RE = new RegExp(`[${VI_UPPER}]`);

/**
 * Lower case without diacritics, one output character per input character, so an offset found in
 * the folded text is the offset in the original (foldText in src/lib/text.ts also collapses spaces,
 * which moves offsets). A stray combining mark (a text not in NFC) becomes a space.
 */
export function fold(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "đ" || ch === "Đ") {
      out += "d";
      continue;
    }
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const c = base.length === 0 ? " " : base.toLowerCase();
    // Characters outside the BMP keep their two code units so offsets stay aligned.
    out += c.length === ch.length ? c : ch.length === 1 ? c[0] : ch;
  }
  return out;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Words of a folded text (letters and digits), for comparing names. */
export function words(s: string): string[] {
  return fold(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of a roman numeral (I to CXC), or null when `s` is not one. */
export function romanValue(s: string): number | null {
  if (!/^(?:C{0,1}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))$/.test(s) || s === "") return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export type ParsedNumber = { value: number; ambiguous: boolean };

/**
 * A number as printed in a Vietnamese document. Vietnamese groups thousands with dots and writes
 * decimals with a comma ("8.500" = 8500, "20,5" = 20.5); drafts and press copies sometimes use the
 * English convention ("80,000", "1,000,000"). A single group of exactly three digits after a comma
 * is read as thousands and reported ambiguous; so is a dot followed by one or two digits (an
 * English decimal).
 */
export function parseViNumber(printed: string): ParsedNumber | null {
  const s = printed.trim();
  if (/^\d+$/.test(s)) return { value: Number(s), ambiguous: false };
  // Vietnamese: 1.000.000 or 8.500,5
  let m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s);
  if (m) return { value: Number(m[1].replace(/\./g, "") + (m[2] ? `.${m[2]}` : "")), ambiguous: false };
  // English thousands: 1,000,000 or 80,000 (one group: could be a Vietnamese decimal).
  m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(s);
  if (m) {
    const groups = m[1].split(",").length - 1;
    return { value: Number(m[1].replace(/,/g, "") + (m[2] ? `.${m[2]}` : "")), ambiguous: groups === 1 && !m[2] };
  }
  // Vietnamese decimal: 20,5
  m = /^(\d+),(\d+)$/.exec(s);
  if (m) return { value: Number(`${m[1]}.${m[2]}`), ambiguous: false };
  // English decimal: 1.5
  m = /^(\d+)\.(\d+)$/.exec(s);
  if (m) return { value: Number(`${m[1]}.${m[2]}`), ambiguous: true };
  return null;
}

/** A kebab-case code from Vietnamese words, at most `max` words. */
export function slug(s: string, max = 6): string {
  return words(s).slice(0, max).join("-");
}
