// Sending through SMTP with nodemailer. Timeouts are short and explicit so a dead server fails the
// job (which is retried with backoff) instead of holding the worker.
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};
export type MailTransport = { send(m: OutgoingMail): Promise<{ messageId: string }>; close(): void };

export function smtpTransport(url: string): MailTransport {
  // The URL's own settings (host, port, auth, ?query options) win over these defaults.
  const t = nodemailer.createTransport({
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...parseConnectionUrl(url),
  });
  return {
    async send(m) {
      const info = await t.sendMail(m);
      return { messageId: String(info.messageId ?? "") };
    },
    close: () => t.close(),
  };
}
