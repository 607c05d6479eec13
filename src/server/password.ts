// Password hashing with scrypt (memory-hard, in Node's standard library: no native add-on).
import { msg, type Msg } from "@/i18n/translate";
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 64;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, KEYLEN, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(rr), p: Number(pp) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Rules for a new password; one message (by key) per problem. */
export function passwordProblems(password: string): Msg[] {
  const problems: Msg[] = [];
  if (password.length < 10) problems.push(msg("admin.server.passwordShort"));
  if (password.length > 200) problems.push(msg("admin.server.passwordLong"));
  if (!/[A-Za-zÀ-ỹ]/.test(password) || !/\d/.test(password)) problems.push(msg("admin.server.passwordMix"));
  return problems;
}
