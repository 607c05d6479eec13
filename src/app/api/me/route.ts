import { NextResponse } from "next/server";
import { errorResponse } from "@/server/api-auth";
import { currentUser } from "@/server/current-user";

export const dynamic = "force-dynamic";

/** Who is signed in, for the account menu (public pages stay cacheable because they never read the cookie). */
export async function GET() {
  try {
    const u = await currentUser();
    return NextResponse.json(
      { user: u ? { name: u.name, email: u.email, role: u.role, agency: { code: u.agencyCode, nameVi: u.agencyNameVi, nameEn: u.agencyNameEn } } : null },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    // The user is re-read from the database: while it cannot be reached, a 503 the menu may retry.
    return errorResponse(e);
  }
}
