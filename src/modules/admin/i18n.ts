// The admin screens' messages in the page's language, and the English text of a message the
// server returned (the server answers in Vietnamese, the default language).
import type { Lang } from "@/i18n/config";
import { adminEn, adminVi } from "@/messages/admin";

export type AdminMessages = typeof adminVi;

export function adminMessages(lang: Lang): AdminMessages {
  return lang === "en" ? adminEn : adminVi;
}

const keyOf = new Map(Object.entries(adminVi.server).map(([k, v]) => [v, k as keyof typeof adminVi.server]));

/** A server message in the page's language; a text not in the table is shown as it came. */
export function translateServer(text: string, lang: Lang): string {
  if (lang === "vi") return text;
  const k = keyOf.get(text);
  return k ? adminEn.server[k] : text;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
