// Messages by key: code that cannot know who will read a message (server errors, action results)
// names it by its key in the catalogue, with raw parameters, and the place that shows it
// translates it into the reader's language. Dates and numbers in the parameters are formatted
// then, in that language, so "3/12/2026 14:05" and "3 Dec 2026, 14:05" come from one value.
import { formatDateTime, formatNumber } from "@/lib/format";
import type { Lang } from "./config";
import { fill, getMessages, type Messages } from "./messages";

type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A dotted path to one string of the catalogue: "errors.reporting.stale". */
export type MessageKey = Paths<Messages>;

export type MsgParam = string | number | Date | null | undefined | Msg | (string | Msg)[];
export type Msg = { readonly key: MessageKey; readonly params?: Record<string, MsgParam> };
/** Literal text (already in the reader's language, or data such as a name) or a message by key. */
export type Text = string | Msg;

export const msg = (key: MessageKey, params?: Record<string, MsgParam>): Msg => ({ key, params });

export function isMsg(x: unknown): x is Msg {
  return typeof x === "object" && x !== null && typeof (x as Msg).key === "string" && !Array.isArray(x);
}

function lookup(lang: Lang, key: string): string | undefined {
  let node: unknown = getMessages(lang);
  for (const part of key.split("."))
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

function param(lang: Lang, v: MsgParam): string {
  if (v == null) return "";
  if (v instanceof Date) return formatDateTime(v, lang);
  if (typeof v === "number") return formatNumber(v, lang);
  if (Array.isArray(v)) return v.map((x) => translate(lang, x)).join(" ");
  return translate(lang, v);
}

/** The text in `lang`. MessageKey makes a key missing from the catalogue a type error. */
export function translate(lang: Lang, text: Text): string {
  if (typeof text === "string") return text;
  const template = lookup(lang, text.key) ?? text.key;
  if (!text.params) return template;
  return fill(template, Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, param(lang, v)])));
}

export function translateFields(
  lang: Lang,
  fields: Record<string, Text[]> | undefined,
): Record<string, string[]> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, list]) => [k, list.map((t) => translate(lang, t))]));
}
