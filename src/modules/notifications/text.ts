// A notification in words: its kind's sentence from the catalogue, filled with its parameters in
// the reader's language. Pure, so the bell, the list and the mail job word it the same way.
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { formatDate, formatNumber } from "@/lib/format";
import { formatQuarter } from "@/lib/periods";
import { KIND_CATEGORY, type NotificationKind } from "./categories";

type Params = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Longest comment a notification quotes; the item's page holds the whole of it. */
export const QUOTE_MAX = 300;

/** A comment cut to `max` characters (whole code points), for storing in a notification. */
export function quote(s: string | null | undefined, max = QUOTE_MAX): string {
  const chars = [...(s ?? "").trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

export function isKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(KIND_CATEGORY, kind);
}

/**
 * The sentence of a notification. Names come in both languages where there are two (`item` and
 * `itemEn`, `agency` and `agencyEn`); a quarter is stored as `year` and `quarter` and worded in
 * the reader's language, else `period` is shown as stored. An unknown kind reads as its name.
 */
export function notificationText(lang: Lang, kind: string, params: unknown): string {
  const p: Params = params && typeof params === "object" && !Array.isArray(params) ? (params as Params) : {};
  if (!isKind(kind)) return kind;
  const pick = (key: string) => (lang === "en" ? (str(p[`${key}En`]) ?? str(p[key])) : str(p[key])) ?? "";
  const year = Number(p.year);
  const quarter = Number(p.quarter);
  const period =
    Number.isInteger(year) && Number.isInteger(quarter) && quarter >= 1 && quarter <= 4
      ? formatQuarter({ year, quarter }, lang)
      : (str(p.period) ?? "");
  const count = typeof p.count === "number" ? formatNumber(p.count, lang) : (str(p.count) ?? "");
  return fill(getMessages(lang).notifications.kinds[kind], {
    item: pick("item"),
    agency: pick("agency"),
    who: str(p.who) ?? "",
    comment: str(p.comment) ?? "",
    period,
    count,
    // A stored ISO date is worded in the reader's language; one stored already worded is kept.
    due: typeof p.due === "string" && /^\d{4}-\d{2}-\d{2}/.test(p.due) ? formatDate(p.due, lang) : (str(p.due) ?? ""),
  });
}
