import { en } from "@/messages/en";
import { vi, type Messages } from "@/messages/vi";
import type { Lang } from "./config";

export type { Messages };

export function getMessages(lang: Lang): Messages {
  return lang === "en" ? en : vi;
}

/** Fills "{name}" placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
