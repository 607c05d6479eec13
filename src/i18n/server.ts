import { notFound } from "next/navigation";
import { isLang, type Lang } from "./config";
import { getMessages } from "./messages";

/** Resolves the [lang] route segment; anything else is a 404. */
export async function resolveLang(params: Promise<{ lang: string }>) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return { lang: lang as Lang, m: getMessages(lang) };
}
