// Mentions in a comment are written "@" followed by the person's email address. Parsing is pure;
// who may be mentioned is decided in the mutation (same agency or the national team).

/** At most this many people are mentioned in one comment (a comment is not a mailing list). */
export const MAX_MENTIONS = 20;

// An address after "@" at the start or after a space or punctuation (not inside a word, so an
// address typed without "@" in front, "an@so.gov.vn", is not a mention). Trailing dots and
// commas end the sentence, not the address.
const MENTION = /(?<![\p{L}\p{N}_.@-])@([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24})/gu;

/** The distinct addresses mentioned in `body`, lower-cased, in order of first mention. */
export function parseMentions(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(MENTION)) {
    const email = m[1].replace(/\.+$/, "").toLowerCase();
    if (!out.includes(email)) out.push(email);
  }
  return out;
}
