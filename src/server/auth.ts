// next-auth configuration: email + password, JWT sessions that expire. The token carries only the
// user id and the session version; every request re-reads the user (see current-user.ts), so a
// deactivation or password reset takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { assertMayTry, recordAttempt } from "./login-guard";
import { verifyPassword } from "./password";

export const SESSION_MAX_AGE = 8 * 60 * 60; // a working day

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

/** Checks an email and password; throws LockedError after too many failures (see login-guard.ts). */
export async function checkCredentials(raw: unknown, ip: string | null = null): Promise<{ id: string; email: string; name: string; sv: number } | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email;
  await assertMayTry(email, ip);
  const user = await db.user.findUnique({ where: { email } });
  // Compare against a dummy hash when the user does not exist, so timing does not reveal accounts.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  const success = !!user && user.active && ok;
  await recordAttempt(email, ip, success);
  if (!success) return null;
  return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
}

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const fwd = headers?.["x-forwarded-for"];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
  return first || null;
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";

type LogMetadata = Error | { error?: Error; message?: string; [key: string]: unknown };
const messageOf = (m: LogMetadata) => (m instanceof Error ? m.message : (m?.message ?? m?.error?.message));

/**
 * next-auth's logger, except for JWT_SESSION_ERROR: a session cookie that does not decrypt
 * (forged, garbled, signed with an old secret) is answered "no session", and anyone can send one,
 * so it gets one short warning line instead of an error with a stack per request. Other errors
 * are logged as next-auth logs them.
 */
const logger: NextAuthOptions["logger"] = {
  error(code: string, metadata: LogMetadata) {
    if (code === "JWT_SESSION_ERROR") {
      const why = String(messageOf(metadata) ?? "").split("\n")[0].replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);
      console.warn(`[next-auth] JWT_SESSION_ERROR: an unreadable session cookie was ignored (${why})`);
      return;
    }
    console.error(`[next-auth][error][${code}]`, `\nhttps://next-auth.js.org/errors#${code.toLowerCase()}`, messageOf(metadata), metadata);
  },
};

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/vi/login" },
  logger,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (raw, req) => checkCredentials(raw, clientIp(req?.headers as Record<string, string> | undefined)),
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
