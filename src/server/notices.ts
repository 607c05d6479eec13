import "server-only";
import { db } from "./db";

/** Failed sign-ins for this account that its owner has not yet seen (written by login-guard.ts), newest first. */
export async function unreadNotices(userId: number, take = 5) {
  return db.userNotice.findMany({
    where: { userId, readAt: null },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true, detail: true },
  });
}
