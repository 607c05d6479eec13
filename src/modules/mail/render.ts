// A mail as plain text and HTML from one description. Everything that comes from data (names,
// periods, comments, links) is escaped in the HTML part: a notification's parameters are typed by
// users. Pure.

export type MailLink = { label: string; url: string };
export type MailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** One line per item (a digest), each with its link. */
  items?: { text: string; url: string }[];
  action?: MailLink;
  footer: string[];
  unsubscribe?: MailLink[];
};
export type RenderedMail = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Only http(s) links are written into a mail: a stored href can never become a javascript: URL. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : "";
  } catch {
    return "";
  }
}

/** Control characters and line breaks out of a header value (Subject): no header injection. */
export function headerSafe(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .slice(0, 250);
}

export function renderMail(c: MailContent): RenderedMail {
  const text: string[] = [c.greeting, ""];
  const html: string[] = [`<p>${escapeHtml(c.greeting)}</p>`];
  for (const p of c.paragraphs) {
    text.push(p, "");
    html.push(`<p>${escapeHtml(p)}</p>`);
  }
  if (c.items?.length) {
    html.push("<ul>");
    for (const it of c.items) {
      const url = safeUrl(it.url);
      text.push(`- ${it.text}${url ? `\n  ${url}` : ""}`);
      html.push(
        url ? `<li><a href="${escapeHtml(url)}">${escapeHtml(it.text)}</a></li>` : `<li>${escapeHtml(it.text)}</li>`,
      );
    }
    text.push("");
    html.push("</ul>");
  }
  const action = c.action && safeUrl(c.action.url);
  if (c.action && action) {
    text.push(`${c.action.label}: ${action}`, "");
    html.push(`<p><a href="${escapeHtml(action)}">${escapeHtml(c.action.label)}</a></p>`);
  }
  text.push("--");
  html.push('<hr><p style="color:#555;font-size:12px">');
  html.push(c.footer.map(escapeHtml).join("<br>"));
  text.push(...c.footer);
  for (const u of c.unsubscribe ?? []) {
    const url = safeUrl(u.url);
    if (!url) continue;
    text.push(`${u.label}: ${url}`);
    html.push(`<br><a href="${escapeHtml(url)}">${escapeHtml(u.label)}</a>`);
  }
  html.push("</p>");
  const subject = headerSafe(c.subject);
  return {
    subject,
    text: text.join("\n"),
    html: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${html.join("\n")}</body></html>`,
  };
}
