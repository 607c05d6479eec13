"use server";
import { headers } from "next/headers";
import { msg } from "@/i18n/translate";
import type { ActionResult } from "@/server/action";
import { publicAction, toResult } from "@/server/action";
import { clientAddressFromHeaders } from "@/server/client-address";
import { audit } from "@/server/audit";
import { requireUser } from "@/server/current-user";
import { db } from "@/server/db";
import { endAllSessions } from "@/server/sessions";
import { vi } from "@/messages/vi";
import { requestPasswordReset, resetPasswordWithToken } from "./reset";
import { forgotPasswordSchema, resetPasswordSchema } from "./schemas";

/**
 * Ends every session of the signed-in user, this one included: for a lost or shared device. The
 * session version moves too, so even a cookie whose row were somehow missed is refused.
 */
export async function signOutEverywhere(): Promise<ActionResult<{ ended: number }>> {
  try {
    const user = await requireUser();
    const ended = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
      const n = await endAllSessions(user.id, "everywhere", tx);
      await audit(tx, {
        actor: user,
        action: "auth.signOutEverywhere",
        entityType: "User",
        entityId: user.id,
        agencyId: user.agencyId,
        after: { sessionsEnded: n },
      });
      return n;
    });
    return { ok: true, message: vi.auth.signedOutEverywhere, data: { ended } };
  } catch (e) {
    return toResult(e) as ActionResult<{ ended: number }>;
  }
}

/** Marks the user's sign-in notices (failed sign-ins for their account) as seen. */
export async function dismissNotices(): Promise<ActionResult> {
  try {
    const user = await requireUser();
    await db.userNotice.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
    return { ok: true };
  } catch (e) {
    return toResult(e);
  }
}

/** The client address the front server resolved; none outside a request (tests calling the action). */
async function requestAddress(): Promise<string | null> {
  try {
    return clientAddressFromHeaders(Object.fromEntries((await headers()).entries()));
  } catch {
    return null;
  }
}

/**
 * Forgot password: the same answer whether or not the address has an account, is active or has
 * used up its hour (src/modules/auth/reset.ts); only a malformed address is refused.
 */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async (input) => {
  await requestPasswordReset(input.email, await requestAddress());
  return { ok: true, message: msg("mail.forgot.sent") };
});

/** A new password from a reset link: the token works once, within the hour. */
export const resetForgottenPasswordAction = publicAction(resetPasswordSchema, async (input) => {
  await resetPasswordWithToken(input);
  return { ok: true, message: msg("mail.resetPage.done") };
});
