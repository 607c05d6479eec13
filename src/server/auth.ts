// next-auth configuration: email + password, JWT sessions. The token carries the user id, the
// session version and the id of a server-side session row (sessions.ts), which every use checks:
// sign-out, "sign out everywhere", the idle timeout and the absolute expiry end it on the server.
// Every request also re-reads the user (see current-user.ts), so a deactivation or password reset
// takes effect at once.
import type { NextAuthOptions } from "next-auth";
import { encode as encodeJwt, type JWTEncodeParams } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddressFromHeaders } from "./client-address";
import { db } from "./db";
import { maybePruneAuthRows } from "./auth-prune";
import { ThrottledError, assertMayTry, recordAttempt } from "./login-guard";
import { verifyPassword } from "./password";
import { SESSION_MAX_AGE, endSession, openSession, sessionIsLive } from "./sessions";

/** Thrown by the jwt callback for a cookie whose session has ended: next-auth answers "no session" and clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("SESSION_ENDED");
  }
}

const credentials = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(200),
});

/** Checks an email and password; throws ThrottledError while this account and address must wait (see login-guard.ts). */
export async function checkCredentials(
  raw: unknown,
  ip: string | null = null,
): Promise<{ id: string; email: string; name: string; sv: number } | null> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email;
  // Sign-in is what adds attempt and session rows, so it is also what clears out the old ones.
  void maybePruneAuthRows();
  try {
    await assertMayTry(email, ip);
  } catch (e) {
    // Trying again while told to wait counts as a failure: hammering only lengthens the wait (of
    // this pair and this address; nobody else's).
    if (e instanceof ThrottledError) await recordAttempt(email, ip, false);
    throw e;
  }
  const user = await db.user.findUnique({ where: { email } });
  // Compare against a dummy hash when the user does not exist, so timing does not reveal accounts.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  const success = !!user && user.active && ok;
  await recordAttempt(email, ip, success);
  if (!success) return null;
  return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
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
    // An ended session is the ordinary result of signing out or of time passing: nothing to log.
    if (
      code === "JWT_SESSION_ERROR" &&
      (metadata instanceof SessionEndedError || (metadata as { error?: Error })?.error instanceof SessionEndedError)
    )
      return;
    if (code === "JWT_SESSION_ERROR") {
      const why = String(messageOf(metadata) ?? "")
        .split("\n")[0]
        .replace(/[\u0000-\u001f\u007f]/g, "")
        .slice(0, 200);
      console.warn(`[next-auth] JWT_SESSION_ERROR: an unreadable session cookie was ignored (${why})`);
      return;
    }
    console.error(
      `[next-auth][error][${code}]`,
      `\nhttps://next-auth.js.org/errors#${code.toLowerCase()}`,
      messageOf(metadata),
      metadata,
    );
  },
};

// next-auth re-encodes the token with a fresh maxAge on every session read; capping it at the
// session's absolute end keeps the JWT itself from outliving the working day, whatever the row says.
function encode(params: JWTEncodeParams) {
  const aexp = params.token?.aexp;
  if (typeof aexp !== "number") return encodeJwt(params);
  const left = Math.max(1, Math.min(params.maxAge ?? SESSION_MAX_AGE, aexp - Math.floor(Date.now() / 1000)));
  return encodeJwt({ ...params, maxAge: left });
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE, encode },
  pages: { signIn: "/vi/login" },
  logger,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: async (raw, req) =>
        checkCredentials(
          raw,
          clientAddressFromHeaders(req?.headers as Record<string, string | string[] | undefined> | undefined),
        ),
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user) {
        const uid = Number(user.id);
        const { sid, expiresAt } = await openSession(uid);
        token.uid = uid;
        token.sv = (user as unknown as { sv: number }).sv;
        token.sid = sid;
        token.aexp = Math.floor(expiresAt.getTime() / 1000);
        return token;
      }
      // Every other read of the cookie (getServerSession, /api/auth/session) lands here.
      if (
        typeof token.aexp !== "number" ||
        token.aexp * 1000 <= Date.now() ||
        !(await sessionIsLive(token.sid, token.uid))
      )
        throw new SessionEndedError();
      return token;
    },
    session: async ({ session, token }) => {
      (session as unknown as { uid: number; sv: number }).uid = token.uid as number;
      (session as unknown as { uid: number; sv: number }).sv = token.sv as number;
      // The real end of the session, not next-auth's sliding one.
      session.expires = new Date((token.aexp as number) * 1000).toISOString();
      return session;
    },
  },
  events: {
    signOut: async ({ token }) => endSession(token?.sid, "signout"),
  },
};
