// next-auth configuration: email + password, JWT sessions that expire. The token carries only the
// user id and the session version; every request re-reads the user (see current-user.ts), so a
// deactivation or password reset takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { verifyPassword } from "./password";

export const SESSION_MAX_AGE = 8 * 60 * 60; // a working day

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

export async function checkCredentials(raw: unknown): Promise<{ id: string; email: string; name: string; sv: number } | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  // Compare against a dummy hash when the user does not exist, so timing does not reveal accounts.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !ok) return null;
  return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/vi/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (raw) => checkCredentials(raw),
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as unknown as { sv: number }).sv;
      }
      return token;
    },
    session: async ({ session, token }) => {
      (session as unknown as { uid: number; sv: number }).uid = token.uid as number;
      (session as unknown as { uid: number; sv: number }).sv = token.sv as number;
      return session;
    },
  },
};
