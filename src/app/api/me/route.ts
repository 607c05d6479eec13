import { NextResponse } from "next/server";
import { errorResponse } from "@/server/api-auth";
import { currentUser } from "@/server/current-user";
import { unreadNotices } from "@/server/notices";
import { unreadCount } from "@/modules/notifications/queries";

export const dynamic = "force-dynamic";

/** Who is signed in, for the account menu (public pages stay cacheable because they never read the cookie). */
export async function GET() {
  try {
    const u = await currentUser();
    // Failed sign-ins for this account that its owner has not yet seen (src/server/login-guard.ts).
    const [notices, unread] = u ? await Promise.all([unreadNotices(u.id), unreadCount(u)]) : [[], 0];
    return NextResponse.json(
      {
        user: u
          ? {
              name: u.name,
              email: u.email,
              role: u.role,
              agency: { code: u.agencyCode, nameVi: u.agencyNameVi, nameEn: u.agencyNameEn },
              // The bell's count: the user's own unread notifications (src/modules/notifications).
              unread,
              notices: notices.map((n) => {
                const d = n.detail as { failures?: number; addresses?: string[] };
                return { at: n.createdAt.toISOString(), failures: d.failures ?? 0, addresses: d.addresses ?? [] };
              }),
            }
          : null,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    // The user is re-read from the database: while it cannot be reached, a 503 the menu may retry.
    return errorResponse(e);
  }
}
