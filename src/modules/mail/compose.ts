// What each mail says, in the recipient's language, from the catalogue (src/messages/mail.ts).
// Pure: the mail jobs fetch the rows, these functions write the words, render.ts the markup.
import type { Lang } from "@/i18n/config";
import { fill, getMessages } from "@/i18n/messages";
import { formatDate, formatNumber } from "@/lib/format";
import { formatQuarter, parsePeriodKey } from "@/lib/periods";
import { CATEGORIES, type Category, type NotificationKind } from "@/modules/notifications/categories";
import { notificationText } from "@/modules/notifications/text";
import type { MailContent } from "./render";

export type Recipient = { email: string; name: string; lang: Lang };
export type MailNotification = { kind: string; category: string; params: unknown; href: string };

export function langOf(s: string | null | undefined): Lang {
  return s === "en" ? "en" : "vi";
}

/** A portal link in the reader's language; a stored href that is not a plain path opens the home page. */
export function portalLink(baseUrl: string, lang: Lang, href: string): string {
  const path = /^\/(?!\/)[^\s\\]*$/.test(href) ? href : "";
  return `${baseUrl}/${lang}${path}`;
}

/** The parameters as the reader reads them: "Quý III/2026", "30/11/2026", "1.234". */
function displayParams(lang: Lang, params: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!params || typeof params !== "object" || Array.isArray(params)) return out;
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (typeof v === "number") out[k] = formatNumber(v, lang);
    else if (typeof v === "string") {
      const q = k === "period" ? parsePeriodKey(v) : null;
      if (q) out[k] = formatQuarter(q, lang);
      else if ((k === "due" || k === "locks") && !Number.isNaN(Date.parse(v))) out[k] = formatDate(v, lang);
      else out[k] = v;
    }
  }
  return out;
}

const ITEM_KINDS = new Set(["RETURNED", "APPROVED", "REOPENED", "RESUBMITTED", "COMMENT", "MENTION", "TASK_OWNER"]);

/** Subject line and sentence of one notification. */
export function describe(lang: Lang, n: MailNotification): { subject: string; body: string } {
  const kinds = getMessages(lang).mail.kinds as Record<string, { subject: string; body: string }>;
  const t = kinds[n.kind as NotificationKind] ?? kinds.COMMENT;
  const values = displayParams(lang, n.params);
  // An item's news (returned with its comment, a reply, a task given) says in the mail what the
  // bell says: the item's name and the comment, worded by notifications/text.ts.
  const named = ITEM_KINDS.has(n.kind) && typeof (n.params as { item?: unknown } | null)?.item === "string";
  const body = named ? notificationText(lang, n.kind, n.params) : fill(t.body, values);
  return { subject: fill(t.subject, values), body };
}

export function categoryName(lang: Lang, category: string): string {
  const names = getMessages(lang).mail.categories as Record<string, string>;
  return names[category] ?? category;
}

export function isCategory(s: string): s is Category {
  return (CATEGORIES as readonly string[]).includes(s);
}

function footer(lang: Lang, r: Recipient): string[] {
  const m = getMessages(lang).mail;
  return [m.signature, fill(m.whyReceived, { email: r.email }), m.automated];
}

export type UnsubscribeLink = { categories: string[]; url: string };

function unsubscribeLinks(lang: Lang, links: UnsubscribeLink[]) {
  const m = getMessages(lang).mail;
  return links.map((l) => ({
    label: fill(m.unsubscribe, { category: l.categories.map((c) => categoryName(lang, c)).join(", ") }),
    url: l.url,
  }));
}

/** One notification, mailed at once. */
export function composeInstant(
  r: Recipient,
  n: MailNotification,
  o: { baseUrl: string; unsubscribe: UnsubscribeLink },
): MailContent {
  const m = getMessages(r.lang).mail;
  const d = describe(r.lang, n);
  return {
    subject: d.subject,
    greeting: fill(m.greeting, { name: r.name }),
    paragraphs: [d.body],
    action: { label: m.open, url: portalLink(o.baseUrl, r.lang, n.href) },
    footer: footer(r.lang, r),
    unsubscribe: unsubscribeLinks(r.lang, [o.unsubscribe]),
  };
}

/** The day's notifications in one mail, one line each, with a link per category to turn it off. */
export function composeDigest(
  r: Recipient,
  list: MailNotification[],
  o: { baseUrl: string; day: string; unsubscribe: UnsubscribeLink[] },
): MailContent {
  const m = getMessages(r.lang).mail;
  const count = formatNumber(list.length, r.lang);
  return {
    subject: fill(m.digest.subject, { day: formatDate(o.day, r.lang), count }),
    greeting: fill(m.greeting, { name: r.name }),
    paragraphs: [fill(m.digest.intro, { count })],
    items: list.map((n) => {
      const d = describe(r.lang, n);
      return { text: d.body, url: portalLink(o.baseUrl, r.lang, n.href) };
    }),
    footer: footer(r.lang, r),
    unsubscribe: unsubscribeLinks(r.lang, o.unsubscribe),
  };
}

/** The password reset link. */
export function composeReset(r: Recipient, url: string): MailContent {
  const m = getMessages(r.lang).mail;
  return {
    subject: m.reset.subject,
    greeting: fill(m.greeting, { name: r.name }),
    paragraphs: [fill(m.reset.body, { email: r.email }), m.reset.expires],
    action: { label: m.reset.action, url },
    footer: footer(r.lang, r),
  };
}
