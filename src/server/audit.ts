import type { Prisma } from "@/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  actor: { id: number; email: string } | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  agencyId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/** Appends one row to the audit log (the table refuses updates and deletes). */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: e.actor?.id ?? null,
      actorEmail: e.actor?.email ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId == null ? null : String(e.entityId),
      agencyId: e.agencyId ?? null,
      before: e.before === undefined ? undefined : (JSON.parse(JSON.stringify(e.before)) as Prisma.InputJsonValue),
      after: e.after === undefined ? undefined : (JSON.parse(JSON.stringify(e.after)) as Prisma.InputJsonValue),
      reason: e.reason ?? null,
    },
  });
}
