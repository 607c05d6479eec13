import { NextResponse } from "next/server";
import { currentUser } from "@/server/current-user";

export const dynamic = "force-dynamic";

/** Who is signed in, for the account menu (public pages stay cacheable because they never read the cookie). */
export async function GET() {
  const u = await currentUser();
  return NextResponse.json(
    { user: u ? { name: u.name, email: u.email, role: u.role, agency: { code: u.agencyCode, nameVi: u.agencyNameVi, nameEn: u.agencyNameEn } } : null },
    { headers: { "Cache-Control": "no-store" } },
  );
}
