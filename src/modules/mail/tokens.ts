// One-time email tokens (password reset, unsubscribe). The link carries 32 random bytes; the
// database keeps only their SHA-256, so a leaked table (or backup) opens nothing.
import { createHash, randomBytes } from "node:crypto";

export const RESET_TTL_MS = 60 * 60_000;
export const UNSUBSCRIBE_TTL_MS = 180 * 24 * 60 * 60_000;

/** A fresh token for a link, and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** 32 bytes in base64url are 43 characters: anything else is refused before the database is asked. */
export function isTokenShaped(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
