// Mail settings of this process, from the environment (src/server/env.ts). The transport itself
// (nodemailer) is made only by the job worker (./transport.ts): pages and actions only write rows.
import { siteUrl } from "@/modules/documents/seo";
import { env } from "@/server/env";
import type { MailTransport } from "./transport";

export type MailSettings = {
  /** SMTP configured: new mails start PENDING (to be sent), else OUTBOX (kept for the administrator). */
  smtp: boolean;
  from: string;
  /** The portal's public origin for links in mails (NEXTAUTH_URL). */
  baseUrl: string;
};
export type MailConfig = MailSettings & { transport: MailTransport | null };

export function mailSettings(): MailSettings {
  return { smtp: !!env.SMTP_URL, from: env.MAIL_FROM, baseUrl: siteUrl() };
}
