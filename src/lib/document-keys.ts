// Document keys that were published under a misprinted number and later corrected. Old links
// (bookmarks, citations, API clients) keep working: the front server answers them with a
// permanent redirect to the corrected key, for pages and the API alike.

/** Old key → the key in use. 4437/QĐ-TTg was the header's misprint of 1437/QĐ-TTg (20/11/2024). */
const DOCUMENT_KEY_ALIASES: Readonly<Record<string, string>> = { "4437-2024": "1437-2024" };

// Path segments that hold a document key: /{lang}/decisions/{key}, /{lang}/documents/{key},
// /api/v1/decisions/{key}. Query parameter: ?decision={key} (task list, indicators, statuses, CSVs).
const KEYED_PATH = /^(\/(?:vi|en)\/(?:decisions|documents)\/|\/api\/v1\/decisions\/)([^/?#]+)(\/?.*)$/;

/** Where a URL that names a document by an old key now lives, or null when it needs no redirect. */
export function canonicalDocumentUrl(url: string | undefined): string | null {
  if (!url || url.length > 4096) return null;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? "" : url.slice(q + 1);
  let changed = false;
  let newPath = path;
  const m = KEYED_PATH.exec(path);
  if (m && DOCUMENT_KEY_ALIASES[m[2]]) {
    newPath = m[1] + DOCUMENT_KEY_ALIASES[m[2]] + m[3];
    changed = true;
  }
  let newSearch = search;
  if (search) {
    const params = new URLSearchParams(search);
    const decision = params.get("decision");
    if (decision && DOCUMENT_KEY_ALIASES[decision]) {
      params.set("decision", DOCUMENT_KEY_ALIASES[decision]);
      newSearch = params.toString();
      changed = true;
    }
  }
  if (!changed) return null;
  return newSearch ? `${newPath}?${newSearch}` : newPath;
}
