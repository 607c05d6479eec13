import "server-only";
// "Forgot password": a one-time link by email. The request always gets the same answer (whether
// the account exists is never told); a link is written only for an active account, at most
// RESET_PER_ACCOUNT an hour per account and RESET_PER_CLIENT an hour per client address, so an
// anonymous visitor can neither flood an inbox nor make the portal write mail without end. The
// link's token is 32 random bytes, stored as its SHA-256, valid for an hour and once.
import { msg } from "@/i18n/translate";
import { composeReset, langOf } from "@/modules/mail/compose";
import { mailSettings, type MailSettings } from "@/modules/mail/config";
import { queueMail } from "@/modules/mail/mutations";
import { renderMail } from "@/modules/mail/render";
import { hashToken, isTokenShaped, newToken, RESET_TTL_MS } from "@/modules/mail/tokens";
import { audit } from "@/server/audit";
import { clockNow } from "@/server/clock";
import { db } from "@/server/db";
import { AppError, ValidationError } from "@/server/errors";
import { hashPassword, passwordProblems } from "@/server/password";
import { endAllSessions } from "@/server/sessions";

const HOUR_MS = 60 * 60_000;
export const RESET_PER_ACCOUNT = 3;
export const RESET_PER_CLIENT = 10;

export type ResetRequestOutcome = "sent" | "unknown" | "throttled";

/**
 * Writes a reset mail for `email` when it names an active account and neither the account nor
 * the client address has used up its hour; the caller answers the same whatever the outcome.
 */
export async function requestPasswordReset(
  email: string,
  ip: string | null,
  now = clockNow(),
  settings: MailSettings = mailSettings(),
): Promise<ResetRequestOutcome> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, lang: true, agencyId: true },
  });
  if (!user || !user.active) return "unknown";
  return db.$transaction(async (tx) => {
    // One request per account at a time, so parallel requests cannot all pass the count.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`password-reset:${user.id}`}))`;
    const since = new Date(now.getTime() - HOUR_MS);
    const recent = await tx.emailToken.count({
      where: { userId: user.id, purpose: "RESET", createdAt: { gte: since } },
    });
    // The per-address count reads audit rows, which PostgreSQL stamps: measured on the machine's
    // clock like them (the portal clock may be moved by NOW).
    const fromClient = ip
      ? await tx.auditLog.count({
          where: {
            action: "auth.passwordResetRequested",
            at: { gte: new Date(Date.now() - HOUR_MS) },
            after: { path: ["ip"], equals: ip },
          },
        })
      : 0;
    if (recent >= RESET_PER_ACCOUNT || fromClient >= RESET_PER_CLIENT) return "throttled" as const;
    const { token, hash } = newToken();
    const row = await tx.emailToken.create({
      data: {
        purpose: "RESET",
        tokenHash: hash,
        userId: user.id,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
        createdAt: now,
      },
      select: { id: true },
    });
    const lang = langOf(user.lang);
    const url = `${settings.baseUrl}/${lang}/reset-password?token=${token}`;
    const mail = renderMail(composeReset({ email: user.email, name: user.name, lang }, url));
    await queueMail(
      tx,
      settings,
      { key: `reset:${row.id}`, userId: user.id, to: user.email, lang, category: "account", mail },
      now,
    );
    await audit(tx, {
      actor: null,
      action: "auth.passwordResetRequested",
      entityType: "User",
      entityId: user.id,
      agencyId: user.agencyId,
      after: { ip, tokenId: row.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS).toISOString() },
    });
    return "sent" as const;
  });
}

export type TokenState = { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" };

/** What a reset link's page shows before the form is sent: for whom, or why it cannot be used. */
export async function resetTokenState(token: unknown, now = clockNow()): Promise<TokenState> {
  if (!isTokenShaped(token)) return { ok: false, reason: "invalid" };
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!row || row.purpose !== "RESET" || row.usedAt || !row.user.active) return { ok: false, reason: "invalid" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, email: row.user.email };
}

const refused = (reason: "invalid" | "expired") =>
  new AppError(msg(reason === "expired" ? "mail.resetPage.expired" : "mail.resetPage.invalid"), 400);

/**
 * Sets the new password with a reset link's token, once: the token is taken with a conditional
 * update in the same transaction, every session ends and the session version moves, so a cookie
 * from before the reset is refused everywhere.
 */
export async function resetPasswordWithToken(
  input: { token: string; password: string; confirm: string },
  now = clockNow(),
): Promise<{ email: string }> {
  const problems = passwordProblems(input.password);
  if (problems.length) throw new ValidationError({ password: problems });
  if (input.password !== input.confirm) throw new ValidationError({ confirm: [msg("mail.resetPage.mismatch")] });
  if (!isTokenShaped(input.token)) throw refused("invalid");
  const state = await resetTokenState(input.token, now);
  if (!state.ok) throw refused(state.reason);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const row = await tx.emailToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: {
        id: true,
        userId: true,
        expiresAt: true,
        user: { select: { email: true, agencyId: true, active: true } },
      },
    });
    if (!row || !row.user.active) throw refused("invalid");
    if (row.expiresAt <= now) throw refused("expired");
    const taken = await tx.emailToken.updateMany({
      where: { id: row.id, purpose: "RESET", usedAt: null },
      data: { usedAt: now },
    });
    if (taken.count !== 1) throw refused("invalid");
    const updated = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    const ended = await endAllSessions(row.userId, "password", tx);
    await audit(tx, {
      actor: { id: row.userId, email: row.user.email },
      action: "auth.passwordReset",
      entityType: "User",
      entityId: row.userId,
      agencyId: row.user.agencyId,
      after: { tokenId: row.id, sessionVersion: updated.sessionVersion, sessionsEnded: ended },
    });
    return { email: row.user.email };
  });
}
