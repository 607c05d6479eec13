// Reads the signed session cookie. getServerSession runs auth.ts's jwt callback, which refuses a
// cookie whose server-side session (sessions.ts) has ended, expired or gone idle. Kept apart from
// current-user.ts so tests can stand in for the cookie while everything after it (the user row,
// role, agency) is real.
import { getServerSession } from "next-auth";
import { authOptions } from "./auth";

export type SessionClaims = { uid: number; sv: number };

export async function readSession(): Promise<SessionClaims | null> {
  const s = (await getServerSession(authOptions)) as unknown as Partial<SessionClaims> | null;
  if (!s || typeof s.uid !== "number") return null;
  return { uid: s.uid, sv: s.sv ?? 0 };
}
