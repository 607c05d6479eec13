import { z } from "zod";
import { BACKUP_NAME } from "@/server/ops/backup-files";
import { opsVi } from "@/messages/ops";

/** A backup's file name as a request names it: only the names the portal itself writes. */
export const backupName = z.string().max(100, opsVi.backups.notFound).regex(BACKUP_NAME, opsVi.backups.notFound);
