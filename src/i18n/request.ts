// The language of a request that has no /vi/ or /en/ in its path (API calls, server actions):
// an explicit `lang` wins, then the Accept-Language header, then Vietnamese.
import { DEFAULT_LANG, isLang, type Lang } from "./config";

/** The best of our languages in an Accept-Language header ("en-GB,en;q=0.9,vi;q=0.5" → en). */
export function langFromAcceptLanguage(header: string | null | undefined): Lang | null {
  if (!header) return null;
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(",").slice(0, 20)) {
    const [tag, ...rest] = part.trim().split(";");
    const base = tag.trim().toLowerCase().split("-")[0];
    const qParam = rest.map((r) => r.trim()).find((r) => r.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLang(base) || !Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: base, q };
  }
  return best?.lang ?? null;
}

/** The language of the page a path belongs to ("/en/reporting" → en), if it names one. */
export function langFromPath(path: string | null | undefined): Lang | null {
  const first = (path ?? "").split("?")[0].split("/")[1];
  return isLang(first) ? first : null;
}

/** `?lang=` (or a form's `lang` field), else Accept-Language, else Vietnamese. */
export function requestLang(explicit: unknown, acceptLanguage: string | null | undefined): Lang {
  if (isLang(explicit)) return explicit;
  return langFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANG;
}
