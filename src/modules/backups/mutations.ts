import "server-only";
// A download hands out the whole database: who took which backup is kept in the audit log.
import { audit } from "@/server/audit";
import type { SessionUser } from "@/server/current-user";
import { db } from "@/server/db";

export async function recordBackupDownload(user: SessionUser, name: string, bytes: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await audit(tx, { actor: user, action: "backup.download", entityType: "Backup", entityId: name, after: { bytes } });
  });
}
