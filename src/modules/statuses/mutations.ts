import "server-only";
import { clockNow } from "@/server/clock";
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/server/errors";
import { msg } from "@/i18n/translate";
import { can } from "@/server/permissions";
import { refreshPublicPages } from "@/server/public-cache";
import { bumpPublicVersion } from "@/server/public-version";

/** A reviewer replaces a target's computed status with a judgement; who, when and why are kept. */
export async function overrideStatus(user: SessionUser, input: { targetId: number; status: string; reason: string }) {
  if (!can(user.role, "reporting.review")) throw new ForbiddenError();
  const reason = input.reason.trim();
  // Invisible format characters (zero-width spaces, direction marks) do not make a reason.
  if (reason.replace(/\p{Cf}/gu, "").trim().length < 5)
    throw new ValidationError({ reason: [msg("errors.statuses.reasonRequired")] });
  const target = await db.target.findUnique({ where: { id: input.targetId }, select: { id: true, key: true } });
  if (!target) throw new NotFoundError(msg("errors.statuses.targetMissing"));
  await db.$transaction(async (tx) => {
    const previous = await tx.statusOverride.findFirst({
      where: { targetId: target.id, revokedAt: null },
      orderBy: { createdAt: "desc" },
    });
    // The previous judgement is closed, not changed: both stay in the history.
    if (previous)
      await tx.statusOverride.update({
        where: { id: previous.id },
        data: { revokedAt: clockNow(), revokedById: user.id },
      });
    const o = await tx.statusOverride.create({
      data: { targetId: target.id, status: input.status, reason, userId: user.id, createdAt: clockNow() },
    });
    await audit(tx, {
      actor: user,
      action: "status.override",
      entityType: "Target",
      entityId: target.key,
      before: previous ? { status: previous.status } : null,
      after: { status: o.status },
      reason,
    });
    await bumpPublicVersion(tx);
  });
  await refreshPublicPages();
}

export async function revokeOverride(user: SessionUser, input: { targetId: number; reason: string }) {
  if (!can(user.role, "reporting.review")) throw new ForbiddenError();
  const current = await db.statusOverride.findFirst({
    where: { targetId: input.targetId, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  if (!current) throw new NotFoundError(msg("errors.statuses.noOverride"));
  await db.$transaction(async (tx) => {
    await tx.statusOverride.update({
      where: { id: current.id },
      data: { revokedAt: clockNow(), revokedById: user.id },
    });
    await audit(tx, {
      actor: user,
      action: "status.override.revoke",
      entityType: "Target",
      entityId: String(input.targetId),
      before: { status: current.status },
      after: null,
      reason: input.reason || null,
    });
    await bumpPublicVersion(tx);
  });
  await refreshPublicPages();
}
