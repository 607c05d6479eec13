"use server";
// Server actions of the bell: each works on the signed-in user's own notifications and settings
// only (the user is never read from the form).
import { redirect } from "next/navigation";
import { msg } from "@/i18n/translate";
import { action, actionLang, type ActionResult } from "@/server/action";
import { revalidate } from "@/server/public-cache";
import { z } from "zod";
import { markAllRead, markRead, savePreferences } from "./mutations";
import { notificationIdForm, parsePreferencesForm, preferencesForm } from "./schemas";

const markOne = action("notifications.read", notificationIdForm, async (user, input) => {
  const { href } = await markRead(user, input.id);
  return { ok: true, data: { href } };
});

/**
 * Opening a notification: marks it read, then goes to its item. The redirect happens outside the
 * action wrapper (which would take Next's redirect for an error) and only to a path inside the
 * portal.
 */
export async function openNotificationAction(prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await markOne(prev, formData);
  if (!r.ok) return r;
  const href = (r.data as { href: string }).href;
  const lang = await actionLang(formData);
  redirect(/^\/(?![/\\])/.test(href) ? `/${lang}${href}` : `/${lang}/notifications`);
}

export const markAllReadAction = action("notifications.read", z.object({}), async (user) => {
  const count = await markAllRead(user);
  revalidate("/[lang]/notifications", "page");
  return { ok: true, message: count ? msg("notifications.allMarked", { count }) : msg("notifications.noneToMark") };
});

export const savePreferencesAction = action(
  "notifications.read",
  preferencesForm,
  async (user, input) => {
    await savePreferences(user, input);
    return { ok: true, message: msg("notifications.preferences.saved") };
  },
  parsePreferencesForm,
);
