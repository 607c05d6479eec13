// Pure rules behind the public pages' few interactive parts. They are shared by the React
// components (pages rendered by Next for signed-in visitors and client-side navigations) and by
// the small script that enhances the script-free pages anonymous visitors get (./lite.ts), so the
// two can never disagree.
import { containsWords, foldText } from "../text";

export type CardQuery = { q: string; pillar: string; status: string };
/** What an indicator card carries in its data attributes (data-search, data-pillar, data-statuses). */
export type CardData = { search?: string; pillar?: string; statuses?: string };

/** The scorecard filter's form values, folded as the cards' data-search is (cardSearch). */
export function cardQuery(get: (name: string) => unknown): CardQuery {
  const s = (name: string) => String(get(name) ?? "");
  return { q: foldText(s("q")), pillar: s("pillar"), status: s("status") };
}

/** A card's data-search: its names and code, folded, so a query typed without accents finds it. */
export function cardSearch(...parts: string[]): string {
  return foldText(parts.join(" "));
}

export function cardMatches(card: CardData, f: CardQuery): boolean {
  return (
    (!f.q || containsWords(card.search ?? "", f.q)) &&
    (!f.pillar || card.pillar === f.pillar) &&
    (!f.status || (card.statuses ?? "").split(" ").includes(f.status))
  );
}

/** "Đang hiển thị {count} chỉ số" with the count filled in. */
export function shownText(template: string, count: number): string {
  return template.replace("{count}", String(count));
}

/** Index of the chart point nearest to x (both in percent of the plot width). */
export function nearestPoint(xs: number[], x: number): number {
  let best = 0;
  xs.forEach((px, i) => {
    if (Math.abs(px - x) < Math.abs(xs[best] - x)) best = i;
  });
  return best;
}

/**
 * The chart read-out after a key press: the point to show, "hide" (Escape), or null when the key
 * is not the chart's. Arrow keys step, Home and End jump to the first and last quarter.
 */
export function pointerKey(key: string, active: number | null, count: number): number | "hide" | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case "ArrowRight":
      return Math.min(last, (active ?? -1) + 1);
    case "ArrowLeft":
      return Math.max(0, (active ?? last + 1) - 1);
    case "Home":
      return 0;
    case "End":
      return last;
    case "Escape":
      return "hide";
    default:
      return null;
  }
}

/** The archive picker's destination: the scorecard as published at the end of `period`, or today's. */
export function archiveHref(lang: string, period: string): string {
  return /^\d{4}-Q[1-4]$/.test(period) ? `/${lang}/archive/${period}` : `/${lang}`;
}

/** The other language's link keeps the page's query string (filters), which only the browser knows. */
export function withQuery(href: string, search: string): string {
  const base = href.split("?")[0];
  return search && search !== "?" ? `${base}${search.startsWith("?") ? search : `?${search}`}` : base;
}
